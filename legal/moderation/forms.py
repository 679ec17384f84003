"""One small form per moderation step of ``legal.comments``; the field names are the steps' arguments, so
a step is just ``function(comment, user, **form.cleaned_data)``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CommentDecision, CommentStatus


class CommentActionForm(forms.Form):
    def __init__(self, *args, comment=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.comment = comment


class RejectForm(CommentActionForm):
    reason = forms.CharField(label=_("Lý do không duyệt"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(CommentActionForm):
    decision = forms.ChoiceField(label=_("Kết quả tiếp thu"), choices=CommentDecision.choices)
    response = forms.CharField(
        label=_("Giải trình, tiếp thu"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, comment=None, **kwargs):
        super().__init__(*args, comment=comment, **kwargs)
        if comment is not None and not self.is_bound:
            self.initial.update(decision=comment.decision, response=comment.response)


# name -> (label, form class, whether the comment's state offers it); the steps judge again.
ACTIONS = {
    "approve": (_("Duyệt công khai"), CommentActionForm, lambda comment: comment.status != CommentStatus.APPROVED),
    "reject": (_("Không duyệt"), RejectForm, lambda comment: comment.status != CommentStatus.REJECTED),
    "decide": (_("Ghi tiếp thu, giải trình"), DecideForm, lambda comment: comment.status != CommentStatus.REJECTED),
}
