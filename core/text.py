"""Text folding so that Vietnamese is found without diacritics: "da nang" finds "Đà Nẵng".

anyascii (a Wagtail dependency) maps every Vietnamese letter, đ included, to its base Latin letter;
records keep a folded copy of their searchable text and queries are folded the same way, so the match
works identically on SQLite and PostgreSQL.
"""

import re

from anyascii import anyascii

_SPACES = re.compile(r"\s+")


def fold(text):
    """Lower-case ASCII with single spaces: the form both stored text and queries are compared in."""
    return _SPACES.sub(" ", anyascii(text or "").lower()).strip()


def folded_terms(query, limit=8):
    """The distinct words of a query, folded, at most ``limit`` of them (a search is not a free DoS)."""
    seen = []
    for word in fold(query).split(" "):
        if word and word not in seen:
            seen.append(word)
    return seen[:limit]
