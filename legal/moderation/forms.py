"""The moderation steps of ``legal.comments`` as actions: one small form each, whose field names are the
step's arguments, so a step is just ``function(comment, user, **form.cleaned_data)``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.record_actions import RecordAction, RecordActionForm, calling

from .. import comments
from ..models import CommentDecision, CommentStatus


class RejectForm(RecordActionForm):
    reason = forms.CharField(label=_("Lý do không duyệt"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(RecordActionForm):
    """On the comment's page the decision is not a field but the button pressed (one per decision)."""

    decision = forms.ChoiceField(label=_("Kết quả tiếp thu"), choices=CommentDecision.choices)
    response = forms.CharField(
        label=_("Giải trình, tiếp thu"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, record=None, **kwargs):
        """Starts from the recorded answer; on an approved comment not answered yet (the usual case once a draft
        closes) the cursor starts in the response, so typing it and pressing a decision is all it takes."""
        super().__init__(*args, record=record, **kwargs)
        if record is not None and not self.is_bound:
            self.initial.update(decision=record.decision, response=record.response)
            if record.status == CommentStatus.APPROVED and not record.decision:
                self.fields["response"].widget.attrs["autofocus"] = True


def approved(comment):
    return f"Đã duyệt và công bố ý kiến góp ý trên trang dự thảo “{comment.draft.title}”."


def rejected(comment):
    return f"Đã từ chối ý kiến góp ý: ý kiến không được công bố. Lý do: {comment.rejection_reason}"


def decided(comment):
    return f"Đã ghi nhận ý kiến tiếp thu, giải trình của đơn vị chủ trì soạn thảo: {comment.get_decision_display()}."


# Offered by the comment's state; the steps judge again (``comments.CommentError``). The decision is offered
# on a pending or approved comment alike, so answering an approved one needs no detour through a rejection.
ACTIONS = [
    RecordAction(
        "approve",
        _("Duyệt công khai"),
        RecordActionForm,
        calling(comments.approve),
        lambda comment: comment.status != CommentStatus.APPROVED,
        approved,
    ),
    RecordAction(
        "reject",
        _("Không duyệt"),
        RejectForm,
        calling(comments.reject),
        lambda comment: comment.status != CommentStatus.REJECTED,
        rejected,
    ),
    RecordAction(
        "decide",
        _("Ghi tiếp thu, giải trình"),
        DecideForm,
        calling(comments.decide),
        lambda comment: comment.status != CommentStatus.REJECTED,
        decided,
    ),
]
