"""One small form per step of ``faq/transitions.py``, and the audit-log actions the inbox writes for them.

The forms' field names are the keyword arguments of the transition functions, so an action is just
``function(question, user, **form.cleaned_data)``; the transition functions stay the only judges of what
a state allows. ``offered`` only decides which forms the question's page shows.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from contacts.models import Unit
from multisite_config.models import Topic

from .. import transitions
from ..models.questions import OPEN_STATUSES
from ..models.questions import QuestionStatus as S


class QuestionActionForm(forms.Form):
    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question


class ClassifyForm(QuestionActionForm):
    topic = forms.ModelChoiceField(label=_("Chủ đề"), queryset=Topic.objects.all(), required=False)
    is_complex = forms.BooleanField(label=_("Phức tạp, cần nhiều đơn vị"), required=False)

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, question=question, **kwargs)
        self.initial.update(topic=question.topic_id, is_complex=question.is_complex)


class AssignForm(QuestionActionForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị trả lời"), queryset=Unit.objects.none())
    is_complex = forms.BooleanField(label=_("Phức tạp, cần nhiều đơn vị"), required=False)

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, question=question, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(site_id=question.site_id)
        self.initial.update(unit=question.unit_id, is_complex=question.is_complex)


class AnswerForm(QuestionActionForm):
    text = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea, max_length=20000)

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, question=question, **kwargs)
        self.initial["text"] = question.answer


class ReasonForm(QuestionActionForm):
    reason = forms.CharField(label=_("Lý do"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class ExtendForm(ReasonForm):
    days = forms.IntegerField(
        label=_("Số ngày làm việc gia hạn"), min_value=1, max_value=transitions.MAX_EXTENSION_DAYS
    )
    field_order = ["days", "reason"]


@dataclass(frozen=True)
class QuestionAction:
    name: str
    label: str
    form_class: type
    function: object
    statuses: frozenset
    while_paused: bool = False

    @property
    def log_action(self):
        return f"faq.question.{self.name}"

    def offered(self, question):
        return question.status in self.statuses and (question.paused_at is not None) == self.while_paused

    def perform(self, question, user, form):
        self.function(question, user, **form.cleaned_data)


WAITING = frozenset({S.RECEIVED, S.CLASSIFIED})
ACTIONS = {
    action.name: action
    for action in [
        QuestionAction("classify", _("Phân loại"), ClassifyForm, transitions.classify, frozenset({S.RECEIVED})),
        QuestionAction("assign", _("Chuyển đơn vị trả lời"), AssignForm, transitions.assign, WAITING),
        QuestionAction("answer", _("Ghi nội dung trả lời"), AnswerForm, transitions.answer, frozenset({S.ASSIGNED})),
        QuestionAction(
            "publish",
            _("Gửi trả lời và đăng công khai"),
            QuestionActionForm,
            transitions.publish,
            frozenset({S.ANSWERED}),
        ),
        QuestionAction("refuse", _("Không tiếp nhận"), ReasonForm, transitions.refuse, WAITING),
        QuestionAction(
            "pause",
            _("Tạm dừng chờ người hỏi"),
            ReasonForm,
            transitions.pause,
            frozenset({S.RECEIVED, S.CLASSIFIED, S.ASSIGNED}),
        ),
        QuestionAction(
            "resume",
            _("Tiếp tục xử lý"),
            QuestionActionForm,
            transitions.resume,
            frozenset(OPEN_STATUSES),
            while_paused=True,
        ),
        QuestionAction("extend", _("Gia hạn trả lời"), ExtendForm, transitions.extend, frozenset({S.ASSIGNED})),
    ]
}
EMAIL_RETRY_LOG_ACTION = "faq.outboundemail.retry"


class NoteLogFormatter(LogFormatter):
    """Shows the step's note (the unit, the reason, the error) as the history entry's comment."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


def register_log_actions(registry):
    """Give every inbox action a label in Wagtail's audit log ("Nhật ký" report and history views)."""
    for action in ACTIONS.values():
        label = _("Hỏi đáp: %(action)s") % {"action": action.label}
        registry.register_action(action.log_action)(
            type("QuestionLogFormatter", (NoteLogFormatter,), {"label": label, "message": label})
        )
    retry_label = _("Hỏi đáp: gửi lại thư cho người hỏi")
    registry.register_action(EMAIL_RETRY_LOG_ACTION)(
        type("EmailRetryLogFormatter", (NoteLogFormatter,), {"label": retry_label, "message": retry_label})
    )
