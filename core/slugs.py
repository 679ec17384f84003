"""ASCII slugs for Vietnamese titles: "BHXH Hà Nội" → "bhxh-ha-noi", "Đà Nẵng" → "da-nang".

A slug with diacritics becomes an address full of percent escapes (``/bhxh-h%C3%A0-n%E1%BB%99i-…``) that
citizens cannot read, type or share; ``WAGTAIL_ALLOW_UNICODE_SLUGS = False`` keeps slugs ASCII. Dropping the
marks is not enough for Vietnamese: đ is a letter of its own that Unicode does not decompose, so Django's
``slugify`` loses it ("a-nang") and the admin's script, lacking a Vietnamese table, borrows the Serbian one
("dja-nang"). Every path folds the Vietnamese letters first: the code through ``vietnamese_slug``, the admin's
slug field through the formatters its script applies before making the slug (``VietnameseSlugInput``) and, for
what is typed or sent without the script, through the field itself (``AsciiSlugField``), so Wagtail's check that
the slug is free among its siblings sees the slug that will be saved.
"""

import unicodedata
from typing import Any

from django import forms
from django.utils.text import slugify
from wagtail.admin.widgets.slug import SlugInput

from .text import fold

# Every Vietnamese letter with a mark (ă â ê ô ơ ư, the five tones, đ), by the ASCII letter it folds to.
_VIETNAMESE_LETTERS = "aăâeêioôơuưy"
_TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")


def _marked_letters() -> dict[str, str]:
    by_base: dict[str, str] = {"d": "đ"}
    for letter in _VIETNAMESE_LETTERS:
        base = fold(letter)
        for mark in _TONE_MARKS:
            marked = unicodedata.normalize("NFC", letter + mark)
            if marked != base:
                by_base[base] = by_base.get(base, "") + marked
    return by_base


# (regular expression, replacement) pairs for the admin's slug script: each marked letter to its base letter.
FORMATTERS = [
    pair
    for base, letters in _marked_letters().items()
    for pair in ((f"[{letters}]", base), (f"[{letters.upper()}]", base.upper()))
]


def vietnamese_slug(text: str) -> str:
    """The slug of a Vietnamese title, in ASCII."""
    return slugify(fold(text))


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug field, folding Vietnamese letters before its script makes the slug."""

    def __init__(
        self,
        attrs: dict[str, Any] | None = None,
        formatters: list[tuple[str, str]] | None = None,
        locale: object | None = None,
    ) -> None:
        super().__init__(attrs=attrs, formatters=formatters or FORMATTERS, locale=locale)


class AsciiSlugField(forms.SlugField):
    """An admin slug field that folds what it is given ("Hà-Nội" → "ha-noi") before validating it as ASCII."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_unicode"] = False
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return vietnamese_slug(text) if text else text
