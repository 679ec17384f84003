"""Deadline reminders: a unit and its board are told when a question or a request is due within a working day,
and again when it is late, once each.

Seed 002 (Quy chế 1582/QĐ-BHXH, Điều 11, khoản 1, điểm a, "Hỏi đáp"):
    "Trung tâm Dịch vụ hỗ trợ, chăm sóc khách hàng có trách nhiệm tiếp nhận câu hỏi, phân loại câu hỏi để trả lời
    hoặc chuyển đến các đơn vị liên quan để trả lời trong vòng 02 đến 05 ngày làm việc. [...] Trong vòng 07 ngày
    làm việc kể từ khi tiếp nhận câu hỏi, các đơn vị có trách nhiệm trả lời hoặc thông báo quá trình xử lý [...].
    Đối với những câu hỏi phức tạp, liên quan đến nhiều đơn vị, phải lấy ý kiến nhiều đơn vị, xử lý trong vòng 10
    ngày làm việc kể từ khi nhận được câu hỏi. Sau khi tiếp nhận câu trả lời, không quá 02 ngày làm việc, Trung tâm
    [...] có trách nhiệm gửi câu trả lời tới các tổ chức, cá nhân đồng thời biên tập, đăng công khai trên Cổng
    Thông tin điện tử."
Requests for information follow art. 30 of the Law on Access to Information (3 working days, or 15 after a
notice, see ``faq/models/information_requests.py``).

Every step's deadline is the record's ``due_at``, counted in working days (``core.working_days``), so "due within
one working day" is: due before the close of office hours of the next working day. Who is told: the unit a
question was routed to (its contact address, ``contacts.Unit.email``) and the site's editorial board (the e-mail
addresses of its members; the site's own address, ``SiteProfile.email``, when no member has one). A request has
no unit: its board is told. The reminders go through the outbox, so a mail server that is down delays them but
loses none.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder

from core.working_days import close_of, local, next_working_day
from multisite_config.models import SiteProfile, SiteRole

from .models.information_requests import InformationRequest
from .models.outbox import OutboundEmail
from .models.questions import Question
from .models.reminders import Reminder, ReminderKind

logger = logging.getLogger(__name__)

REQUEST_STEPS = {
    "received": "cung cấp thông tin hoặc thông báo thời hạn cung cấp",
    "gathering": "cung cấp thông tin",
}
SUBJECTS = {
    ReminderKind.DUE_SOON: "Sắp đến hạn {step}: {what} {code}",
    ReminderKind.OVERDUE: "Quá hạn {step}: {what} {code}",
}


def send_due():
    """Write to the outbox every reminder due now and not sent yet; returns the messages, for their jobs."""
    now = timezone.now()
    horizon = close_of(next_working_day(local(now).date()))
    messages = []
    for model in (Question, InformationRequest):
        records = model.objects.select_related("site")
        if model is Question:
            records = records.select_related("unit")
        for kind, found in (
            (ReminderKind.DUE_SOON, records.due_by(horizon, now=now)),
            (ReminderKind.OVERDUE, records.late(now=now)),
        ):
            for record in found.order_by("due_at"):
                messages += remind(record, kind, now)
    return messages


def remind(record, kind, now):
    """Record the reminder of ``record``'s current deadline with its e-mails; none when it was already sent."""
    is_question = isinstance(record, Question)
    target = {"question": record} if is_question else {"information_request": record}
    try:
        with transaction.atomic():
            Reminder.objects.create(**target, step=record.status, kind=kind, due_at=record.due_at)
            addresses = recipients(record)
            if not addresses:
                return []
            subject, body = reminder_text(record, kind, now)
            return [
                OutboundEmail.objects.create(
                    site=record.site,
                    kind=f"reminder_{kind}",
                    subject_ref=record.tracking_code,
                    to=address,
                    subject=subject,
                    body=body,
                )
                for address in addresses
            ]
    except IntegrityError:  # sent already, by an earlier run or by another worker right now
        return []


def recipients(record):
    """The unit's address (a routed question) and the board's, without repeats."""
    addresses = []
    unit = getattr(record, "unit", None)
    if unit is not None and unit.email:
        addresses.append(unit.email)
    addresses += board_addresses(record.site)
    if not addresses:
        logger.warning("No address to remind about %s of site %s", record.tracking_code, record.site_id)
    return list(dict.fromkeys(addresses))


def board_addresses(site):
    members = (
        get_user_model()
        .objects.filter(is_active=True, groups__site_group__site=site, groups__site_group__role=SiteRole.BOARD)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    found = list(members)
    if found:
        return found
    profile_email = SiteProfile.for_site(site).email
    return [profile_email] if profile_email else []


def reminder_text(record, kind, now):
    """(subject, body) of the reminder of ``record``: the same for every recipient, so written once."""
    is_question = isinstance(record, Question)
    step = record.due_step if is_question else REQUEST_STEPS[record.status]
    what = "câu hỏi" if is_question else "yêu cầu cung cấp thông tin"
    admin_path = AdminURLFinder().get_edit_url(record) or "/admin/"
    context = {
        "profile": SiteProfile.for_site(record.site),
        "what": what,
        "code": record.display_code,
        "title": record.title if is_question else record.get_category_display(),
        "step": step,
        "status": record.get_status_display(),
        "due_at": record.due_at,
        "late": kind == ReminderKind.OVERDUE,
        "unit": getattr(record, "unit", None),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + admin_path,
        "now": now,
    }
    subject = SUBJECTS[kind].format(step=step, what=what, code=record.display_code)
    return subject, render_to_string("faq/emails/reminder.txt", context)
