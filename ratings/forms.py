"""The rating widget's form: the level (required), an optional comment without personal data, a honeypot.

The widget sits on pages the response cache shares between visitors, so it carries nothing that belongs to one
visitor: no CSRF token (its cookie would make every page personal) and no signed timing token (a page may stay
cached for up to a day, longer than such a token lives). Abuse is held back by the honeypot, the rate limit and
one rating per target and client a day (``submissions``); a rating holds no personal data to protect.
"""

from django import forms
from django.core.exceptions import ValidationError

from core.abuse import honeypot_problem
from core.numbers import grouped

from . import privacy
from .models import MAX_COMMENT, Level
from .targets import KEY_PATTERN

COMMENT_HELP = (
    f"Không bắt buộc, tối đa {grouped(MAX_COMMENT)} ký tự. "
    "Không ghi thông tin cá nhân (thư điện tử, số điện thoại, số CMND/CCCD)."
)


class RatingForm(forms.Form):
    target = forms.RegexField(
        regex=KEY_PATTERN,
        max_length=40,
        widget=forms.HiddenInput,
        error_messages={
            "required": "Thiếu nội dung được đánh giá; vui lòng tải lại trang.",
            "invalid": "Nội dung được đánh giá không hợp lệ; vui lòng tải lại trang.",
        },
    )
    level = forms.ChoiceField(
        label="Mức độ hài lòng",
        choices=Level.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Vui lòng chọn mức độ hài lòng.",
            "invalid_choice": "Mức độ hài lòng phải là “Rất hài lòng”, “Hài lòng” hoặc “Không hài lòng”.",
        },
    )
    comment = forms.CharField(
        label="Ý kiến",
        required=False,
        max_length=MAX_COMMENT,
        help_text=COMMENT_HELP,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_COMMENT}),
        error_messages={"max_length": f"Ý kiến không quá {grouped(MAX_COMMENT)} ký tự (hiện có %(show_value)d)."},
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if "\x00" in comment:
            raise ValidationError("Ý kiến chứa ký tự không hợp lệ.")
        if privacy.personal_data_in(comment):
            raise ValidationError(privacy.MESSAGE)
        return comment

    def clean(self):
        problem = honeypot_problem(self.data)
        if problem:
            raise ValidationError(problem)
        return super().clean()
