"""The "Văn bản – Thủ tục hành chính" section of a site: its documents, filtered, searched and paginated."""
from django.core.paginator import Paginator
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from legal.forms import DocumentFilterForm
from legal.procedures import procedure_list
from multisite_config.models import Topic

from .document_types import DocumentType
from .documents import LegalDocumentPage
from .drafts import DraftDocumentPage

PER_PAGE = 20


class LegalDocumentIndexPage(RoutablePageMixin, Page):
    """One per site; lists only its own children, so a site never shows another site's documents.

    Its procedures (thủ tục hành chính) are listed by a route of their own, ``thu-tuc-hanh-chinh/``.
    """

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["legal.LegalDocumentPage", "legal.DraftDocumentPage", "legal.AdministrativeProcedurePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang văn bản – thủ tục hành chính")
        verbose_name_plural = _("trang văn bản – thủ tục hành chính")

    def documents(self):
        return LegalDocumentPage.objects.child_of(self).live().public().with_status()

    def filter_form(self, data):
        documents = self.documents()
        years = documents.exclude(issued_on=None).dates("issued_on", "year", order="DESC")
        issuers = documents.exclude(issuer="").order_by("issuer").values_list("issuer", flat=True).distinct()
        return DocumentFilterForm(data, types=DocumentType.objects.all(), years=[day.year for day in years],
                                  issuers=list(issuers), topics=Topic.objects.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form(request.GET)
        documents = self.documents().none()
        if form.is_valid():
            newest_first = [F("issued_on").desc(nulls_last=True), "-pk"]
            ordering = ["-phrase_match", *newest_first] if form.cleaned_data["q"] else newest_first
            documents = form.apply(self.documents()).select_related("document_type").order_by(*ordering)
        context.update(filters=form, documents=Paginator(documents, PER_PAGE).get_page(request.GET.get("trang")),
                       drafts=DraftDocumentPage.objects.child_of(self).live().public().order_by("-opens_at"))
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
