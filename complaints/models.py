"""A complaint, denunciation, petition or feedback case (seed 004), its log, and the trace of its transfers.

One case per matter, whichever door it came in by (a citizen received at the office, a letter, the online
form), carrying the citizen's tracking code (``faq.models.tracking``: the same code as questions). The case
belongs to the site of the BHXH now handling it: a transfer to another site moves it there, with its log,
and leaves a ``CaseTransfer`` on the sending site as the read-only trace of what it sent and where.

``due_at`` always holds the deadline of the current step (``complaints.deadlines``), so "late" and "due
soon" are plain database filters, as for questions.

The person's identity (name, address, contact, ID number) is personal data: never public, never exported;
for a denunciation it is also hidden from every officer who does not handle the case (Luật Tố cáo 2018,
art. 9.1.b and chapter VI on protecting denunciants: the name, address, handwriting and other personal
information of the denunciant are kept secret), see ``identity_visible_to``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from contacts.models import ReceptionKind
from core.deadline_queries import DeadlineQuerySet
from core.ids import display_code, normalise_code
from faq.models.events import StepEvent
from faq.models.tracking import TrackedRecord

# The four kinds the reception log already classifies by: a case opened from an entry keeps its kind.
CaseKind = ReceptionKind


class CaseChannel(models.TextChoices):
    RECEPTION = "reception", _("Tiếp công dân trực tiếp")
    LETTER = "letter", _("Đơn thư gửi qua bưu chính")
    ONLINE = "online", _("Gửi trực tuyến")


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    ACCEPTED = "accepted", _("Đã thụ lý")
    REFUSED = "refused", _("Không thụ lý")
    VERIFYING = "verifying", _("Đang xác minh")
    RESOLVED = "resolved", _("Đã giải quyết")
    TRANSFERRED = "transferred", _("Đã chuyển cơ quan có thẩm quyền")
    CLOSED = "closed", _("Đã kết thúc")


OPEN_STATUSES = [CaseStatus.RECEIVED, CaseStatus.ACCEPTED, CaseStatus.VERIFYING]


class Complexity(models.TextChoices):
    NORMAL = "normal", _("Thông thường")
    COMPLEX = "complex", _("Phức tạp")
    VERY_COMPLEX = "very_complex", _("Đặc biệt phức tạp (chỉ với tố cáo)")


class CaseOutcome(models.TextChoices):
    """The conclusion counted in the monthly report: the terms of a decision on a complaint (đúng, đúng một
    phần, sai) and of a conclusion on a denunciation (đúng, đúng một phần, sai) share one scale; a petition
    or feedback is "accepted" or not in the same three terms."""

    FOUNDED = "founded", _("Đúng / có cơ sở")
    PARTLY = "partly", _("Đúng một phần")
    UNFOUNDED = "unfounded", _("Sai / không có cơ sở")
    WITHDRAWN = "withdrawn", _("Rút đơn, đình chỉ")


class CaseQuerySet(DeadlineQuerySet):
    open_statuses = OPEN_STATUSES

    def tracked(self, site, code):
        """The case a citizen follows with ``code`` (as typed) on ``site``, which handles it now or received it
        and sent it on (the code keeps working after a transfer), or None."""
        found = self.filter(models.Q(site=site) | models.Q(transfers__site=site), tracking_code=normalise_code(code))
        return found.select_related("site").distinct().first()


class ComplaintCase(TrackedRecord):
    site = models.ForeignKey(
        Site, verbose_name=_("trang đang giải quyết"), on_delete=models.CASCADE, related_name="complaint_cases"
    )
    kind = models.CharField(_("loại đơn"), max_length=16, choices=CaseKind.choices)
    channel = models.CharField(_("hình thức tiếp nhận"), max_length=16, choices=CaseChannel.choices)
    reception_log = models.OneToOneField(
        "contacts.ReceptionLog",
        verbose_name=_("lượt tiếp công dân"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case",
    )
    # The person: private; for a denunciation, only the case's handlers see it (``identity_visible_to``).
    name = models.CharField(_("họ và tên"), max_length=120)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    contact = models.CharField(_("điện thoại, thư điện tử"), max_length=200, blank=True)
    id_number = models.CharField(_("số CCCD/CMND/hộ chiếu"), max_length=20, blank=True)

    subject = models.CharField(_("tóm tắt nội dung"), max_length=300)
    content = models.TextField(_("nội dung đơn"), max_length=10000)

    instance = models.PositiveSmallIntegerField(
        _("lần giải quyết"), choices=[(1, _("Lần đầu")), (2, _("Lần hai"))], default=1
    )
    remote_area = models.BooleanField(_("vùng sâu, vùng xa đi lại khó khăn"), default=False)
    complexity = models.CharField(
        _("tính chất vụ việc"), max_length=16, choices=Complexity.choices, default=Complexity.NORMAL
    )
    handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("cán bộ giải quyết"), blank=True, related_name="complaint_cases"
    )

    status = models.CharField(
        _("trạng thái"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.RECEIVED, db_index=True
    )
    received_at = models.DateTimeField(_("tiếp nhận lúc"), default=timezone.now)
    site_received_at = models.DateTimeField(
        _("trang hiện tại nhận lúc"),
        default=timezone.now,
        help_text=_("Lúc tiếp nhận, hoặc lúc nhận hồ sơ được chuyển đến: mốc tính thời hạn thụ lý."),
    )
    accept_extended = models.BooleanField(_("kéo dài thời hạn thụ lý (xác minh nhiều địa điểm)"), default=False)
    accepted_at = models.DateTimeField(_("thụ lý lúc"), null=True, blank=True)
    refused_at = models.DateTimeField(_("không thụ lý lúc"), null=True, blank=True)
    refusal_reason = models.TextField(_("lý do không thụ lý"), blank=True)
    verifying_at = models.DateTimeField(_("bắt đầu xác minh lúc"), null=True, blank=True)
    extension_count = models.PositiveSmallIntegerField(_("số lần gia hạn"), default=0)
    extension_days = models.PositiveSmallIntegerField(_("số ngày gia hạn"), default=0)
    resolved_at = models.DateTimeField(_("giải quyết lúc"), null=True, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=16, choices=CaseOutcome.choices, blank=True)
    resolution = models.TextField(_("nội dung quyết định, kết luận"), blank=True)
    transferred_at = models.DateTimeField(_("chuyển cơ quan khác lúc"), null=True, blank=True)
    transferred_to_agency = models.CharField(_("cơ quan có thẩm quyền nhận"), max_length=300, blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    due_at = models.DateTimeField(_("hạn của bước hiện tại"), null=True, blank=True, db_index=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn khiếu nại, tố cáo, kiến nghị, phản ánh")
        verbose_name_plural = _("đơn khiếu nại, tố cáo, kiến nghị, phản ánh")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["site", "status", "due_at"])]

    def __str__(self):
        return f"{self.display_code} – {self.subject}"

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_late(self, now=None):
        return self.is_open and self.due_at is not None and self.due_at < (now or timezone.now())

    @property
    def identity_protected(self):
        """A denunciant's identity is secret (Luật Tố cáo 2018, art. 9.1.b: the denunciant has the right to have
        "họ, tên, địa chỉ, bút tích và thông tin cá nhân khác" kept secret)."""
        return self.kind == CaseKind.DENUNCIATION

    def identity_visible_to(self, user):
        """Whether ``user`` may read the person's identity on this case: anyone who may open it for a complaint,
        petition or feedback; for a denunciation only its handlers (not the other officers of the site, not
        the national centre, not a superuser who is not handling it)."""
        if not self.identity_protected:
            return True
        return user.is_authenticated and self.handlers.filter(pk=user.pk).exists()


IDENTITY_FIELDS = ("name", "address", "contact", "id_number")


class CaseEvent(StepEvent):
    """The log of a case: every step, with who, when, between which states and why. It follows the case when
    it is transferred, so the receiving board reads the whole history."""

    case = models.ForeignKey(ComplaintCase, on_delete=models.CASCADE, related_name="events")
    # Which site took the step, not who owns the line: the log belongs to the case, wherever it is now.
    acting_site = models.ForeignKey(
        Site, verbose_name=_("trang thực hiện"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta(StepEvent.Meta):
        verbose_name = _("nhật ký giải quyết đơn")

    def __str__(self):
        return f"{self.case_id}: {self.action}"


class CaseTransfer(models.Model):
    """What a site sent on: the read-only trace the sending site keeps once the case has left it.

    ``site`` is the sender (so its board lists its transfers, and only its own); the case itself now belongs
    to ``to_site`` (another BHXH of the sector) or stays closed here as "transferred" when it went to an
    agency outside the sector (``to_agency``). The trace keeps the code, kind and dates, not the content.
    """

    site = models.ForeignKey(Site, verbose_name=_("trang chuyển đi"), on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(ComplaintCase, verbose_name=_("đơn"), on_delete=models.CASCADE, related_name="transfers")
    tracking_code = models.CharField(_("mã tra cứu"), max_length=10)
    kind = models.CharField(_("loại đơn"), max_length=16, choices=CaseKind.choices)
    received_at = models.DateTimeField(_("tiếp nhận lúc"))
    to_site = models.ForeignKey(
        Site, verbose_name=_("chuyển tới BHXH"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_agency = models.CharField(_("chuyển tới cơ quan"), max_length=300, blank=True)
    reason = models.TextField(_("lý do chuyển"))
    at = models.DateTimeField(_("chuyển lúc"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người chuyển"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("đơn đã chuyển đi")
        verbose_name_plural = _("đơn đã chuyển đi")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_tracking_code_display()} → {self.destination}"

    def get_tracking_code_display(self):
        """The code as the citizen has it (``ABCDE-FGHJK``), in the listing, the inspect view and the export."""
        return display_code(self.tracking_code)

    @property
    def destination(self):
        return (self.to_site.site_name or self.to_site.hostname) if self.to_site_id else self.to_agency
