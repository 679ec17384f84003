"""The exchange of news between sites: which article is shown on which other site, and who decided it.

A share is a pointer, never a copy: the receiving site reads the original through it, so editing or
unpublishing the original changes or removes it everywhere at once, and there is nothing to edit on the
receiving site.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class ShareDirection(models.TextChoices):
    PUSH = "push", _("Cổng quốc gia chia sẻ xuống")
    PROPOSAL = "proposal", _("Trang tỉnh đề xuất lên")


class ShareStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    ACCEPTED = "accepted", _("Đã nhận đăng")
    DECLINED = "declined", _("Không nhận đăng")


class NewsShare(models.Model):
    """One article offered to one other site; a push is accepted at once, a proposal waits for the national board."""

    article = models.ForeignKey("home.NewsPage", verbose_name=_("tin"), on_delete=models.CASCADE, related_name="shares")
    target_site = models.ForeignKey(
        Site, verbose_name=_("trang nhận"), on_delete=models.CASCADE, related_name="received_news"
    )
    direction = models.CharField(_("chiều chia sẻ"), max_length=10, choices=ShareDirection.choices)
    status = models.CharField(_("tình trạng"), max_length=10, choices=ShareStatus.choices, default=ShareStatus.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người gửi"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("tin chia sẻ")
        verbose_name_plural = _("tin chia sẻ")
        ordering = ["-requested_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["article", "target_site"], name="one_share_per_site")]

    def __str__(self):
        return f"{self.article_id} → {self.target_site_id}"
