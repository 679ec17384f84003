"""Requests for information under the Law on Access to Information (Luật Tiếp cận thông tin 104/2016/QH13).

Fields follow art. 24 (the request form) and record the channel the request came by, whose article sets
the clock (``faq.information_requests``: art. 29 in person, art. 30 online, art. 31 by post or fax).
Refusals name one of the reasons of art. 28.1. ``due_at`` always holds the current deadline, so late and
due-soon requests are plain database filters, as for questions.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from core.deadline_queries import DeadlineQuerySet
from core.ids import normalise_code

from .events import StepEvent
from .tracking import TrackedRecord

NOTICE_DAYS = 3  # working days: the written notice that the information needs gathering (art. 29–31)
GATHERING_DAYS = 15  # working days from receipt to provide gathered information (art. 31.2)
MAX_EXTENSION_DAYS = 15  # calendar days: "gia hạn nhưng tối đa không quá 15 ngày" (art. 31.2)


class RequestChannel(models.TextChoices):
    """How the request reached the agency (art. 24.1): each has its own article and clock."""

    ONLINE = "online", _("Trực tuyến, qua mạng điện tử")
    POST = "post", _("Qua dịch vụ bưu chính")
    FAX = "fax", _("Qua fax")
    IN_PERSON = "in_person", _("Trực tiếp tại trụ sở")


class DeliveryForm(models.TextChoices):
    """Art. 24.2.c: how the requester wants the information."""

    EMAIL = "email", _("Gửi qua thư điện tử")
    POST = "post", _("Gửi qua dịch vụ bưu chính")
    IN_PERSON = "in_person", _("Nhận trực tiếp tại trụ sở")
    READ_ON_SITE = "read_on_site", _("Đọc, xem, nghe, ghi chép tại trụ sở")
    FAX = "fax", _("Gửi qua fax")


class InformationCategory(models.TextChoices):
    """The kind of information asked for, for the yearly statistics of seed 000 ("loại thông tin")."""

    CONTRIBUTIONS = "contributions", _("Thu BHXH, BHYT, BHTN")
    BENEFITS = "benefits", _("Chế độ BHXH, BH thất nghiệp")
    HEALTH_INSURANCE = "health_insurance", _("Bảo hiểm y tế")
    LEGAL = "legal", _("Văn bản, chính sách, thủ tục hành chính")
    FINANCE = "finance", _("Tài chính, đầu tư quỹ")
    ORGANISATION = "organisation", _("Tổ chức, cán bộ")
    OTHER = "other", _("Khác")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    GATHERING = "gathering", _("Đã thông báo thời hạn cung cấp")
    PROVIDED = "provided", _("Đã cung cấp")
    PARTLY_PROVIDED = "partly_provided", _("Đã cung cấp một phần")
    REFUSED = "refused", _("Từ chối cung cấp")
    REDIRECTED = "redirected", _("Hướng dẫn đến cơ quan có trách nhiệm")


OPEN_REQUEST_STATUSES = [RequestStatus.RECEIVED, RequestStatus.GATHERING]


class RefusalReason(models.TextChoices):
    """Art. 28.1 of the Law on Access to Information, points a to e."""

    RESTRICTED = "restricted", _("a) Thông tin không được tiếp cận (Điều 6) hoặc không đáp ứng điều kiện (Điều 7)")
    ALREADY_PUBLIC = "already_public", _("b) Thông tin đã được công khai (Điều 17)")
    NOT_RESPONSIBLE = "not_responsible", _("c) Thông tin không thuộc trách nhiệm cung cấp")
    PROVIDED_TWICE = "provided_twice", _("d) Thông tin đã được cung cấp hai lần cho chính người yêu cầu")
    BEYOND_CAPACITY = "beyond_capacity", _("đ) Vượt quá khả năng đáp ứng hoặc ảnh hưởng hoạt động bình thường")
    UNPAID = "unpaid", _("e) Người yêu cầu không thanh toán chi phí thực tế")


class InformationRequestQuerySet(DeadlineQuerySet):
    open_statuses = OPEN_REQUEST_STATUSES

    def tracked(self, site, code):
        """The request a requester follows with ``code`` (as typed: ``abcde-fghjk``) on ``site``, or None. Only
        the site that received it answers: a code is no key to another province's requests."""
        return self.filter(site=site, tracking_code=normalise_code(code)).select_related("site").first()


class InformationRequest(TrackedRecord):
    """One request (phiếu yêu cầu cung cấp thông tin), its handling and its outcome."""

    site = models.ForeignKey(
        Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="information_requests"
    )
    # The requester (art. 24.2.a): private, never published.
    name = models.CharField(_("họ và tên"), max_length=120)
    address = models.CharField(_("nơi cư trú"), max_length=300)
    id_number = models.CharField(_("số CCCD/CMND/hộ chiếu"), max_length=20)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    fax = models.CharField(_("fax"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"))
    organisation = models.CharField(_("yêu cầu thay mặt tổ chức"), max_length=200, blank=True)
    # What is asked (art. 24.2.b-d).
    information = models.TextField(_("thông tin cần cung cấp"), max_length=5000)
    delivery_form = models.CharField(
        _("hình thức nhận thông tin"), max_length=16, choices=DeliveryForm.choices, default=DeliveryForm.EMAIL
    )
    purpose = models.TextField(_("lý do, mục đích yêu cầu"), max_length=2000)
    category = models.CharField(
        _("loại thông tin"), max_length=20, choices=InformationCategory.choices, default=InformationCategory.OTHER
    )
    channel = models.CharField(
        _("kênh gửi yêu cầu"),
        max_length=16,
        choices=RequestChannel.choices,
        default=RequestChannel.ONLINE,
        help_text=_("Trực tuyến khi gửi qua cổng; cán bộ ghi kênh của yêu cầu nhận qua bưu chính, fax hoặc trực tiếp."),
    )
    # Handling.
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED, db_index=True
    )
    received_at = models.DateTimeField(_("tiếp nhận lúc"), default=timezone.now)
    notified_at = models.DateTimeField(_("thông báo thời hạn lúc"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("số ngày gia hạn (ngày theo lịch)"), default=0)
    extension_reason = models.CharField(_("lý do gia hạn"), max_length=300, blank=True)
    due_at = models.DateTimeField(_("hạn cung cấp"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    response = models.TextField(_("nội dung trả lời"), blank=True)
    refusal_reason = models.CharField(
        _("lý do từ chối (Điều 28)"), max_length=20, choices=RefusalReason.choices, blank=True
    )
    redirected_to = models.CharField(_("cơ quan có trách nhiệm cung cấp"), max_length=200, blank=True)
    cost = models.PositiveIntegerField(_("chi phí thực tế (đồng)"), default=0)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InformationRequestQuerySet.as_manager()
    # It points only at a site and a user, which have no "usage" view in the admin: Wagtail's reference index
    # would cost five queries for every request received and every step, and answer nothing.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("yêu cầu cung cấp thông tin")
        verbose_name_plural = _("yêu cầu cung cấp thông tin")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["site", "status", "due_at"])]

    def __str__(self):
        return f"{self.display_code} – {self.name}"

    @property
    def is_open(self):
        return self.status in OPEN_REQUEST_STATUSES

    def is_late(self, now=None):
        return self.is_open and self.due_at is not None and self.due_at < (now or timezone.now())


class InformationRequestEvent(StepEvent):
    """The request log that art. 24-32 and the yearly statistics rely on."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="events")

    class Meta(StepEvent.Meta):
        verbose_name = _("nhật ký yêu cầu cung cấp thông tin")

    def __str__(self):
        return f"{self.request_id}: {self.action}"
