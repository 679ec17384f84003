from django.apps import AppConfig

from core.sections import StandardSection


class ContactsConfig(AppConfig):
    """Units, leaders and citizen reception: built by the contacts issue."""

    name = "contacts"
    verbose_name = "Liên hệ"
    standard_sections = [
        StandardSection(
            50,
            "lien-he",
            "Liên hệ",
            "contacts.ContactPage",
            text_field="body",
            demo_text="<p>Địa chỉ, điện thoại, thư điện tử của {name}, lịch tiếp công dân của lãnh đạo.</p>",
        ),
    ]
    demo_loaders = [(20, "contacts.demo.load_contacts_demo")]
    home_panels = [(30, "contacts.home_panels.hotline_and_reception")]

    def ready(self):
        from . import cache_tags

        cache_tags.connect()
