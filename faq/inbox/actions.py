"""The steps of ``faq/transitions.py`` as inbox actions: one small form each, and the audit-log actions the
inbox writes for them.

The forms' field names are the keyword arguments of the transition functions, so a step is just
``function(question, user, **form.cleaned_data)`` followed by its audit-log entry; the transition functions
stay the only judges of what a state allows. ``when`` only decides which forms the question's page shows.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from contacts.models import Unit
from core.record_actions import RecordAction, RecordActionForm
from multisite_config.models import Topic

from .. import transitions
from ..models.questions import OPEN_STATUSES
from ..models.questions import QuestionStatus as S


class ClassifyForm(RecordActionForm):
    topic = forms.ModelChoiceField(label=_("Chủ đề"), queryset=Topic.objects.all(), required=False)
    is_complex = forms.BooleanField(label=_("Phức tạp, cần nhiều đơn vị"), required=False)

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, **kwargs)
        self.initial.update(topic=record.topic_id, is_complex=record.is_complex)


class AssignForm(RecordActionForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị trả lời"), queryset=Unit.objects.none())
    is_complex = forms.BooleanField(label=_("Phức tạp, cần nhiều đơn vị"), required=False)

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(site_id=record.site_id)
        self.initial.update(unit=record.unit_id, is_complex=record.is_complex)


class AnswerForm(RecordActionForm):
    text = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea, max_length=20000)

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, **kwargs)
        self.initial["text"] = record.answer


class ReasonForm(RecordActionForm):
    reason = forms.CharField(label=_("Lý do"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class ExtendForm(ReasonForm):
    days = forms.IntegerField(
        label=_("Số ngày làm việc gia hạn"), min_value=1, max_value=transitions.MAX_EXTENSION_DAYS
    )
    field_order = ["days", "reason"]


def log_action(name):
    return f"faq.question.{name}"


def question_step(name, label, form_class, transition, statuses, *, while_paused=False):
    """A step offered in ``statuses`` (while paused or not), applied by ``transition`` and then written to
    Wagtail's audit log with the states it went between and the note the transition recorded."""

    def when(question):
        return question.status in statuses and (question.paused_at is not None) == while_paused

    def apply(question, user, data):
        previous = question.status
        transition(question, user, **data)
        note = question.events.latest("at", "pk").note
        log(question, log_action(name), user=user, data={"from": previous, "to": question.status, "note": note})

    return RecordAction(name, label, form_class, apply, when)


WAITING = frozenset({S.RECEIVED, S.CLASSIFIED})
ACTIONS = [
    question_step("classify", _("Phân loại"), ClassifyForm, transitions.classify, frozenset({S.RECEIVED})),
    question_step("assign", _("Chuyển đơn vị trả lời"), AssignForm, transitions.assign, WAITING),
    question_step("answer", _("Ghi nội dung trả lời"), AnswerForm, transitions.answer, frozenset({S.ASSIGNED})),
    question_step(
        "publish", _("Gửi trả lời và đăng công khai"), RecordActionForm, transitions.publish, frozenset({S.ANSWERED})
    ),
    question_step("refuse", _("Không tiếp nhận"), ReasonForm, transitions.refuse, WAITING),
    question_step(
        "pause",
        _("Tạm dừng chờ người hỏi"),
        ReasonForm,
        transitions.pause,
        frozenset({S.RECEIVED, S.CLASSIFIED, S.ASSIGNED}),
    ),
    question_step(
        "resume", _("Tiếp tục xử lý"), RecordActionForm, transitions.resume, frozenset(OPEN_STATUSES), while_paused=True
    ),
    question_step("extend", _("Gia hạn trả lời"), ExtendForm, transitions.extend, frozenset({S.ASSIGNED})),
]
EMAIL_RETRY_LOG_ACTION = "faq.outboundemail.retry"


class NoteLogFormatter(LogFormatter):
    """Shows the step's note (the unit, the reason, the error) as the history entry's comment."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


def register_log_actions(registry):
    """Give every inbox action a label in Wagtail's audit log ("Nhật ký" report and history views)."""
    for action in ACTIONS:
        label = _("Hỏi đáp: %(action)s") % {"action": action.label}
        registry.register_action(log_action(action.name))(
            type("QuestionLogFormatter", (NoteLogFormatter,), {"label": label, "message": label})
        )
    retry_label = _("Hỏi đáp: gửi lại thư cho người hỏi")
    registry.register_action(EMAIL_RETRY_LOG_ACTION)(
        type("EmailRetryLogFormatter", (NoteLogFormatter,), {"label": retry_label, "message": retry_label})
    )
