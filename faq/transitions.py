"""Every step a question can take, each checked, timed, logged and (where the asker must know) mailed.

The admin actions, the public form and the API all go through these functions, so the rules of seed 002
hold whichever door a question comes in by.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.record_actions import ActionRefused
from core.working_days import local, working_days_between

from . import deadlines, notifications
from .models.questions import Question, QuestionEvent
from .models.questions import QuestionStatus as S

MAX_EXTENSION_DAYS = 10


class TransitionError(ActionRefused):
    """A step that the question's (or the request's) current state does not allow (shown to staff as is)."""


def step_deadline(question):
    """The deadline of the question's current step (``faq.deadlines``, which the delay report uses too)."""
    return question.current_deadline()


def _record(question, action, user, note="", previous=None, now=None):
    question.due_at = step_deadline(question)
    question.save()
    QuestionEvent.objects.create(
        question=question,
        action=action,
        from_status=previous or question.status,
        to_status=question.status,
        user=user,
        at=now or timezone.now(),
        note=note,
    )


def _require(question, allowed, action):
    if question.status not in allowed:
        raise TransitionError(
            _("Không thể “%(action)s” khi câu hỏi đang ở trạng thái “%(status)s”.")
            % {"action": action, "status": question.get_status_display()}
        )
    if question.paused_at is not None and action != "resume":
        raise TransitionError(_("Câu hỏi đang tạm dừng chờ người hỏi; hãy tiếp tục xử lý trước."))


@transaction.atomic
def submit(site, *, name, email, title, body, phone="", topic=None, publish_name=False, now=None):
    """A question from the public: stored, given its code and first deadline, acknowledged by e-mail."""
    now = now or timezone.now()
    question = Question(
        site=site,
        name=name,
        email=email,
        phone=phone,
        topic=topic,
        title=title,
        body=body,
        publish_name=publish_name,
        received_at=now,
    )
    _record(question, "receive", None, previous="", now=now)
    notifications.notify(question, "received")
    return question


@transaction.atomic
def classify(question, user, *, topic=None, is_complex=False):
    _require(question, {S.RECEIVED}, "classify")
    previous, question.status = question.status, S.CLASSIFIED
    question.classified_at, question.is_complex = timezone.now(), is_complex
    question.topic = topic or question.topic
    _record(question, "classify", user, previous=previous)


@transaction.atomic
def assign(question, user, *, unit, is_complex=None):
    _require(question, {S.RECEIVED, S.CLASSIFIED}, "assign")
    if unit.site_id != question.site_id:
        raise TransitionError(_("Đơn vị được chọn không thuộc trang của câu hỏi."))
    previous, now = question.status, timezone.now()
    question.classified_at = question.classified_at or now
    question.status, question.unit, question.assigned_at = S.ASSIGNED, unit, now
    if is_complex is not None:
        question.is_complex = is_complex
    _record(question, "assign", user, note=unit.name, previous=previous)


@transaction.atomic
def answer(question, user, *, text):
    _require(question, {S.ASSIGNED}, "answer")
    if not text.strip():
        raise TransitionError(_("Nội dung trả lời không được để trống."))
    previous, question.status = question.status, S.ANSWERED
    question.answer, question.answered_by, question.answered_at = text, user, timezone.now()
    _record(question, "answer", user, previous=previous)


@transaction.atomic
def publish(question, user):
    """Send the answer to the asker and publish it on the site."""
    _require(question, {S.ANSWERED}, "publish")
    previous, now = question.status, timezone.now()
    question.status, question.published_at, question.last_reviewed_at = S.PUBLISHED, now, now
    _record(question, "publish", user, previous=previous)
    notifications.notify(question, "answered")


@transaction.atomic
def refuse(question, user, *, reason):
    """Out of scope or unclear: the asker is told, the same working day it was received (seed 002)."""
    _require(question, {S.RECEIVED, S.CLASSIFIED}, "refuse")
    if not reason.strip():
        raise TransitionError(_("Cần ghi lý do không tiếp nhận."))
    previous, question.status, now = question.status, S.REFUSED, timezone.now()
    question.refusal_reason, question.refused_at, question.reported_back_at = reason, now, now
    _record(question, "refuse", user, note=reason, previous=previous)
    notifications.notify(question, "refused")


@transaction.atomic
def pause(question, user, *, reason):
    """Stop the clock while waiting for the asker to complete their question.

    Asking an unclear question's asker for the full question is the centre's same-day report back.
    """
    _require(question, {S.RECEIVED, S.CLASSIFIED, S.ASSIGNED}, "pause")
    if not reason.strip():
        raise TransitionError(_("Cần ghi lý do tạm dừng."))
    question.paused_at, question.pause_reason = timezone.now(), reason
    if question.status == S.RECEIVED:
        question.reported_back_at = question.reported_back_at or question.paused_at
    _record(question, "pause", user, note=reason)


@transaction.atomic
def resume(question, user):
    """Restart the clock; the working days spent waiting are added to the deadline of this step only."""
    if question.paused_at is None:
        raise TransitionError(_("Câu hỏi không ở trạng thái tạm dừng."))
    now = timezone.now()
    waited = working_days_between(local(question.paused_at).date(), local(now).date())
    if deadlines.STEP_OF[question.status] == "answer":
        question.answer_paused_days += waited
    else:
        question.routing_paused_days += waited
    question.paused_at = None
    _record(question, "resume", user, note=_("%(days)s ngày làm việc") % {"days": waited})


@transaction.atomic
def extend(question, user, *, days, reason):
    """More time for the unit's answer, with a reason the asker is told."""
    _require(question, {S.ASSIGNED}, "extend")
    if not reason.strip():
        raise TransitionError(_("Cần ghi lý do gia hạn."))
    if not 1 <= days <= MAX_EXTENSION_DAYS or question.extension_days + days > MAX_EXTENSION_DAYS:
        raise TransitionError(
            _("Tổng thời gian gia hạn không quá %(max)s ngày làm việc.") % {"max": MAX_EXTENSION_DAYS}
        )
    question.extension_days += days
    question.extension_reason = reason
    _record(question, "extend", user, note=reason)
    notifications.notify(question, "extended")
