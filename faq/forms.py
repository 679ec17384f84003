"""The public question form: what a person may send, checked field by field in Vietnamese.

Limits follow the model (title 200, body 5000 characters) so nothing valid here fails on save; the abuse
checks of ``core.abuse`` (honeypot, timing token) run in ``clean`` so a refused form saves nothing.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

from core.abuse import HumanSubmissionForm
from core.numbers import grouped
from core.public_forms import REQUIRED, email_field, model_limit, name_field
from multisite_config.models import Topic

from .models.questions import Question  # not .models: the page model imports this form while faq.models loads

MIN_TITLE_LENGTH = 10
MIN_BODY_LENGTH = 30
PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
PHONE_PATTERN = re.compile(r"^(\+84|0)\d{8,10}$")


def _limit(model_field):
    return model_limit(Question, model_field)


class QuestionForm(HumanSubmissionForm):
    name = name_field(_limit("name"))
    email = email_field(_limit("email"), help_text="Để nhận mã tra cứu và câu trả lời; không công khai.")
    phone = forms.CharField(
        label="Điện thoại (không bắt buộc)",
        required=False,
        max_length=_limit("phone"),
        help_text="Không công khai. Ví dụ: 0912 345 678 hoặc +84 912 345 678.",
        error_messages={"max_length": "Số điện thoại không quá %(limit_value)d ký tự."},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    topic = forms.ModelChoiceField(
        label="Chủ đề (không bắt buộc)",
        queryset=Topic.objects.all(),
        required=False,
        empty_label="— Chọn chủ đề —",
        error_messages={"invalid_choice": "Chủ đề đã chọn không có trong danh sách."},
    )
    title = forms.CharField(
        label="Tiêu đề câu hỏi",
        min_length=MIN_TITLE_LENGTH,
        max_length=_limit("title"),
        error_messages={
            "required": REQUIRED.format("tiêu đề câu hỏi"),
            "min_length": "Tiêu đề cần ít nhất %(limit_value)d ký tự.",
            "max_length": "Tiêu đề không quá %(limit_value)d ký tự (hiện có %(show_value)d).",
        },
    )
    body = forms.CharField(
        label="Nội dung câu hỏi",
        min_length=MIN_BODY_LENGTH,
        max_length=_limit("body"),
        help_text=f"Từ {MIN_BODY_LENGTH} đến {grouped(_limit('body'))} ký tự. Câu hỏi và câu trả lời có thể được đăng "
        "công khai: xin đừng ghi số CCCD, số sổ BHXH, địa chỉ hay số điện thoại vào tiêu đề và nội dung.",
        error_messages={
            "required": REQUIRED.format("nội dung câu hỏi"),
            "min_length": "Nội dung cần ít nhất %(limit_value)d ký tự để có thể trả lời (hiện có %(show_value)d).",
            "max_length": f"Nội dung không quá {grouped(_limit('body'))} ký tự (hiện có %(show_value)d).",
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    publish_name = forms.BooleanField(
        label="Tôi đồng ý công khai họ tên khi câu hỏi và câu trả lời được đăng trên trang",
        required=False,
        template_name="includes/checkbox_field.html",
    )

    def clean_phone(self):
        """Keep the digits (and a leading +); refuse what cannot be a Vietnamese phone number."""
        phone = PHONE_SEPARATORS.sub("", self.cleaned_data["phone"])
        if phone and not PHONE_PATTERN.match(phone):
            raise ValidationError("Số điện thoại không hợp lệ: bắt đầu bằng 0 hoặc +84, gồm 9 đến 11 chữ số.")
        return phone


class TrackingForm(forms.Form):
    ma = forms.CharField(
        label="Mã tra cứu",
        max_length=40,
        help_text="Mã gồm 10 ký tự trong thư xác nhận, ví dụ ABCDE-FGHJK.",
        error_messages={"required": REQUIRED.format("mã tra cứu"), "max_length": "Mã tra cứu không hợp lệ."},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
