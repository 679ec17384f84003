"""A legal or directive document published in a site's "Văn bản – Thủ tục hành chính" section.

Its status is derived, not typed in: it changes with the calendar and with the documents that replace it.
The rules are written twice, with the same precedence: in SQL (``with_status``, ``in_status``) to filter a
list by status, and in Python (``status``) for the documents shown, from their own dates and the
replacements prefetched by ``with_status_inputs``: computing it in SQL for display would evaluate it for
every document of the site to show a page of twenty. Editors only record what the dates and relations
cannot say: that a document is partly in force, and that it is in force at all.

"In force" is not a default: nothing in a document's own text says it has not been repealed since, so a
document whose dates and replacements do not settle its status is "Chưa xác định" until the editorial board
confirms it (``validity_confirmed``). The importer never confirms; a re-import never takes a confirmation back.
"""

from django.db import models
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.search import FoldedSearchMixin, folded_search


class Status(models.TextChoices):
    IN_FORCE = "con-hieu-luc", _("Còn hiệu lực")
    PARTLY = "het-hieu-luc-mot-phan", _("Hết hiệu lực một phần")
    EXPIRED = "het-hieu-luc", _("Hết hiệu lực")
    NOT_YET = "chua-co-hieu-luc", _("Chưa có hiệu lực")
    UNKNOWN = "chua-xac-dinh", _("Chưa xác định")


def replacements_in_effect(today):
    """Links from live documents that have taken effect: what makes a document expired or partly in force."""
    return LegalDocumentReplacement.objects.filter(
        Q(page__effective_on__isnull=True) | Q(page__effective_on__lte=today), page__live=True
    )


def replaced(partly, today):
    """A live document that has taken effect replaces this one (wholly or in part)."""
    return Exists(replacements_in_effect(today).filter(replaced=OuterRef("pk"), partly=partly))


def status_case(today):
    """The status in SQL; the order of the rules is the order of precedence (as in ``status_from``)."""
    return Case(
        When(effective_on__gt=today, then=Value(Status.NOT_YET)),
        When(replaced(False, today) | Q(expires_on__lte=today), then=Value(Status.EXPIRED)),
        When(replaced(True, today) | Q(partly_in_force=True), then=Value(Status.PARTLY)),
        When(validity_confirmed=True, then=Value(Status.IN_FORCE)),
        default=Value(Status.UNKNOWN),
        output_field=models.CharField(),
    )


def status_from(document, replacements, today):
    """The status in Python, from the document's dates and its ``replacements_in_effect`` (as ``status_case``)."""
    if document.effective_on and document.effective_on > today:
        return Status.NOT_YET
    if any(not link.partly for link in replacements) or (document.expires_on and document.expires_on <= today):
        return Status.EXPIRED
    if any(link.partly for link in replacements) or document.partly_in_force:
        return Status.PARTLY
    return Status.IN_FORCE if document.validity_confirmed else Status.UNKNOWN


class LegalDocumentQuerySet(PageQuerySet):
    def with_status(self, today=None):
        """Annotate ``status_code`` computed in SQL for every document of the query."""
        return self.annotate(status_code=status_case(today or timezone.localdate()))

    def in_status(self, status, today=None):
        """The documents whose status is ``status``, without selecting the status of each."""
        return self.alias(status_code=status_case(today or timezone.localdate())).filter(status_code=status)

    def with_status_inputs(self, today=None):
        """Prefetch, in one query for the documents fetched, what ``status`` reads beyond their own row."""
        today = today or timezone.localdate()
        links = replacements_in_effect(today).only("replaced_id", "partly")
        return self.prefetch_related(Prefetch("replaced_by_links", queryset=links, to_attr="status_links"))

    def search(self, query):
        """``core.search.folded_search``: number, title or subject matches first, then the queryset's order."""
        return folded_search(self, query)


class LegalDocumentPage(FoldedSearchMixin, Page):
    # Response cache tags (core/response_cache/tags.py): the per-site list a publish changes.
    cache_lists = ("documents",)
    number = models.CharField(_("số hiệu"), max_length=60, blank=True, db_index=True, help_text=_("Ví dụ: 07/BHXH-PC"))
    document_type = models.ForeignKey(
        "legal.DocumentType",
        verbose_name=_("loại văn bản"),
        null=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    place = models.CharField(_("nơi ban hành"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_on = models.DateField(
        _("ngày có hiệu lực"), null=True, blank=True, help_text=_("Để trống nếu có hiệu lực từ ngày ban hành.")
    )
    expires_on = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    partly_in_force = models.BooleanField(
        _("hết hiệu lực một phần"),
        default=False,
        help_text=_("Đánh dấu khi một phần văn bản đã bị bãi bỏ mà văn bản thay thế chưa có trên trang."),
    )
    validity_confirmed = models.BooleanField(
        _("ban biên tập đã xác nhận còn hiệu lực"),
        default=False,
        help_text=_(
            "Chưa đánh dấu thì tình trạng hiển thị “Chưa xác định” (trừ khi ngày hiệu lực, ngày hết hiệu lực "
            "hoặc văn bản thay thế đã cho biết). Văn bản nhập tự động luôn chờ ban biên tập xác nhận."
        ),
    )
    subject = models.CharField(_("trích yếu"), max_length=500, blank=True, help_text=_("Ví dụ: V/v …"))
    addressees = models.TextField(_("kính gửi"), blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    summary = models.TextField(_("tóm tắt"), max_length=2000, blank=True)
    body = RichTextField(_("toàn văn"), blank=True)
    footnotes = models.TextField(
        _("chú thích"),
        blank=True,
        help_text=_("Mỗi dòng một chú thích, theo thứ tự số; dấu chú thích số N trong toàn văn trỏ tới dòng thứ N."),
    )
    topics = ParentalManyToManyField(
        "multisite_config.Topic", verbose_name=_("chủ đề"), blank=True, related_name="legal_documents"
    )
    folded_search_fields = ("title", "number", "subject", "summary", "issuer", "signer_name", "body", "footnotes")
    folded_title_fields = ("title", "number", "subject")  # what names a document in a list, ranked first
    # Not loaded for lists: long texts that a list never shows but would carry through every sort.
    full_text_fields = ("body", "footnotes", "recipients", "search_text", "search_title")

    objects = PageManager.from_queryset(LegalDocumentQuerySet)()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_title")]),
            ],
            heading=_("Thông tin văn bản"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]),
                FieldPanel("partly_in_force"),
                FieldPanel("validity_confirmed"),
            ],
            heading=_("Hiệu lực"),
        ),
        FieldPanel("subject"),
        FieldPanel("addressees"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("footnotes"),
        FieldPanel("recipients"),
        InlinePanel("attachments", label=_("Tệp đính kèm")),
        InlinePanel("replacements", label=_("Văn bản được thay thế")),
        InlinePanel("bases", label=_("Căn cứ pháp lý")),
        FieldPanel("topics"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("subject"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("issued_on"),
    ]
    parent_page_types = ["legal.LegalDocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    @property
    def status(self):
        """Annotated by ``with_status``, else from the links ``with_status_inputs`` prefetched or read now."""
        code = getattr(self, "status_code", None)
        if code is not None:
            return Status(code)
        today = timezone.localdate()
        links = getattr(self, "status_links", None)
        if links is None:
            links = replacements_in_effect(today).filter(replaced=self).only("partly")
        return status_from(self, links, today)

    @property
    def recipient_list(self):
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    @property
    def footnote_list(self):
        """The footnotes numbered as the body's markers number them: (1, text), (2, text)…"""
        return list(enumerate((line.strip() for line in self.footnotes.splitlines() if line.strip()), start=1))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            attachments=self.attachments.select_related("document"),
            replaces=self.replacements.select_related("replaced"),
            replaced_by=LegalDocumentReplacement.objects.filter(replaced=self, page__live=True).select_related("page"),
            bases=self.bases.select_related("basis"),
            basis_for=LegalDocumentBasis.objects.filter(basis=self, page__live=True).select_related("page"),
            topics=self.topics.all(),
        )
        return context


class LegalDocumentAttachment(Orderable):
    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(_("tên hiển thị"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]

    @property
    def display_label(self):
        return self.label or self.document.title


class LegalDocumentReplacement(Orderable):
    """``page`` replaces ``replaced``; the reverse ("replaced by") is derived from the same rows."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="replacements")
    replaced = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("văn bản được thay thế"),
        on_delete=models.CASCADE,
        related_name="replaced_by_links",
    )
    partly = models.BooleanField(_("chỉ thay thế một phần"), default=False)

    panels = [FieldPanel("replaced"), FieldPanel("partly")]


class LegalDocumentBasis(Orderable):
    """``basis`` is a legal basis of ``page`` (a document this one is issued under)."""

    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="bases")
    basis = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("văn bản làm căn cứ"),
        on_delete=models.CASCADE,
        related_name="basis_for_links",
    )

    panels = [FieldPanel("basis")]
