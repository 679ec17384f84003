"""Drafts published for comment (dự thảo xin ý kiến), their versions and the structure of each version.

An editor pastes the draft's text into ``draft_text``; each publication that changes it records a new
``DraftVersion`` whose ``DraftArticle`` rows are the draft split into Chương / Điều / Khoản / Điểm. An
article keeps its ``anchor`` across versions when it is the same provision (even renumbered or reworded),
so a comment made on version 1 still finds "its" article in the latest version, or learns it was removed.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from core.search import FoldedSearchMixin
from legal.structure import ArticleKind, parse


class CommentPeriodRule(models.Model):
    """The shortest comment window, in calendar days, for a type of document (editable by the centre)."""

    document_type = models.OneToOneField(
        "legal.DocumentType", verbose_name=_("loại văn bản"), on_delete=models.CASCADE, related_name="comment_period"
    )
    min_days = models.PositiveSmallIntegerField(_("số ngày lấy ý kiến tối thiểu"))

    panels = [FieldPanel("document_type"), FieldPanel("min_days")]

    class Meta:
        verbose_name = _("thời gian lấy ý kiến tối thiểu")
        verbose_name_plural = _("thời gian lấy ý kiến tối thiểu")

    def __str__(self):
        return f"{self.document_type}: {self.min_days}"


class DraftState(models.TextChoices):
    UPCOMING = "upcoming", _("Sắp lấy ý kiến")
    OPEN = "open", _("Đang lấy ý kiến")
    CLOSED = "closed", _("Đã hết hạn lấy ý kiến")


class DraftDocumentPage(FoldedSearchMixin, Page):
    # Response cache tags (core/response_cache/tags.py): the per-site list a publish changes.
    cache_lists = ("drafts",)
    document_type = models.ForeignKey(
        "legal.DocumentType", verbose_name=_("loại văn bản"), null=True, on_delete=models.PROTECT, related_name="drafts"
    )
    drafting_unit = models.CharField(_("đơn vị chủ trì soạn thảo"), max_length=200)
    summary = models.TextField(_("tóm tắt"), max_length=2000, blank=True)
    opens_at = models.DateTimeField(_("bắt đầu lấy ý kiến"))
    closes_at = models.DateTimeField(_("kết thúc lấy ý kiến"))
    draft_text = models.TextField(
        _("toàn văn dự thảo"),
        help_text=_(
            "Dán toàn văn dự thảo; mỗi Chương, Điều, Khoản, Điểm bắt đầu một dòng. Mỗi lần xuất bản "
            "với nội dung mới là một phiên bản mới; ý kiến đã gửi vẫn gắn với điều khoản của nó."
        ),
    )
    report_published = models.BooleanField(
        _("công khai báo cáo tổng hợp, tiếp thu, giải trình"),
        default=False,
        help_text=_("Chỉ có hiệu lực sau khi hết hạn lấy ý kiến."),
    )
    folded_search_fields = ("title", "drafting_unit", "summary", "draft_text")
    # Not loaded for lists: long texts that a list never shows but would carry through every sort.
    full_text_fields = ("draft_text", "search_text", "search_title")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("drafting_unit")]),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Lấy ý kiến"),
        ),
        FieldPanel("summary"),
        FieldPanel("draft_text"),
        InlinePanel("attachments", label=_("Tờ trình và tài liệu kèm theo")),
        FieldPanel("report_published"),
    ]
    parent_page_types = ["legal.LegalDocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def state(self, now=None):
        now = now or timezone.now()
        if now < self.opens_at:
            return DraftState.UPCOMING
        return DraftState.OPEN if now < self.closes_at else DraftState.CLOSED

    def clean(self):
        """The comment window must be long enough for the document type; the editor sees why in the form."""
        super().clean()
        problem = self.window_problem()
        if problem:
            raise ValidationError({"closes_at": problem})

    def window_problem(self):
        if not (self.opens_at and self.closes_at):
            return None
        if self.closes_at <= self.opens_at:
            return _("Thời điểm kết thúc lấy ý kiến phải sau thời điểm bắt đầu.")
        rule = (
            CommentPeriodRule.objects.select_related("document_type")
            .filter(document_type_id=self.document_type_id)
            .first()
        )
        if rule and self.closes_at - self.opens_at < timedelta(days=rule.min_days):
            earliest = timezone.localtime(self.opens_at + timedelta(days=rule.min_days))
            return _(
                "%(type)s phải được lấy ý kiến ít nhất %(days)s ngày: thời điểm kết thúc không được sớm hơn "
                "%(earliest)s."
            ) % {
                "type": rule.document_type.name,
                "days": rule.min_days,
                "earliest": earliest.strftime("%H:%M ngày %d/%m/%Y"),
            }
        return None

    def latest_version(self):
        return self.versions.order_by("-number").first()

    def get_context(self, request, *args, **kwargs):
        """The latest version's structure, the version history and what the latest version changed."""
        context = super().get_context(request, *args, **kwargs)
        versions = list(self.versions.order_by("-number"))
        latest = versions[0] if versions else None
        if latest:
            prefetch_related_objects([latest], "articles")  # kept on the version for the comment form
        articles = list(latest.articles.all()) if latest else []
        previous = versions[1] if len(versions) > 1 else None
        context.update(
            state=self.state(),
            versions=versions,
            latest_version=latest,
            articles=articles,
            preamble=parse(latest.text).preamble if latest else "",
            article_level=4 if any(article.kind == ArticleKind.CHAPTER for article in articles) else 3,
            changes=[
                article
                for article in articles
                if previous and article.kind == ArticleKind.ARTICLE and article.change != ArticleChange.UNCHANGED
            ],
            removed=previous.articles.filter(kind=ArticleKind.ARTICLE).exclude(
                anchor__in=[article.anchor for article in articles]
            )
            if previous
            else [],
            attachments=self.attachments.select_related("document"),
        )
        return context


class DraftAttachment(Orderable):
    class Kind(models.TextChoices):
        EXPLANATORY = "explanatory", _("Tờ trình, báo cáo giải trình")
        OTHER = "other", _("Tài liệu khác")

    page = ParentalKey(DraftDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.EXPLANATORY)
    label = models.CharField(_("tên hiển thị"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("kind"), FieldPanel("label")]


class DraftVersion(models.Model):
    draft = models.ForeignKey(DraftDocumentPage, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("phiên bản"))
    text = models.TextField(_("toàn văn"))
    published_at = models.DateTimeField(_("công bố lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("phiên bản dự thảo")
        ordering = ["draft", "number"]
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="one_number_per_draft_version")]

    def __str__(self):
        return f"{self.draft_id} v{self.number}"


class ArticleChange(models.TextChoices):
    """How an article of this version relates to the same provision (same anchor) in the previous one."""

    NEW = "new", _("Mới")
    UNCHANGED = "unchanged", _("Giữ nguyên")
    CHANGED = "changed", _("Sửa nội dung")
    RENUMBERED = "renumbered", _("Đánh số lại")
    RENUMBERED_CHANGED = "renumbered_changed", _("Đánh số lại và sửa nội dung")


class DraftArticle(models.Model):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="articles")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    anchor = models.CharField(_("mã ổn định"), max_length=16, db_index=True)
    kind = models.CharField(_("cấp"), max_length=8, choices=ArticleKind.choices)
    label = models.CharField(_("số"), max_length=40, help_text=_("Ví dụ: Điều 5, Khoản 2, Điểm a"))
    heading = models.CharField(_("tên"), max_length=500, blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    position = models.PositiveIntegerField(_("thứ tự"))
    change = models.CharField(
        _("thay đổi so với phiên bản trước"), max_length=20, choices=ArticleChange.choices, default=ArticleChange.NEW
    )
    previous_label = models.CharField(_("số ở phiên bản trước"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("điều khoản dự thảo")
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "anchor"], name="one_anchor_per_version")]

    def __str__(self):
        return f"{self.label} {self.heading}".strip()

    @property
    def marker(self):
        """How the provision is numbered in the text: "Chương II", "Điều 5.", "1.", "a)"."""
        number = self.label.split(" ")[1]
        return {
            ArticleKind.CHAPTER: f"Chương {number}",
            ArticleKind.ARTICLE: f"Điều {number}.",
            ArticleKind.CLAUSE: f"{number}.",
            ArticleKind.POINT: f"{number})",
        }[self.kind]
