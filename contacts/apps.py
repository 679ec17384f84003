from django.apps import AppConfig


class ContactsConfig(AppConfig):
    """Units, leaders and citizen reception: built by the contacts issue."""

    name = "contacts"
    verbose_name = "Liên hệ"
