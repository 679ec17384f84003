"""Field types and lookups every router of the portal API shares, so each app validates input the same way.

- ``text(min, max)``: stripped, length-limited, NUL-free text (PostgreSQL cannot store NUL);
- ``Email``: such a text that passes Django's own e-mail rule, the one the admin applies;
- ``LocalDateTime``: times leave the API in the portal's zone (+07:00), as API.md promises;
- ``RecordId``: the ``{id}`` of every path that names one record;
- ``file_url``, ``with_absolute_images``: uploaded files (images) at absolute addresses a consumer can fetch.
"""

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files import File
from django.core.validators import validate_email
from django.http import Http404, HttpRequest
from ninja import Field, Path
from pydantic import AfterValidator, BeforeValidator, JsonValue, StringConstraints
from pydantic_core import PydanticCustomError

from core.ids import as_id, is_id_text
from core.media import absolute_url
from core.working_days import local

MAX_EMAIL = 254
# A subset of what Django's validate_email accepts (dot-atom @ host names . letters), published with the
# e-mail fields so that a client generating addresses from the schema never sends one the server refuses.
EMAIL_PATTERN = (
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
# Characters in the published patterns of ``text()``: any but NUL, and any but NUL or whitespace. ``\s`` means
# less on some regex engines (ECMA leaves out U+0085) than the whitespace the server strips, hence U+0085.
ANY_CHAR = r"[^\u0000]"
NOT_BLANK_CHAR = r"[^\s\u0085\u0000]"


# Times leave the API in the portal's zone (+07:00), as API.md promises, not in the database's UTC.
LocalDateTime = Annotated[dt.datetime, AfterValidator(local)]


def without_nul(text: str) -> str:
    """A NUL byte is refused: PostgreSQL cannot store it, and no person types one."""
    if "\x00" in text:
        raise PydanticCustomError("nul_byte", "Nội dung chứa ký tự không hợp lệ.")
    return text


def checked_email(text: str) -> str:
    """Django's own e-mail rule, the one the model's EmailField applies in the admin."""
    try:
        validate_email(text)
    except DjangoValidationError:
        raise PydanticCustomError("email", "Địa chỉ thư điện tử không hợp lệ.") from None
    return text


def record_id(value: object) -> int:
    """A path id by the one rule of ``core.ids``: what is not a positive integer is a 400 naming the parameter; a
    positive integer no record can carry, however large, is a 404 like any id that names no record."""
    if not is_id_text(value):
        raise PydanticCustomError("record_id", "Số hiệu phải là một số nguyên dương.")
    found = as_id(value)
    if found is None:
        raise Http404("Không có bản ghi nào mang số hiệu này trên trang.")
    return found


# Read before pydantic's own integer parsing, which takes "+5", " 5" or "5.0" and refuses 5,000 digits with a 400.
RecordId = Annotated[int, BeforeValidator(record_id), Path(..., ge=1, description="Số hiệu của bản ghi.")]


def text(min_length: int, max_length: int, **constraints: Any) -> Any:
    """Text stripped of surrounding whitespace, then ``min_length`` to ``max_length`` characters long, NUL-free.

    The result is an ``Annotated`` type built at run time (hence ``Any`` to the type checker), used as a
    field's annotation in the apps' schemas. Without a pattern of its own, its published schema says what the
    stripping and the NUL rule refuse, which a bare ``minLength`` does not: a client generating values that
    match the schema is never refused.
    """
    documented: dict[str, JsonValue] = {} if "pattern" in constraints else {"pattern": text_pattern(min_length)}
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length, **constraints),
        AfterValidator(without_nul),
        Field(json_schema_extra=documented),
    ]


def text_pattern(min_length: int) -> str:
    """A JSON Schema pattern for what ``text(min_length, …)`` accepts: no NUL, and once surrounding whitespace is
    stripped, at least ``min_length`` characters (from the first that is not whitespace to the last)."""
    if min_length == 0:
        return f"^{ANY_CHAR}*$"
    if min_length == 1:
        return f"^{ANY_CHAR}*{NOT_BLANK_CHAR}{ANY_CHAR}*$"
    return f"^{ANY_CHAR}*{NOT_BLANK_CHAR}{ANY_CHAR}{{{min_length - 2},}}{NOT_BLANK_CHAR}{ANY_CHAR}*$"


if TYPE_CHECKING:  # a type built at run time by ``text()``: to the type checker, the string it validates
    Email = str
else:
    Email = Annotated[
        text(3, MAX_EMAIL),
        AfterValidator(checked_email),
        Field(json_schema_extra={"format": "email", "pattern": EMAIL_PATTERN}),
    ]


# The address of an image in rich text as Wagtail writes it (``<img … src="/media/images/…">``): a path on the site.
RELATIVE_IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")(/(?!/)[^"]*)"')


def root_url(request: HttpRequest) -> str:
    """The root URL of the site the answer is about (``resolve_site`` keeps it on the request), else of the host
    the request reached: the base the answer's page URLs already have."""
    site = getattr(request, "api_site", None)
    return site.root_url if site is not None else request.build_absolute_uri("/")


def file_url(file: File, request: HttpRequest) -> str:
    """An uploaded file's absolute URL: a consumer outside the portal cannot resolve ``/media/…``."""
    return absolute_url(file.url, root_url(request))  # type: ignore[attr-defined]


def with_absolute_images(html: str, request: HttpRequest) -> str:
    """Rich text whose images (renditions at paths of the site) have absolute addresses."""
    base = root_url(request)
    return RELATIVE_IMG_SRC.sub(lambda match: f'{match[1]}{absolute_url(match[2], base)}"', html)
