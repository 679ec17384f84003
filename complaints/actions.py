"""The steps of ``complaints.transitions`` as inbox actions: one small form each, and the audit-log entries the
inbox writes for them (Wagtail's log, as the question inbox does).

The forms' field names are the keyword arguments of the transition functions; the transitions stay the only
judges of what a state allows, ``when`` only decides which forms the case's page shows.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Site

from core.record_actions import RecordAction, RecordActionForm

from . import transitions
from .deadlines import DENUNCIATION_EXTENSION_DAYS
from .models import OPEN_STATUSES, CaseKind, CaseOutcome, Complexity
from .models import CaseStatus as S


class AssignForm(RecordActionForm):
    handlers = forms.ModelMultipleChoiceField(label=_("Cán bộ giải quyết"), queryset=get_user_model().objects.none())

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, **kwargs)
        self.fields["handlers"].queryset = transitions.possible_handlers(record.site)
        self.initial["handlers"] = list(record.handlers.values_list("pk", flat=True))


class AcceptForm(RecordActionForm):
    complexity = forms.ChoiceField(label=_("Tính chất vụ việc"), choices=Complexity.choices)
    remote_area = forms.BooleanField(label=_("Vùng sâu, vùng xa đi lại khó khăn"), required=False)
    instance = forms.TypedChoiceField(
        label=_("Lần giải quyết (khiếu nại)"), choices=[(1, _("Lần đầu")), (2, _("Lần hai"))], coerce=int
    )

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, **kwargs)
        self.initial.update(complexity=record.complexity, remote_area=record.remote_area, instance=record.instance)


class ReasonForm(RecordActionForm):
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ExtendForm(ReasonForm):
    days = forms.IntegerField(label=_("Số ngày gia hạn"), min_value=1, max_value=DENUNCIATION_EXTENSION_DAYS)
    field_order = ["days", "reason"]


class ResolveForm(RecordActionForm):
    outcome = forms.ChoiceField(label=_("Kết quả"), choices=CaseOutcome.choices)
    resolution = forms.CharField(
        label=_("Nội dung quyết định, kết luận"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )


class CloseForm(RecordActionForm):
    note = forms.CharField(
        label=_("Ghi chú"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class TransferForm(ReasonForm):
    to_site = forms.ModelChoiceField(
        label=_("Chuyển tới BHXH trong ngành"), queryset=Site.objects.none(), required=False
    )
    to_agency = forms.CharField(label=_("hoặc tới cơ quan có thẩm quyền (tên cơ quan)"), max_length=300, required=False)
    field_order = ["to_site", "to_agency", "reason"]

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, **kwargs)
        self.fields["to_site"].queryset = Site.objects.exclude(pk=record.site_id).order_by(
            "-is_default_site", "site_name"
        )


def log_action(name):
    return f"complaints.case.{name}"


def case_step(name, label, form_class, transition, statuses, kinds=None):
    """A step offered in ``statuses`` (for ``kinds`` only, if given), applied by ``transition`` and then
    written to Wagtail's audit log with the states it went between and the note the transition recorded."""

    def when(case):
        return case.status in statuses and (kinds is None or case.kind in kinds)

    def apply(case, user, data):
        previous = case.status
        transition(case, user, **data)
        note = case.events.latest("at", "pk").note
        log(case, log_action(name), user=user, data={"from": previous, "to": case.status, "note": note})

    return RecordAction(name, label, form_class, apply, when)


OPEN = frozenset(OPEN_STATUSES)
DENUNCIATIONS = frozenset({CaseKind.DENUNCIATION})
ACTIONS = [
    case_step("assign", _("Phân công cán bộ giải quyết"), AssignForm, transitions.assign, OPEN),
    case_step("accept", _("Thụ lý"), AcceptForm, transitions.accept, frozenset({S.RECEIVED})),
    case_step(
        "extend_acceptance",
        _("Kéo dài thời hạn thụ lý (xác minh nhiều địa điểm)"),
        ReasonForm,
        transitions.extend_acceptance,
        frozenset({S.RECEIVED}),
        DENUNCIATIONS,
    ),
    case_step("refuse", _("Không thụ lý"), ReasonForm, transitions.refuse, frozenset({S.RECEIVED})),
    case_step("verify", _("Bắt đầu xác minh"), RecordActionForm, transitions.verify, frozenset({S.ACCEPTED})),
    case_step(
        "extend",
        _("Gia hạn giải quyết tố cáo"),
        ExtendForm,
        transitions.extend,
        frozenset({S.ACCEPTED, S.VERIFYING}),
        DENUNCIATIONS,
    ),
    case_step("resolve", _("Giải quyết"), ResolveForm, transitions.resolve, frozenset({S.ACCEPTED, S.VERIFYING})),
    case_step("transfer", _("Chuyển đơn"), TransferForm, transitions.transfer, OPEN),
    case_step(
        "close", _("Kết thúc hồ sơ"), CloseForm, transitions.close, frozenset({S.RESOLVED, S.REFUSED, S.TRANSFERRED})
    ),
]
STEP_LABELS = {"receive": _("Tiếp nhận"), **{action.name: action.label for action in ACTIONS}}


class NoteLogFormatter(LogFormatter):
    """Shows the step's note (the reason, the destination, the outcome) as the history entry's comment."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


def register_log_actions(registry):
    """Give every step a label in Wagtail's audit log ("Nhật ký" report and history views)."""
    for action in ACTIONS:
        label = _("Khiếu nại, tố cáo: %(action)s") % {"action": action.label}
        registry.register_action(log_action(action.name))(
            type("CaseLogFormatter", (NoteLogFormatter,), {"label": label, "message": label})
        )
