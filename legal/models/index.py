"""The "Văn bản – Thủ tục hành chính" section of a site: its documents, filtered, searched and paginated."""

from django.core.paginator import Paginator
from django.db.models import F
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.collation import vietnamese_key
from core.response_cache import tags
from core.search import folded_search
from core.site_section import SiteSection
from core.tree import published_q
from legal.forms import DocumentFilterForm
from legal.procedures import procedure_list
from legal.subtree import listed
from multisite_config.models import Topic

from .document_types import DocumentType
from .documents import LegalDocumentPage
from .drafts import DraftDocumentPage

PER_PAGE = 20


class Year(ExtractYear):
    """The year of a date. Django's ``ExtractYear`` calls back into Python for every row on SQLite, where the
    filter's choices read every document of the section; SQLite's own ``strftime`` is several times cheaper."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(strftime('%%Y', {sql}) AS integer)", params


class LegalDocumentIndexPage(SiteSection, RoutablePageMixin, Page):
    """One per site; lists only its own children, so a site never shows another site's documents.

    Its procedures (thủ tục hành chính) are listed by a route of their own, ``thu-tuc-hanh-chinh/``. The
    search box (``q``) searches the drafts it lists as well as the documents.
    """

    # Response cache tags (core/response_cache/tags.py): the per-site lists it shows.
    shows_lists = ("documents", "drafts", "procedures")

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["legal.LegalDocumentPage", "legal.DraftDocumentPage", "legal.AdministrativeProcedurePage"]

    class Meta:
        verbose_name = _("trang văn bản – thủ tục hành chính")
        verbose_name_plural = _("trang văn bản – thủ tục hành chính")

    @classmethod
    def published_in_site(cls, model, site):
        """Live, public pages of ``model`` (documents, drafts, procedures) in the site's section, to list."""
        tags.shows(tags.listing(model.cache_lists[0], site.pk))
        section = cls.place_in(site)
        return listed(model, section, published_q()) if section else model.objects.none()

    def documents(self, published=None):
        """``published``: ``legal.subtree.published_q()`` when the caller has already read it."""
        return listed(LegalDocumentPage, self, published or published_q())

    def filter_form(self, data, documents):
        """The years and issuers on offer are those of ``documents``, read together in one query."""
        facets = documents.annotate(year=Year("issued_on")).values_list("year", "issuer").order_by().distinct()
        years, issuers = {year for year, _issuer in facets if year}, {issuer for _year, issuer in facets if issuer}
        return DocumentFilterForm(
            data,
            types=DocumentType.objects.all(),
            years=sorted(years, reverse=True),
            issuers=sorted(issuers, key=vietnamese_key),
            topics=Topic.objects.all(),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        published = published_q()
        documents = self.documents(published)
        form = self.filter_form(request.GET, documents)
        found = documents.none()
        if form.is_valid():
            # Newest first; a search puts its ranking before that order (core.search.folded_search).
            newest_first = documents.order_by(F("issued_on").desc(nulls_last=True), "-pk")
            found = form.apply(newest_first).select_related("document_type").with_status_inputs()
        drafts = listed(DraftDocumentPage, self, published).order_by("-opens_at", "-pk")
        if form.is_valid() and form.cleaned_data["q"]:
            drafts = folded_search(drafts, form.cleaned_data["q"])
        context.update(
            filters=form,
            documents=Paginator(found, PER_PAGE).get_page(request.GET.get("trang")),
            drafts=drafts,
            list_url=self.get_url(request),
        )
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        """A filter value that is not on offer gets 400 with the field named, not a silent empty list."""
        response = super().index_route(request, *args, **kwargs)
        if response.context_data["filters"].errors:
            response.status_code = 400
        return response

    @path("thu-tuc-hanh-chinh/", name="procedures")
    def procedures_route(self, request):
        return procedure_list(request, self)
