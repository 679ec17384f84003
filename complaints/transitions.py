"""Every step a case can take, each checked, timed and logged; the admin actions, the reception log, the public
form and the demo all go through these functions, so the rules hold whichever door a case comes in by.

The steps (seed 004's complaint-handling procedure, within the periods of ``complaints.deadlines``):
received → accepted (thụ lý) or refused with its reason → being verified → resolved (with an outcome) →
closed; at any open step a case may be transferred to another BHXH of the sector (it continues there,
received anew) or to a competent agency outside it (it ends here as "transferred").
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.record_actions import ActionRefused
from core.working_days import OFFICE_OPENS
from multisite_config.models import SiteRole

from .deadlines import DENUNCIATION_EXTENSION_DAYS, DENUNCIATION_EXTENSIONS, step_deadline
from .models import OPEN_STATUSES, CaseChannel, CaseEvent, CaseKind, CaseTransfer, ComplaintCase, Complexity
from .models import CaseStatus as S


class TransitionError(ActionRefused):
    """A step the case's state or kind does not allow (shown to staff as it is)."""


def _record(case, action, user, note="", previous=None, now=None, site=None):
    """Save the case with the deadline of its new step and log the step, on the site that took it."""
    case.due_at = step_deadline(case)
    case.save()
    CaseEvent.objects.create(
        case=case,
        acting_site=site or case.site,
        action=action,
        from_status=previous if previous is not None else case.status,
        to_status=case.status,
        user=user,
        at=now or timezone.now(),
        note=note,
    )


def _require(case, allowed, label):
    if case.status not in allowed:
        raise TransitionError(
            _("Không thể “%(action)s” khi đơn đang ở trạng thái “%(status)s”.")
            % {"action": label, "status": case.get_status_display()}
        )


def _required_text(text, message):
    if not (text or "").strip():
        raise TransitionError(message)
    return text.strip()


def possible_handlers(site):
    """The officers who may be given a case of ``site``: the members of its board, who handle its cases."""
    return (
        get_user_model()
        .objects.filter(groups__site_group__site=site, groups__site_group__role=SiteRole.BOARD, is_active=True)
        .distinct()
        .order_by("username")
    )


@transaction.atomic
def receive(
    site,
    *,
    kind,
    channel,
    name,
    subject,
    content,
    address="",
    contact="",
    id_number="",
    user=None,
    reception_log=None,
    instance=1,
    now=None,
):
    """A case received by ``site``: its code, its acceptance deadline, its first log line; the officer who
    records it in the admin handles it until the board assigns others."""
    now = now or timezone.now()
    case = ComplaintCase(
        site=site,
        kind=kind,
        channel=channel,
        name=name,
        address=address,
        contact=contact,
        id_number=id_number,
        subject=subject,
        content=content,
        instance=instance,
        reception_log=reception_log,
        received_at=now,
        site_received_at=now,
    )
    _record(case, "receive", user, previous="", now=now)
    if user is not None:
        case.handlers.add(user)
    return case


def open_from_reception(entry, user, *, content, address="", contact="", id_number="", instance=1):
    """A case opened from a reception log entry: same site, kind, person and subject, received on the day the
    citizen came (at opening time, or now if opened the same day)."""
    if ComplaintCase.objects.filter(reception_log=entry).exists():
        raise TransitionError(_("Lượt tiếp công dân này đã có hồ sơ đơn."))
    opened = timezone.make_aware(dt.datetime.combine(entry.date, OFFICE_OPENS), timezone.get_default_timezone())
    return receive(
        entry.site,
        kind=entry.kind,
        channel=CaseChannel.RECEPTION,
        name=entry.citizen_name,
        subject=entry.subject,
        content=content,
        address=address,
        contact=contact,
        id_number=id_number,
        user=user,
        reception_log=entry,
        instance=instance,
        now=min(opened, timezone.now()),
    )


@transaction.atomic
def assign(case, user, *, handlers):
    """Name the officers handling the case (the only ones who see a denunciant's identity)."""
    _require(case, OPEN_STATUSES, _("Phân công cán bộ giải quyết"))
    allowed = set(possible_handlers(case.site).values_list("pk", flat=True))
    if not handlers or any(handler.pk not in allowed for handler in handlers):
        raise TransitionError(_("Cán bộ giải quyết phải là thành viên Ban Biên tập của trang đang giải quyết đơn."))
    case.handlers.set(handlers)
    _record(case, "assign", user, note=", ".join(handler.get_username() for handler in handlers))


@transaction.atomic
def accept(case, user, *, complexity=Complexity.NORMAL, remote_area=False, instance=None):
    """Thụ lý: the resolution period starts (its length depends on kind, instance, area and complexity)."""
    _require(case, {S.RECEIVED}, _("Thụ lý"))
    if complexity == Complexity.VERY_COMPLEX and case.kind != CaseKind.DENUNCIATION:
        raise TransitionError(_("Chỉ đơn tố cáo có vụ việc “đặc biệt phức tạp” (Luật Tố cáo, Điều 30)."))
    if instance is not None:
        if instance == 2 and case.kind != CaseKind.COMPLAINT:
            raise TransitionError(_("Chỉ khiếu nại có giải quyết lần hai (Luật Khiếu nại, Điều 37)."))
        case.instance = instance
    previous, case.status = case.status, S.ACCEPTED
    case.accepted_at, case.complexity, case.remote_area = timezone.now(), complexity, remote_area
    _record(case, "accept", user, note=case.get_complexity_display(), previous=previous)


@transaction.atomic
def extend_acceptance(case, user, *, reason):
    """Luật Tố cáo art. 24.1: checking at several places may take up to 10 working days instead of 7."""
    _require(case, {S.RECEIVED}, _("Kéo dài thời hạn thụ lý"))
    if case.kind != CaseKind.DENUNCIATION or case.accept_extended:
        raise TransitionError(_("Chỉ đơn tố cáo được kéo dài thời hạn thụ lý, một lần, tới 10 ngày làm việc."))
    case.accept_extended = True
    _record(case, "extend_acceptance", user, note=_required_text(reason, _("Cần ghi lý do kéo dài.")))


@transaction.atomic
def refuse(case, user, *, reason):
    """Không thụ lý: the person is told why (Luật Khiếu nại art. 27, Luật Tố cáo art. 29)."""
    _require(case, {S.RECEIVED}, _("Không thụ lý"))
    reason = _required_text(reason, _("Cần ghi lý do không thụ lý."))
    previous, case.status = case.status, S.REFUSED
    case.refusal_reason, case.refused_at = reason, timezone.now()
    _record(case, "refuse", user, note=reason, previous=previous)


@transaction.atomic
def verify(case, user):
    _require(case, {S.ACCEPTED}, _("Xác minh"))
    previous, case.status, case.verifying_at = case.status, S.VERIFYING, timezone.now()
    _record(case, "verify", user, previous=previous)


@transaction.atomic
def extend(case, user, *, days, reason):
    """Luật Tố cáo art. 30.2–3: a complex denunciation once, an especially complex one twice, at most 30 days
    each, decided in writing before the running period ends (an extension after it would extend nothing)."""
    _require(case, {S.ACCEPTED, S.VERIFYING}, _("Gia hạn giải quyết"))
    if case.kind != CaseKind.DENUNCIATION:
        raise TransitionError(_("Luật Khiếu nại không cho gia hạn: thời hạn đã tính theo tính chất vụ việc."))
    if case.extension_count >= DENUNCIATION_EXTENSIONS[case.complexity]:
        raise TransitionError(
            _("Vụ việc phức tạp được gia hạn một lần, đặc biệt phức tạp hai lần (Luật Tố cáo, Điều 30).")
        )
    if not 1 <= days <= DENUNCIATION_EXTENSION_DAYS:
        raise TransitionError(_("Mỗi lần gia hạn không quá 30 ngày."))
    if case.due_at is not None and timezone.now() > case.due_at:
        raise TransitionError(_("Đã quá thời hạn giải quyết: không thể gia hạn sau khi hết hạn."))
    reason = _required_text(reason, _("Cần ghi lý do gia hạn."))
    case.extension_count += 1
    case.extension_days += days
    _record(case, "extend", user, note=reason)


@transaction.atomic
def resolve(case, user, *, outcome, resolution):
    _require(case, {S.ACCEPTED, S.VERIFYING}, _("Giải quyết"))
    resolution = _required_text(resolution, _("Cần ghi nội dung quyết định, kết luận."))
    previous, case.status = case.status, S.RESOLVED
    case.outcome, case.resolution, case.resolved_at = outcome, resolution, timezone.now()
    _record(case, "resolve", user, note=case.get_outcome_display(), previous=previous)


@transaction.atomic
def close(case, user, *, note=""):
    _require(case, {S.RESOLVED, S.REFUSED, S.TRANSFERRED}, _("Kết thúc hồ sơ"))
    previous, case.status, case.closed_at = case.status, S.CLOSED, timezone.now()
    _record(case, "close", user, note=note, previous=previous)


@transaction.atomic
def transfer(case, user, *, reason, to_site=None, to_agency=""):
    """Send the case to the competent body: another BHXH of the sector (``to_site``: the record moves there,
    received anew, and its board continues it) or an agency outside it (``to_agency``: the case ends here).

    The sending site keeps a ``CaseTransfer`` as its read-only trace; the case's handlers are cleared, so the
    sender's officers no longer see a denunciant's identity once it has left them.
    """
    _require(case, OPEN_STATUSES, _("Chuyển đơn"))
    reason = _required_text(reason, _("Cần ghi lý do chuyển đơn."))
    to_agency = (to_agency or "").strip()
    if bool(to_site) == bool(to_agency):
        raise TransitionError(_("Chọn một BHXH trong ngành hoặc ghi tên một cơ quan có thẩm quyền, không cả hai."))
    if to_site is not None and to_site.pk == case.site_id:
        raise TransitionError(_("Đơn đang ở trang này; hãy chọn một BHXH khác."))
    now = timezone.now()
    CaseTransfer.objects.create(
        site=case.site,
        case=case,
        tracking_code=case.tracking_code,
        kind=case.kind,
        received_at=case.received_at,
        to_site=to_site,
        to_agency=to_agency,
        reason=reason,
        at=now,
        user=user,
    )
    previous, sender = case.status, case.site
    destination = to_agency
    if to_site is not None:
        destination = to_site.site_name or to_site.hostname
        case.site, case.status, case.site_received_at = to_site, S.RECEIVED, now
        case.accepted_at = case.verifying_at = None
        case.accept_extended, case.extension_count, case.extension_days = False, 0, 0
        case.handlers.clear()
    else:
        case.status, case.transferred_at, case.transferred_to_agency = S.TRANSFERRED, now, to_agency
    _record(case, "transfer", user, note=f"{destination}: {reason}", previous=previous, now=now, site=sender)
