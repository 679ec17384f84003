"""Deadline reminders already sent, one per record, step deadline and kind: a second run or worker sends none."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .information_requests import InformationRequest
from .questions import Question


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")


class Reminder(models.Model):
    """A reminder sent to the unit and the board about one deadline of a question or an information request.

    ``step`` (the record's status then) and ``due_at`` name the deadline: a new step or an extension is a new
    deadline, reminded again; the same one never is. The unique constraints make a second worker's insert fail,
    and its e-mails are written in the same transaction, so they are rolled back with it.
    """

    question = models.ForeignKey(
        Question, verbose_name=_("câu hỏi"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    information_request = models.ForeignKey(
        InformationRequest,
        verbose_name=_("yêu cầu cung cấp thông tin"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    step = models.CharField(_("bước"), max_length=16)
    kind = models.CharField(_("loại nhắc"), max_length=16, choices=ReminderKind.choices)
    due_at = models.DateTimeField(_("hạn được nhắc"))
    sent_at = models.DateTimeField(_("nhắc lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("nhắc hạn")
        verbose_name_plural = _("nhắc hạn")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(question__isnull=False, information_request__isnull=True)
                | models.Q(question__isnull=True, information_request__isnull=False),
                name="reminder_of_one_record",
            ),
            models.UniqueConstraint(fields=["question", "step", "kind", "due_at"], name="one_reminder_per_question"),
            models.UniqueConstraint(
                fields=["information_request", "step", "kind", "due_at"], name="one_reminder_per_request"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.step} {self.due_at:%d/%m/%Y %H:%M}"
