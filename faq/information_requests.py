"""Every step of a request for information (Law on Access to Information, art. 24-32), checked and logged.

The admin's action forms, the public form and the API all go through these functions, so the art. 30
clock and the art. 28 refusal rule hold whichever door a request comes in by. Each step is written to the
request log (``InformationRequestEvent``) and to Wagtail's audit log, and the requester is e-mailed
whenever the law says they must be told: receipt, the notice that gathering needs more time, an
extension, and the outcome.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.working_days import deadline

from . import notifications
from .models import InformationRequest, InformationRequestEvent, RefusalReason
from .models import RequestStatus as S
from .models.information_requests import FIRST_ANSWER_DAYS, GATHERING_DAYS, MAX_EXTENSION_DAYS
from .transitions import TransitionError

# Wagtail audit-log action of each step (registered with labels in request_admin).
LOG_ACTIONS = {
    "receive": "faq.request.receive",
    "gather": "faq.request.gather",
    "extend": "faq.request.extend",
    "provide": "faq.request.provide",
    "refuse": "faq.request.refuse",
    "redirect": "faq.request.redirect",
}
OUTCOME_EMAILS = {
    S.PROVIDED: "request_provided",
    S.PARTLY_PROVIDED: "request_provided",
    S.REFUSED: "request_refused",
    S.REDIRECTED: "request_redirected",
}


def request_deadline(info_request):
    """The current deadline: 3 working days from receipt, or 15 plus any extension once gathering."""
    if info_request.status == S.RECEIVED:
        return deadline(info_request.received_at, FIRST_ANSWER_DAYS)
    if info_request.status == S.GATHERING:
        return deadline(info_request.received_at, GATHERING_DAYS + info_request.extension_days)
    return None


def _record(info_request, action, user, *, previous, note="", now=None):
    info_request.due_at = request_deadline(info_request)
    info_request.save()
    InformationRequestEvent.objects.create(
        request=info_request,
        action=action,
        from_status=previous,
        to_status=info_request.status,
        user=user,
        at=now or timezone.now(),
        note=note,
    )
    log(info_request, LOG_ACTIONS[action], user=user, data={"note": note, "to_status": info_request.status})


def _require(info_request, allowed, action):
    if info_request.status not in allowed:
        raise TransitionError(
            _("Không thể “%(action)s” khi yêu cầu đang ở trạng thái “%(status)s”.")
            % {"action": action, "status": info_request.get_status_display()}
        )


def _require_text(text, message):
    if not (text or "").strip():
        raise TransitionError(message)


@transaction.atomic
def submit(
    site,
    *,
    name,
    address,
    id_number,
    email,
    information,
    purpose,
    delivery_form,
    phone="",
    fax="",
    organisation="",
    now=None,
):
    """A request from the public: stored, given its code and its 3-working-day deadline, acknowledged."""
    now = now or timezone.now()
    info_request = InformationRequest(
        site=site,
        name=name,
        address=address,
        id_number=id_number,
        email=email,
        information=information,
        purpose=purpose,
        delivery_form=delivery_form,
        phone=phone,
        fax=fax,
        organisation=organisation,
        received_at=now,
    )
    _record(info_request, "receive", None, previous="", now=now)
    notifications.notify(info_request, "request_received")
    return info_request


@transaction.atomic
def notify_gathering(info_request, user, *, note):
    """Art. 30: tell the requester, within the first 3 working days, that the answer needs up to 15."""
    _require(info_request, {S.RECEIVED}, "thông báo thời hạn")
    _require_text(note, _("Cần ghi lý do cần thêm thời gian tập hợp thông tin."))
    now = timezone.now()
    if now > info_request.due_at:
        raise TransitionError(_("Đã quá 3 ngày làm việc kể từ khi tiếp nhận; không thể thông báo kéo dài."))
    info_request.status, info_request.notified_at = S.GATHERING, now
    _record(info_request, "gather", user, previous=S.RECEIVED, note=note, now=now)
    notifications.notify(info_request, "request_gathering")


@transaction.atomic
def extend(info_request, user, *, days, reason):
    """Art. 30: one extension of at most 15 working days, with a reason the requester is told."""
    _require(info_request, {S.GATHERING}, "gia hạn")
    _require_text(reason, _("Cần ghi lý do gia hạn."))
    if info_request.extension_days:
        raise TransitionError(_("Yêu cầu chỉ được gia hạn một lần."))
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise TransitionError(_("Thời gian gia hạn từ 1 đến %(max)s ngày làm việc.") % {"max": MAX_EXTENSION_DAYS})
    info_request.extension_days, info_request.extension_reason = days, reason
    _record(info_request, "extend", user, previous=S.GATHERING, note=reason)
    notifications.notify(info_request, "request_extended")


def _close(info_request, user, action, status, note):
    previous, now = info_request.status, timezone.now()
    info_request.status, info_request.closed_at, info_request.handled_by = status, now, user
    _record(info_request, action, user, previous=previous, note=note, now=now)
    notifications.notify(info_request, OUTCOME_EMAILS[status])


@transaction.atomic
def provide(info_request, user, *, response, cost=0, partly=False):
    """The information, in full or in part, with the actual cost charged (đồng)."""
    _require(info_request, {S.RECEIVED, S.GATHERING}, "cung cấp")
    _require_text(response, _("Cần ghi nội dung trả lời hoặc thông tin được cung cấp."))
    if cost < 0:
        raise TransitionError(_("Chi phí không được âm."))
    info_request.response, info_request.cost = response, cost
    _close(info_request, user, "provide", S.PARTLY_PROVIDED if partly else S.PROVIDED, "")


@transaction.atomic
def refuse(info_request, user, *, reason, detail):
    """Art. 28: a refusal in writing, naming one of the reasons of art. 28.1."""
    _require(info_request, {S.RECEIVED, S.GATHERING}, "từ chối")
    if reason not in RefusalReason.values:
        raise TransitionError(_("Cần chọn một lý do từ chối theo Điều 28 Luật Tiếp cận thông tin."))
    _require_text(detail, _("Cần nêu rõ lý do từ chối bằng văn bản."))
    info_request.refusal_reason, info_request.response = reason, detail
    _close(info_request, user, "refuse", S.REFUSED, detail)


@transaction.atomic
def redirect(info_request, user, *, agency):
    """Information another agency is responsible for: the requester is told where to ask."""
    _require(info_request, {S.RECEIVED, S.GATHERING}, "hướng dẫn")
    _require_text(agency, _("Cần ghi tên cơ quan có trách nhiệm cung cấp thông tin."))
    info_request.redirected_to = agency
    _close(info_request, user, "redirect", S.REDIRECTED, agency)
