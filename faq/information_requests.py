"""Every step of a request for information (Law on Access to Information, art. 24-32), checked and logged.

The admin's action forms, the public form and the API all go through these functions, so the clock of the
request's channel (art. 29–31) and the art. 28 refusal rule hold whichever door a request comes in by.
Each step is written to the request log (``InformationRequestEvent``) and to Wagtail's audit log, and
the requester is e-mailed whenever the law says they must be told: receipt, the notice that gathering
needs more time, an extension, and the outcome.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.working_days import calendar_deadline, close_of, deadline, local, receipt_day

from . import notifications
from .models import InformationRequest, InformationRequestEvent, RefusalReason, RequestChannel
from .models import RequestStatus as S
from .models.information_requests import GATHERING_DAYS, MAX_EXTENSION_DAYS, NOTICE_DAYS
from .transitions import TransitionError

# Wagtail audit-log action of each step (registered with labels in request_admin).
ONLINE_DAYS = 3  # art. 30.1, working days
POST_OR_FAX_DAYS = 5  # art. 31.1, working days
LOG_ACTIONS = {
    "receive": "faq.request.receive",
    "channel": "faq.request.channel",
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


def first_deadline(info_request):
    """When information that is simple and at hand must be provided, by the request's channel.

    Luật Tiếp cận thông tin 2016 (104/2016/QH13):
    - art. 29 (in person at the agency): information at hand that can be provided at once is provided at
      once ("cung cấp ngay"): by the close of office hours of the day the request counts as received;
    - art. 30.1 (online, "qua mạng điện tử"): "Đối với thông tin đơn giản, có sẵn có thể cung cấp ngay thì
      chậm nhất là 03 ngày làm việc kể từ ngày nhận được yêu cầu hợp lệ";
    - art. 31.1 (by post or fax): "Đối với thông tin đơn giản, có sẵn có thể cung cấp ngay thì chậm nhất là
      05 ngày làm việc kể từ ngày nhận được yêu cầu hợp lệ, cơ quan được yêu cầu phải cung cấp thông tin."
    Working days (``core.working_days``).
    """
    received = info_request.received_at
    if info_request.channel == RequestChannel.IN_PERSON:
        return close_of(receipt_day(received))
    if info_request.channel in (RequestChannel.POST, RequestChannel.FAX):
        return deadline(received, POST_OR_FAX_DAYS)
    return deadline(received, ONLINE_DAYS)


def notice_deadline(info_request):
    """By when the requester must be told in writing that the information needs gathering (every channel).

    Art. 31.2 (and likewise art. 29–30): "Đối với thông tin phức tạp, không có sẵn mà cần tập hợp [...] thì
    chậm nhất là 03 ngày làm việc kể từ ngày nhận được yêu cầu hợp lệ, cơ quan được yêu cầu phải thông báo
    bằng văn bản về thời hạn giải quyết yêu cầu cung cấp thông tin." Working days.
    """
    return deadline(info_request.received_at, NOTICE_DAYS)


def gathering_deadline(info_request):
    """Gathered information: 15 working days from receipt, then the extension in calendar days.

    Art. 31.2: "Chậm nhất là 15 ngày làm việc kể từ ngày nhận được yêu cầu hợp lệ, cơ quan được yêu cầu phải
    cung cấp thông tin [...]. Trường hợp cơ quan được yêu cầu cần thêm thời gian để xem xét, tìm kiếm, tập
    hợp, sao chép, giải quyết yêu cầu cung cấp thông tin thì có thể gia hạn nhưng tối đa không quá 15 ngày và
    phải có văn bản thông báo về việc gia hạn trong thời hạn cung cấp thông tin." The law says "ngày", not
    "ngày làm việc": the extension runs in calendar days; when its last day is a day off, it ends at the close
    of the next working day (Bộ luật Dân sự 2015, art. 148.5).
    """
    base = deadline(info_request.received_at, GATHERING_DAYS)
    if not info_request.extension_days:
        return base
    return calendar_deadline(base, info_request.extension_days)


def request_deadline(info_request):
    """The current deadline: the channel's first deadline, or the gathering one once the notice is sent."""
    if info_request.status == S.RECEIVED:
        return first_deadline(info_request)
    if info_request.status == S.GATHERING:
        return gathering_deadline(info_request)
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
    channel=RequestChannel.ONLINE,
    now=None,
):
    """A request: stored, given its code and its channel's deadline, acknowledged (online unless told)."""
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
        channel=channel,
        received_at=now,
    )
    _record(info_request, "receive", None, previous="", now=now)
    notifications.notify(info_request, "request_received")
    return info_request


@transaction.atomic
def notify_gathering(info_request, user, *, note):
    """Art. 29–31: tell the requester, within the first 3 working days, that the answer needs up to 15."""
    _require(info_request, {S.RECEIVED}, "thông báo thời hạn")
    _require_text(note, _("Cần ghi lý do cần thêm thời gian tập hợp thông tin."))
    now = timezone.now()
    if now > notice_deadline(info_request):
        raise TransitionError(_("Đã quá 3 ngày làm việc kể từ khi tiếp nhận; không thể thông báo kéo dài."))
    info_request.status, info_request.notified_at = S.GATHERING, now
    _record(info_request, "gather", user, previous=S.RECEIVED, note=note, now=now)
    notifications.notify(info_request, "request_gathering")


@transaction.atomic
def set_channel(info_request, user, *, channel):
    """The channel a request came by, recorded by staff for one not sent online; its deadline follows it."""
    _require(info_request, {S.RECEIVED}, "ghi kênh gửi yêu cầu")
    if channel not in RequestChannel.values:
        raise TransitionError(_("Cần chọn kênh gửi yêu cầu."))
    info_request.channel = channel
    _record(info_request, "channel", user, previous=S.RECEIVED, note=info_request.get_channel_display())


@transaction.atomic
def extend(info_request, user, *, days, reason):
    """Art. 31.2: one extension of at most 15 (calendar) days, noticed within the running deadline.

    "[...] có thể gia hạn nhưng tối đa không quá 15 ngày và phải có văn bản thông báo về việc gia hạn trong
    thời hạn cung cấp thông tin": an extension recorded once the deadline it extends has passed is refused.
    """
    _require(info_request, {S.GATHERING}, "gia hạn")
    _require_text(reason, _("Cần ghi lý do gia hạn."))
    if info_request.extension_days:
        raise TransitionError(_("Yêu cầu chỉ được gia hạn một lần."))
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise TransitionError(_("Thời gian gia hạn từ 1 đến %(max)s ngày.") % {"max": MAX_EXTENSION_DAYS})
    if timezone.now() > info_request.due_at:
        raise TransitionError(
            _(
                "Đã hết thời hạn cung cấp thông tin (%(due)s): việc gia hạn phải được thông báo trong thời hạn "
                "cung cấp thông tin (Điều 31 Luật Tiếp cận thông tin), nên không thể gia hạn."
            )
            % {"due": local(info_request.due_at).strftime("%H:%M %d/%m/%Y")}
        )
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
