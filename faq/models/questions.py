"""A question from the public, its state, its deadlines in working days and the log of every step.

States (seed 002, art. 11.1.a): received → classified → assigned to a unit → answered → published, or
refused (out of scope or unclear). The clock (``faq.deadlines``): the asker told the same day if the question
is out of scope or unclear; classification and routing within ``QaSettings.routing_days`` (2 to 5) working
days of receipt; the unit's answer within 7 working days of routing (10 if complex); sending and publishing
within 2 working days of the answer. A pause while waiting for the asker stops the clock of the step it
happened in; an extension adds working days. ``due_at`` always holds the deadline of the current step, so
"late" and "due soon" are plain database filters.
"""

from django.conf import settings
from django.contrib import admin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from core.deadline_queries import DeadlineQuerySet
from core.search import FoldedSearchMixin, folded_search

from ..deadlines import STEP_LABELS, current_step, fields_of, step_deadlines
from .events import StepEvent
from .tracking import TrackedRecord


@register_setting(icon="help")
class QaSettings(BaseSiteSetting):
    """Per-site settings of the Q&A service."""

    routing_days = models.PositiveSmallIntegerField(
        _("thời hạn phân loại, chuyển xử lý (ngày làm việc)"),
        default=3,
        validators=[MinValueValidator(2), MaxValueValidator(5)],
        help_text=_("Quy chế 1582/QĐ-BHXH, Điều 11.1.a: từ 2 đến 5 ngày làm việc."),
    )

    panels = [FieldPanel("routing_days")]

    class Meta:
        verbose_name = _("cấu hình hỏi đáp")


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    CLASSIFIED = "classified", _("Đã phân loại")
    ASSIGNED = "assigned", _("Đã chuyển đơn vị trả lời")
    ANSWERED = "answered", _("Đơn vị đã trả lời")
    PUBLISHED = "published", _("Đã gửi trả lời và đăng công khai")
    REFUSED = "refused", _("Không tiếp nhận")


OPEN_STATUSES = [QuestionStatus.RECEIVED, QuestionStatus.CLASSIFIED, QuestionStatus.ASSIGNED, QuestionStatus.ANSWERED]


class QuestionQuerySet(DeadlineQuerySet):
    open_statuses = OPEN_STATUSES

    def running(self):
        """A paused question waits for the asker: neither late nor due."""
        return self.open().filter(paused_at__isnull=True)

    def published(self):
        return self.filter(status=QuestionStatus.PUBLISHED)

    def search(self, query):
        """``core.search.folded_search``: every syllable of the query, diacritics and case aside, titles first."""
        return folded_search(self, query)


class Question(FoldedSearchMixin, TrackedRecord):
    site = models.ForeignKey(Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="questions")
    # The asker: private, never shown publicly except the name with consent.
    name = models.CharField(_("họ và tên"), max_length=120)
    email = models.EmailField(_("thư điện tử"))
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    publish_name = models.BooleanField(_("đồng ý công khai họ tên"), default=False)
    topic = models.ForeignKey(
        "multisite_config.Topic",
        verbose_name=_("chủ đề"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung câu hỏi"), max_length=5000)

    status = models.CharField(
        _("trạng thái"), max_length=16, choices=QuestionStatus.choices, default=QuestionStatus.RECEIVED, db_index=True
    )
    is_complex = models.BooleanField(_("phức tạp, cần nhiều đơn vị"), default=False)
    unit = models.ForeignKey(
        "contacts.Unit",
        verbose_name=_("đơn vị trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    refusal_reason = models.TextField(_("lý do không tiếp nhận"), blank=True)

    received_at = models.DateTimeField(_("tiếp nhận lúc"), default=timezone.now)
    classified_at = models.DateTimeField(_("phân loại lúc"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("chuyển đơn vị lúc"), null=True, blank=True)
    answered_at = models.DateTimeField(_("đơn vị trả lời lúc"), null=True, blank=True)
    published_at = models.DateTimeField(_("gửi và đăng lúc"), null=True, blank=True)
    refused_at = models.DateTimeField(_("từ chối lúc"), null=True, blank=True)
    last_reviewed_at = models.DateTimeField(_("rà soát lần cuối"), null=True, blank=True)

    paused_at = models.DateTimeField(_("tạm dừng từ"), null=True, blank=True)
    pause_reason = models.CharField(_("lý do tạm dừng"), max_length=300, blank=True)
    routing_paused_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc tạm dừng khi phân loại, chuyển xử lý"), default=0
    )
    answer_paused_days = models.PositiveSmallIntegerField(_("số ngày làm việc tạm dừng khi đơn vị trả lời"), default=0)
    reported_back_at = models.DateTimeField(
        _("báo lại người hỏi lúc"),
        null=True,
        blank=True,
        help_text=_(
            "Câu hỏi ngoài phạm vi hoặc không rõ nghĩa: thông báo ngay trong ngày (Quy chế 1582, Điều 11.1.a)."
        ),
    )
    extension_days = models.PositiveSmallIntegerField(_("số ngày gia hạn"), default=0)
    extension_reason = models.CharField(_("lý do gia hạn"), max_length=300, blank=True)
    due_at = models.DateTimeField(_("hạn của bước hiện tại"), null=True, blank=True, db_index=True)

    helpful_yes = models.PositiveIntegerField(_("hữu ích"), default=0)
    helpful_no = models.PositiveIntegerField(_("chưa hữu ích"), default=0)
    folded_search_fields = ("title", "body", "answer")

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["site", "status", "due_at"]),
            # The published answers of a site, newest first (list, API, sitemap), read in order without a sort.
            models.Index(fields=["site", "status", "published_at"], name="faq_question_published"),
        ]

    def __str__(self):
        return f"{self.display_code} – {self.title}"

    @property
    def public_name(self):
        """The asker's name if they agreed to publish it, otherwise nothing."""
        return self.name if self.publish_name else ""

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @cached_property
    def routing_days(self):
        """The site's routing time, read once per loaded question: saving it and telling the asker both need it."""
        return QaSettings.for_site(self.site).routing_days

    def refresh_from_db(self, *args, **kwargs):
        self.__dict__.pop("routing_days", None)  # a reload reads the setting again, as it reads the row again
        super().refresh_from_db(*args, **kwargs)

    def step_deadlines(self):
        """Every step's deadline (``faq.deadlines.step_deadlines``, which the delay report uses too)."""
        return step_deadlines(fields_of(self), self.routing_days)

    def current_deadline(self):
        """The deadline of the current step, stored as ``due_at``; None once the question is closed."""
        step = current_step(self)
        return self.step_deadlines()[step] if step else None

    @property
    def routing_due_at(self):
        """The deadline for classifying and routing, told to the asker on receipt."""
        return self.step_deadlines()["routing"]

    @property
    @admin.display(description=_("Việc đến hạn"))
    def due_step(self):
        """What is due at ``due_at``, in words (the inbox's column, the reminders' subject)."""
        step = current_step(self)
        return STEP_LABELS[step] if step else ""

    def is_late(self, now=None):
        return (
            self.is_open
            and self.paused_at is None
            and self.due_at is not None
            and self.due_at < (now or timezone.now())
        )


class QuestionEvent(StepEvent):
    """The log of a question: every transition of seed 002's process, with who and when."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")

    class Meta(StepEvent.Meta):
        verbose_name = _("nhật ký câu hỏi")

    def __str__(self):
        return f"{self.question_id}: {self.action}"
