"""Home pages of the national and provincial sites, their standard sections, and per-site notices."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, Site
from wagtail.search import index

from core.search import FoldedSearchMixin
from multisite_config.forms import SiteOwnedAdminForm

from .menu import LINK_FIELDS, menu_sections, sections_under


class HomePage(Page):
    """The root of one site (national or provincial); sites are siblings so no board inherits another's pages."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.SectionPage",
        "home.NewsIndexPage",
        "faq.QuestionIndexPage",
        "legal.LegalDocumentIndexPage",
        "contacts.ContactPage",
    ]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.section_cards(request)
        return context

    def section_cards(self, request):
        """The sections in the menu, as their cards show them: title, URL and the lead of a section page.

        The menu's own (``home.menu``), kept per site, when this is the home page of the site asked for; read
        afresh otherwise (an editor previewing another site's home page from the admin's host).
        """
        site = Site.find_for_request(request)
        if site is not None and site.root_page_id == self.pk:
            return menu_sections(request, site)
        return sections_under(request, self)


class SectionPage(FoldedSearchMixin, Page):
    """A standard section of seed 003 (Giới thiệu, Tin tức – Sự kiện, …) or a plain page under one.

    Its text is kept as folded syllables (``core.search``) so the site search finds it as it finds news."""

    lead = models.TextField(_("sa pô"), blank=True, max_length=600)
    body = RichTextField(_("nội dung"), blank=True)
    folded_search_fields = ("title", "lead", "body")

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.SectionPage"]
    subpage_types = ["home.SectionPage"]

    class Meta:
        verbose_name = _("chuyên mục / trang nội dung")
        verbose_name_plural = _("chuyên mục / trang nội dung")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.child_links()
        return context

    def child_links(self):
        """The published pages below, as the page lists them: titles and URLs, so base pages are enough."""
        return self.get_children().live().public().only(*LINK_FIELDS)

    def breadcrumbs(self):
        """The pages above this one, from the home page down.

        Wagtail's routing leaves on each page the parent it came through, so walking up costs no query for a
        page it served, where ``get_ancestors`` cost one.
        """
        trail, page = [], self
        while page.depth > 2:
            page = page.get_parent()
            trail.append(page)
        return trail[::-1]


class SiteNoticeQuerySet(models.QuerySet):
    def current(self, site, now=None):
        """Notices of this site that are showing at ``now``."""
        now = now or timezone.now()
        return self.filter(site=site, starts_at__lte=now).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))


def next_notice_change(now):
    """The earliest moment after ``now`` a notice starts or ends (the response cache's ``next_public_change``
    hook): a notice scheduled ahead shows on every page of its site from then, with no write."""
    moments = SiteNotice.objects.aggregate(
        starts=models.Min("starts_at", filter=Q(starts_at__gt=now)),
        ends=models.Min("ends_at", filter=Q(ends_at__gt=now)),
    )
    return min((moment for moment in moments.values() if moment), default=None)


class SiteNotice(models.Model):
    """A notice a board shows across its own site (a maintenance window, a change of office hours).

    Site-owned: only the board of ``site`` (and the national centre) can see or change it in the admin.
    """

    site = models.ForeignKey(Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="notices")
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"), max_length=2000, blank=True)
    starts_at = models.DateTimeField(_("hiển thị từ"), default=timezone.now)
    ends_at = models.DateTimeField(_("hiển thị đến"), null=True, blank=True)

    objects = SiteNoticeQuerySet.as_manager()
    base_form_class = SiteOwnedAdminForm

    panels = [
        FieldPanel("site"),
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
    ]

    class Meta:
        verbose_name = _("thông báo của trang")
        verbose_name_plural = _("thông báo của trang")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title


from .news import NewsIndexPage, NewsPage, Royalty  # noqa: E402,F401  (news models live in their own module)
from .news_shares import NewsShare  # noqa: E402,F401
