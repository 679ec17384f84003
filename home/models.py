"""Home pages of the national and provincial sites, their standard sections, and per-site notices."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from core.response_cache import tags
from core.search import FoldedSearchMixin
from core.sections import home_panels
from core.tree import published_q
from multisite_config.forms import SiteOwnedAdminForm

from .home_news import latest_news, provincial_news
from .menu import LINK_FIELDS, menu_sections, sections_under


class HomePage(Page):
    """The root of one site (national or provincial); sites are siblings so no board inherits another's pages.

    Laid out as a government portal's home: the board's notice, the latest news (own and shared; on the national
    portal also the provinces'), the panels other apps declare (drafts open for comment, hotline and reception:
    ``core.sections.home_panels``), quick links to the online public services and the procedures, and the
    documents the board features. Everything but the panels is edited on this page by the site's board.
    """

    intro = RichTextField(_("giới thiệu"), blank=True)
    notice_title = models.CharField(_("tiêu đề thông báo"), max_length=200, blank=True)
    notice = RichTextField(
        _("thông báo"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Thông báo nổi bật trên trang chủ (lịch nghỉ, thay đổi giờ làm việc, kỳ điều chỉnh mức đóng…)."),
    )
    news_count = models.PositiveSmallIntegerField(_("số tin mới hiển thị"), default=6, help_text=_("Từ 3 đến 12 tin."))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("notice_title"), FieldPanel("notice")], heading=_("Thông báo")),
        FieldPanel("news_count"),
        InlinePanel("quick_links", heading=_("Liên kết nhanh"), label=_("liên kết")),
        InlinePanel("featured_documents", heading=_("Văn bản nổi bật"), label=_("văn bản"), max_num=8),
    ]
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

    def clean(self):
        super().clean()
        if not 3 <= self.news_count <= 12:
            raise ValidationError({"news_count": _("Số tin mới hiển thị phải từ 3 đến 12.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.site_of(request)
        context["sections"] = self.section_cards(request)
        latest = latest_news(site, request, self.news_count) if site else []
        context["latest_news"] = latest
        context["provincial_news"] = provincial_news(site, request, self.news_count, latest) if site else []
        context["panels"] = [panel for show in home_panels() if site and (panel := show(request, site))]
        context["quick_links"] = list(self.quick_links.all())
        context["featured_documents"] = self.featured(request)
        return context

    def site_of(self, request):
        """The request's site when this is its home page (no query); otherwise (an editor previewing another
        site's home page from the admin's host) the site whose root this page is."""
        site = Site.find_for_request(request)
        if site is not None and site.root_page_id == self.pk:
            return site
        return Site.objects.select_related("root_page").filter(root_page=self).first()

    def featured(self, request):
        """The live, public documents the board chose, in its order, each shown under its own page's tag.

        Read from the page's rows as they are (``all()``), so a preview shows the unsaved choice too."""
        chosen = [item.document_id for item in self.featured_documents.all()]
        if not chosen:
            return []
        found = {page.pk: page for page in Page.objects.filter(published_q(), pk__in=chosen).only(*LINK_FIELDS)}
        shown = [found[pk] for pk in chosen if pk in found]
        tags.shows(*(tags.page(page.pk) for page in shown))
        return [(page, page.get_url(request)) for page in shown]

    def section_cards(self, request):
        """The sections in the menu, as their cards show them: title, URL and the lead of a section page.

        The menu's own (``home.menu``), kept per site, when this is the home page of the site asked for; read
        afresh otherwise (an editor previewing another site's home page from the admin's host).
        """
        site = Site.find_for_request(request)
        if site is not None and site.root_page_id == self.pk:
            return menu_sections(request, site)
        return sections_under(request, self)


def validate_link(value):
    """A path of the site (``/van-ban-thu-tuc-hanh-chinh/thu-tuc-hanh-chinh/``) or a full http(s) address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _("Nhập đường dẫn trong trang (bắt đầu bằng “/”) hoặc địa chỉ đầy đủ bắt đầu bằng https://.")
        ) from None


class HomeQuickLink(Orderable):
    """A quick link of a home page: an online public service (Cổng Dịch vụ công quốc gia, BHXH's, VssID) or a page
    of the site (the procedures); edited with the page, so only its site's board changes it."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="quick_links")
    title = models.CharField(_("tiêu đề"), max_length=120)
    url = models.CharField(_("địa chỉ"), max_length=500, validators=[validate_link])
    description = models.CharField(_("mô tả ngắn"), max_length=200, blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("liên kết nhanh")
        verbose_name_plural = _("liên kết nhanh")

    def __str__(self):
        return self.title

    @property
    def external(self):
        return not self.url.startswith("/")


class HomeFeaturedDocument(Orderable):
    """A document the board puts on its home page; chosen among the legal documents of its own site."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_documents")
    document = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("document", ["legal.LegalDocumentPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản nổi bật")
        verbose_name_plural = _("văn bản nổi bật")

    def clean(self):
        super().clean()
        if self.document_id and self.page_id and not self.document.path.startswith(self.page.path):
            raise ValidationError({"document": _("Chỉ chọn văn bản của chính trang này.")})


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
