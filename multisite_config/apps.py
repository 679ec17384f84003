from django.apps import AppConfig


class MultisiteConfigConfig(AppConfig):
    name = "multisite_config"
    verbose_name = "Cấu hình đa trang"

    def ready(self):
        from . import accounts, cache_tags, two_factor  # noqa: F401  (accounts, two_factor: audit-log receivers)

        cache_tags.connect()
