from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project on top of the apps: settings, URLs, the assembled API, reports, bootstrap and demo."""

    name = "portal"
    verbose_name = "Cổng thông tin (dự án)"
