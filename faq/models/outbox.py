"""E-mails to the public (and deadline reminders to staff), kept until sent: a failed send never loses the message
or the question."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from core.ids import display_code


class OutboundEmailQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True)

    def failed(self):
        return self.pending().filter(attempts__gt=0)

    def due(self, now, max_attempts):
        """Pending, with attempts left, and not waiting for its next attempt (``next_attempt_at``)."""
        return self.pending().filter(
            models.Q(next_attempt_at__isnull=True) | models.Q(next_attempt_at__lte=now), attempts__lt=max_attempts
        )


class OutboundEmail(models.Model):
    """One message to a member of the public, with its delivery attempts; staff see the failed ones."""

    site = models.ForeignKey(Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("loại"), max_length=32)
    subject_ref = models.CharField(_("liên quan đến"), max_length=40, help_text=_("Mã tra cứu của hồ sơ"))
    to = models.EmailField(_("người nhận"))
    subject = models.CharField(_("tiêu đề"), max_length=250)
    body = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    last_error = models.TextField(_("lỗi lần gửi cuối"), blank=True)
    # Set when an attempt starts (no other worker takes the message until then) and after a failure (the
    # backoff): the periodic sweep sends only messages whose moment has come.
    next_attempt_at = models.DateTimeField(_("gửi lại từ"), null=True, blank=True)

    objects = OutboundEmailQuerySet.as_manager()
    # It points only at a site, which has no "usage" view in the admin: Wagtail's reference index would cost
    # five queries for every message queued (each submission, each mailed step) and answer nothing.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("thư gửi người dân")
        verbose_name_plural = _("thư gửi người dân")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_subject_ref_display()}: {self.subject}"

    def get_subject_ref_display(self):
        """The record's code as its person has it (``ABCDE-FGHJK``), wherever the admin shows the field."""
        return display_code(self.subject_ref)
