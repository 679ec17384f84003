"""The public form of a request for information (art. 24.2) and the field rules the API shares with it.

The limits follow the model's columns, so nothing a form or the API accepts can fail when saved.
"""

from django import forms
from django.core.validators import RegexValidator

from core.abuse import HumanSubmissionForm
from core.public_forms import email_field, model_limit, name_field

from .models import DeliveryForm, InformationRequest

# CCCD (12 digits), old CMND (9 digits) or a passport number (one letter and 7 or 8 digits).
ID_NUMBER_PATTERN = r"^(?:\d{9}|\d{12}|[A-Z]\d{7,8})$"
ID_NUMBER_MESSAGE = "Số định danh gồm 9 hoặc 12 chữ số, hoặc số hộ chiếu (một chữ cái và 7–8 chữ số)."
PHONE_PATTERN = r"^\+?[0-9][0-9 .\-]{7,18}$"
LIMITS = {
    "name": 120,
    "address": 300,
    "id_number": 20,
    "phone": 20,
    "fax": 20,
    "organisation": 200,
    "information": 5000,
    "purpose": 2000,
}


class InformationRequestForm(HumanSubmissionForm):
    """Art. 24.2 field by field, with a hidden honeypot and a signed timing token against bots."""

    name = name_field(LIMITS["name"])
    address = forms.CharField(label="Nơi cư trú", max_length=LIMITS["address"])
    id_number = forms.CharField(
        label="Số CCCD/CMND/hộ chiếu",
        max_length=LIMITS["id_number"],
        validators=[RegexValidator(ID_NUMBER_PATTERN, ID_NUMBER_MESSAGE)],
    )
    email = email_field(model_limit(InformationRequest, "email"))
    phone = forms.CharField(
        label="Số điện thoại",
        max_length=LIMITS["phone"],
        required=False,
        validators=[RegexValidator(PHONE_PATTERN, "Số điện thoại không hợp lệ.")],
    )
    fax = forms.CharField(
        label="Số fax",
        max_length=LIMITS["fax"],
        required=False,
        validators=[RegexValidator(PHONE_PATTERN, "Số fax không hợp lệ.")],
    )
    organisation = forms.CharField(
        label="Yêu cầu thay mặt tổ chức (nếu có)", max_length=LIMITS["organisation"], required=False
    )
    information = forms.CharField(
        label="Thông tin cần cung cấp", max_length=LIMITS["information"], widget=forms.Textarea(attrs={"rows": 6})
    )
    purpose = forms.CharField(
        label="Lý do, mục đích yêu cầu", max_length=LIMITS["purpose"], widget=forms.Textarea(attrs={"rows": 3})
    )
    delivery_form = forms.ChoiceField(
        label="Hình thức nhận thông tin",
        choices=DeliveryForm.choices,
        initial=DeliveryForm.EMAIL,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = "Vui lòng nhập trường này."
            field.error_messages["max_length"] = "Tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."
        self.fields["delivery_form"].error_messages["invalid_choice"] = "Vui lòng chọn một hình thức nhận thông tin."
