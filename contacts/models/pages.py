"""The "Liên hệ" section of each site: its introduction, then the site's units, leaders and citizen reception.

A page type of its own, so the contacts show on the contact section by what it is, not by its slug, and the
section is one per site like the other sections (``core.site_section``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.site_section import SiteSection

from ..directory import site_reception, site_units


class ContactPage(SiteSection, Page):
    """At ``/lien-he/`` under each home page. Units, leaders and reception are records edited in their own
    admin menus; only the introduction is edited on the page."""

    # Response cache tags (core/response_cache/tags.py): the per-site list it shows.
    shows_lists = ("contacts",)

    body = RichTextField(_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    # Strings: the home app sits beside this one in the layers, so it is named, never imported.
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang liên hệ")
        verbose_name_plural = _("trang liên hệ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.site_for(request)
        context["contacts"] = {"units": site_units(site), "reception": site_reception(site)}
        return context
