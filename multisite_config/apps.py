from django.apps import AppConfig


class MultisiteConfigConfig(AppConfig):
    name = "multisite_config"
    verbose_name = "Cấu hình đa trang"
