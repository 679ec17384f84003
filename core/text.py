"""Text folding so that Vietnamese is found without diacritics: "da nang" finds "Đà Nẵng".

anyascii (a Wagtail dependency) maps every Vietnamese letter, đ included, to its base Latin letter;
records keep a folded copy of their searchable text and queries are folded the same way (both in
``core.search``), so the match works identically on SQLite and PostgreSQL.
"""

import re

from anyascii import anyascii

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case ASCII with single spaces: the form both stored text and queries are compared in."""
    return _SPACES.sub(" ", anyascii(text or "").lower()).strip()
