"""The public form of a complaint, denunciation, petition or feedback, checked field by field in Vietnamese.

What the laws ask a letter to state: Luật Khiếu nại 2011 art. 8.2 (the date, the complainant's name and
address, what is complained of, the reason and the request) and Luật Tố cáo 2018 art. 23.1 (the denunciant's
name and address, how to reach them, the violation and who committed it). So name, address, a way to reach
the person, a summary and the content are required; the ID number is optional. Limits follow the model's
columns, so nothing the form accepts fails on save; the abuse checks of ``core.abuse`` run in ``clean``.
"""

from django import forms
from django.core.validators import RegexValidator

from core.abuse import HumanSubmissionForm
from core.numbers import grouped
from core.public_forms import REQUIRED, model_limit, name_field
from faq.request_forms import ID_NUMBER_MESSAGE, ID_NUMBER_PATTERN

from .models import CaseKind, ComplaintCase

MIN_CONTENT_LENGTH = 30


def _limit(field):
    return model_limit(ComplaintCase, field)


def _text(label, field, required_name, **kwargs):
    return forms.CharField(
        label=label,
        max_length=_limit(field),
        error_messages={
            "required": REQUIRED.format(required_name),
            "max_length": f"{label} không quá %(limit_value)d ký tự (hiện có %(show_value)d).",
        },
        **kwargs,
    )


class ComplaintForm(HumanSubmissionForm):
    kind = forms.ChoiceField(
        label="Loại đơn",
        choices=CaseKind.choices,
        error_messages={
            "required": REQUIRED.format("loại đơn"),
            "invalid_choice": "Loại đơn phải là khiếu nại, tố cáo, kiến nghị hoặc phản ánh.",
        },
    )
    name = name_field(_limit("name"))
    address = _text("Địa chỉ", "address", "địa chỉ", widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    contact = _text(
        "Điện thoại hoặc thư điện tử",
        "contact",
        "điện thoại hoặc thư điện tử để cơ quan liên hệ",
        help_text="Để cơ quan thông báo việc thụ lý và kết quả giải quyết; không công khai.",
    )
    id_number = forms.CharField(
        label="Số CCCD/CMND/hộ chiếu (không bắt buộc)",
        max_length=_limit("id_number"),
        required=False,
        validators=[RegexValidator(ID_NUMBER_PATTERN, ID_NUMBER_MESSAGE)],
        error_messages={"max_length": "Số giấy tờ không quá %(limit_value)d ký tự."},
    )
    subject = _text("Tóm tắt nội dung", "subject", "tóm tắt nội dung")
    content = forms.CharField(
        label="Nội dung đơn",
        min_length=MIN_CONTENT_LENGTH,
        max_length=_limit("content"),
        help_text="Nêu rõ sự việc, quyết định hoặc hành vi bị khiếu nại, tố cáo, lý do và đề nghị của Ông/Bà.",
        error_messages={
            "required": REQUIRED.format("nội dung đơn"),
            "min_length": "Nội dung cần ít nhất %(limit_value)d ký tự (hiện có %(show_value)d).",
            "max_length": f"Nội dung không quá {grouped(_limit('content'))} ký tự (hiện có %(show_value)d).",
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
