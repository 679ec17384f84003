"""Comments of organisations and citizens on a draft, their moderation and the drafting unit's decision.

A comment belongs to the site of its draft (``site``), so moderation is confined like every site-owned
record. It points at the version and article it was written on, and at the article's ``anchor``, which
survives later versions. Near-identical texts (a campaign) share the first such comment as ``campaign``,
so moderators see one group with a count instead of a flood, and nothing is silently dropped.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

MAX_COMMENT_LENGTH = 5000


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không duyệt")


class CommentDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Tiếp thu")
    PARTLY = "partly", _("Tiếp thu một phần")
    NOT_ACCEPTED = "not_accepted", _("Không tiếp thu, giải trình")


class DraftComment(models.Model):
    site = models.ForeignKey(Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="draft_comments")
    draft = models.ForeignKey(
        "legal.DraftDocumentPage", verbose_name=_("dự thảo"), on_delete=models.CASCADE, related_name="comments"
    )
    version = models.ForeignKey(
        "legal.DraftVersion",
        verbose_name=_("phiên bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    article = models.ForeignKey(
        "legal.DraftArticle",
        verbose_name=_("điều khoản góp ý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    article_anchor = models.CharField(_("mã ổn định của điều khoản"), max_length=16, blank=True, db_index=True)
    # The commenter: private except the name, and the name only with consent.
    name = models.CharField(_("họ và tên"), max_length=120)
    email = models.EmailField(_("thư điện tử"))
    organisation = models.CharField(_("cơ quan, tổ chức"), max_length=200, blank=True)
    publish_name = models.BooleanField(_("đồng ý công khai họ tên"), default=False)
    body = models.TextField(_("nội dung góp ý"), max_length=MAX_COMMENT_LENGTH)
    submitted_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)
    fingerprint = models.CharField(_("dấu vân tay nội dung"), max_length=64, blank=True, db_index=True)
    campaign = models.ForeignKey(
        "self", verbose_name=_("trùng lặp với"), null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    # Moderation.
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    rejection_reason = models.CharField(_("lý do không duyệt"), max_length=300, blank=True)
    moderated_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The drafting unit's answer, public once the window has closed.
    decision = models.CharField(_("tiếp thu"), max_length=16, choices=CommentDecision.choices, blank=True)
    response = models.TextField(_("giải trình, tiếp thu"), blank=True)
    decided_at = models.DateTimeField(_("giải trình lúc"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người giải trình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ý kiến góp ý dự thảo")
        verbose_name_plural = _("ý kiến góp ý dự thảo")
        ordering = ["-submitted_at"]
        # A draft's approved comments in the order they are shown, read from the index: the first page of
        # thousands costs what the first page of ten does.
        indexes = [models.Index(fields=["draft", "status", "submitted_at"])]

    def __str__(self):
        return f"{self.draft_id}: {self.body[:60]}"

    @property
    def public_name(self):
        return self.name if self.publish_name else ""
