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
    decision = forms.ChoiceField(label=_("Kết quả tiếp thu"), choices=CommentDecision.choices)
    response = forms.CharField(
        label=_("Giải trình, tiếp thu"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, record=record, **kwargs)
        if record is not None and not self.is_bound:
            self.initial.update(decision=record.decision, response=record.response)


# Offered by the comment's state; the steps judge again (``comments.CommentError``).
ACTIONS = [
    RecordAction(
        "approve",
        _("Duyệt công khai"),
        RecordActionForm,
        calling(comments.approve),
        lambda comment: comment.status != CommentStatus.APPROVED,
    ),
    RecordAction(
        "reject",
        _("Không duyệt"),
        RejectForm,
        calling(comments.reject),
        lambda comment: comment.status != CommentStatus.REJECTED,
    ),
    RecordAction(
        "decide",
        _("Ghi tiếp thu, giải trình"),
        DecideForm,
        calling(comments.decide),
        lambda comment: comment.status != CommentStatus.REJECTED,
    ),
]
