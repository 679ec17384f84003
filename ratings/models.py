"""An anonymous satisfaction rating: one level of the decree's scale, on one procedure, answer or page of a site.

Seed 001 (1257/BHXH-PC, item 7) asks the sector to measure "chỉ số hài lòng của người dân, tổ chức đối với sự
phục vụ của Ngành BHXH theo quy định tại Điều 31, Nghị định số 61/2018/NĐ-CP". Decree 61/2018/NĐ-CP has since
been replaced by Decree 118/2025/NĐ-CP of 09/06/2025 ("về thực hiện thủ tục hành chính theo cơ chế một cửa, một
cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia"). Its current text could not be read here
(the reference search finds the decree's opening articles, not its chapter on evaluation), so the scale is the
one the seed cites, Decree 61/2018 art. 31 as applied on the public-service portals: the person chooses
"Rất hài lòng", "Hài lòng" or "Không hài lòng"; "satisfied" counts the first two. The scale is this one
``Level`` enumeration: a change of the decree is a change here (and a data migration of stored values).

A rating is anonymous by construction: no name, no address of the client, no session; the optional comment
is refused when it holds an e-mail address, a phone number or an ID number (``privacy``).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

MAX_COMMENT = 500


class Level(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", _("Rất hài lòng")
    SATISFIED = "satisfied", _("Hài lòng")
    DISSATISFIED = "dissatisfied", _("Không hài lòng")


SATISFIED_LEVELS = (Level.VERY_SATISFIED, Level.SATISFIED)


class Rating(models.Model):
    """One person's rating; ``target`` is the stable key of what was rated (``page:12``, ``answer:34``)."""

    site = models.ForeignKey(Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="ratings")
    target = models.CharField(_("nội dung được đánh giá"), max_length=40)
    target_title = models.CharField(_("tiêu đề nội dung"), max_length=255)
    level = models.CharField(_("mức độ hài lòng"), max_length=20, choices=Level.choices)
    comment = models.TextField(_("ý kiến"), max_length=MAX_COMMENT, blank=True)
    created_at = models.DateTimeField(_("thời điểm đánh giá"), default=timezone.now)

    class Meta:
        verbose_name = _("đánh giá mức độ hài lòng")
        verbose_name_plural = _("đánh giá mức độ hài lòng")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["site", "created_at"], name="rating_site_time"),
            models.Index(fields=["site", "target"], name="rating_site_target"),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} – {self.target_title}"
