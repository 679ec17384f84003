from django.apps import AppConfig


class ContactsConfig(AppConfig):
    """Units, leaders and citizen reception: built by the contacts issue."""

    name = "contacts"
    verbose_name = "Liên hệ"
    demo_loaders = [(20, "contacts.demo.load_contacts_demo")]
