"""Administrative procedures (thủ tục hành chính, TTHC) with their link to the online public service."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.search import FoldedSearchMixin


class ProcedureLevel(models.TextChoices):
    CENTRAL = "central", _("Cấp trung ương")
    PROVINCIAL = "provincial", _("Cấp tỉnh")
    LOCAL = "local", _("Cấp cơ sở")


class OnlineLevel(models.TextChoices):
    NONE = "", _("Chưa cung cấp trực tuyến")
    PARTIAL = "partial", _("Dịch vụ công trực tuyến một phần")
    FULL = "full", _("Dịch vụ công trực tuyến toàn trình")


class AdministrativeProcedurePage(FoldedSearchMixin, Page):
    # Response cache tags (core/response_cache/tags.py): the per-site list a publish changes.
    cache_lists = ("procedures",)
    code = models.CharField(_("mã thủ tục"), max_length=30, db_index=True, help_text=_("Ví dụ: 1.000123"))
    field_name = models.CharField(_("lĩnh vực"), max_length=200)
    agency = models.CharField(_("cơ quan thực hiện"), max_length=200)
    level = models.CharField(_("cấp thực hiện"), max_length=12, choices=ProcedureLevel.choices)
    steps = RichTextField(_("trình tự thực hiện"))
    dossier = RichTextField(_("thành phần hồ sơ"))
    processing_days = models.PositiveSmallIntegerField(_("thời hạn giải quyết (ngày làm việc)"))
    fees = models.CharField(_("phí, lệ phí"), max_length=300, blank=True, default="Không")
    online_level = models.CharField(_("mức độ trực tuyến"), max_length=8, choices=OnlineLevel.choices, blank=True)
    online_service_url = models.URLField(
        _("địa chỉ dịch vụ công trực tuyến"),
        blank=True,
        help_text=_("Trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)"),
    )
    folded_search_fields = ("title", "code", "field_name", "agency", "steps", "dossier")
    folded_title_fields = ("title", "code")  # what names a procedure in a list, ranked first
    # Not loaded for lists: long texts that a list never shows but would carry through every sort.
    full_text_fields = ("steps", "dossier", "search_text", "search_title")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("field_name")]),
                FieldRowPanel([FieldPanel("agency"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("processing_days"), FieldPanel("fees")]),
                FieldRowPanel([FieldPanel("online_level"), FieldPanel("online_service_url")]),
            ],
            heading=_("Thông tin thủ tục"),
        ),
        FieldPanel("steps"),
        FieldPanel("dossier"),
        InlinePanel("bases", label=_("Căn cứ pháp lý")),
    ]
    parent_page_types = ["legal.LegalDocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def get_context(self, request, *args, **kwargs):
        """Only published documents are offered as the legal basis: an unpublished one would be a dead link."""
        context = super().get_context(request, *args, **kwargs)
        context["bases"] = self.bases.filter(basis__live=True).select_related("basis")
        return context


class ProcedureBasis(Orderable):
    page = ParentalKey(AdministrativeProcedurePage, on_delete=models.CASCADE, related_name="bases")
    basis = models.ForeignKey(
        "legal.LegalDocumentPage",
        verbose_name=_("văn bản làm căn cứ"),
        on_delete=models.CASCADE,
        related_name="procedure_links",
    )

    panels = [FieldPanel("basis")]
