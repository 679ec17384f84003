"""Field types and lookups every router of the portal API shares, so each app validates input the same way.

- ``text(min, max)``: stripped, length-limited, NUL-free text (PostgreSQL cannot store NUL);
- ``checked_email``: Django's own e-mail rule, the one the admin applies;
- ``LocalDateTime``: times leave the API in the portal's zone (+07:00), as API.md promises;
- ``find_topic`` / ``TopicOut``: the shared policy topics, named by slug or id.
"""
import datetime as dt
from typing import Annotated

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db.models import Q
from ninja import Schema
from ninja.errors import ValidationError
from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

from cms.working_days import local
from multisite_config.models import Topic

MAX_EMAIL = 254
# Wider than any SQL integer can be compared without overflowing on some backends.
MAX_ID_DIGITS = 18


# Times leave the API in the portal's zone (+07:00), as API.md promises, not in the database's UTC.
LocalDateTime = Annotated[dt.datetime, AfterValidator(local)]


def without_nul(text):
    """A NUL byte is refused: PostgreSQL cannot store it, and no person types one."""
    if "\x00" in text:
        raise PydanticCustomError("nul_byte", "Nội dung chứa ký tự không hợp lệ.")
    return text


def checked_email(text):
    """Django's own e-mail rule, the one the model's EmailField applies in the admin."""
    try:
        validate_email(text)
    except DjangoValidationError:
        raise PydanticCustomError("email", "Địa chỉ thư điện tử không hợp lệ.") from None
    return text


def text(min_length, max_length, **constraints):
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length, **constraints),
        AfterValidator(without_nul),
    ]


class TopicOut(Schema):
    slug: str
    name: str


def find_topic(value, location):
    """The shared topic a client names by slug or id; a name that matches none is a 400 naming ``topic``.

    A typo in a filter must not look like "no item on this topic", so it is an error, not an empty list.
    """
    lookup = Q(slug=value)
    if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
        lookup |= Q(pk=int(value))
    topic = Topic.objects.filter(lookup).first()
    if topic is None:
        raise ValidationError([{"loc": (location, "topic"), "msg": f"Không có chủ đề “{value}”."}])
    return topic
