"""The fields every public form asks of a person (name, e-mail), written once so that the question, the
comment on a draft and the request for information word them, limit them and refuse them the same way."""

from django import forms
from django.db.models import Model

REQUIRED = "Vui lòng nhập {}."
INVALID_EMAIL = "Thư điện tử không hợp lệ (ví dụ: ten@example.vn)."


def model_limit(model: type[Model], field: str) -> int:
    """The ``max_length`` of the model field a form field fills, so the form refuses what the column cannot hold."""
    max_length = model._meta.get_field(field).max_length  # type: ignore[union-attr]  # a CharField's, always set
    assert max_length is not None
    return max_length


def name_field(max_length: int) -> forms.CharField:
    return forms.CharField(
        label="Họ và tên",
        max_length=max_length,
        error_messages={
            "required": REQUIRED.format("họ và tên"),
            "max_length": "Họ và tên không quá %(limit_value)d ký tự.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


def email_field(max_length: int, help_text: str = "Không công khai.") -> forms.EmailField:
    return forms.EmailField(
        label="Thư điện tử",
        max_length=max_length,
        help_text=help_text,
        error_messages={
            "required": REQUIRED.format("thư điện tử"),
            "invalid": INVALID_EMAIL,
            "max_length": "Thư điện tử không quá %(limit_value)d ký tự.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
