from django.apps import AppConfig


class MultisiteConfigConfig(AppConfig):
    name = "multisite_config"
    verbose_name = "Cấu hình đa trang"

    def ready(self):
        from . import accounts, two_factor  # noqa: F401  (connect the audit-log receivers of sign-ins, devices)
