"""The portal's public searches: a folded copy of each record's text, and the query matched against it.

A model takes ``FoldedSearchMixin`` and names the fields its text is made of; ``save`` stores their
folded text in ``search_text`` (anything else that writes rows, a bulk seeder for instance, calls
``build_search_text``). ``folded_search`` finds the records holding every word of a query, whatever the
diacritics and case: "da nang" finds "Đà Nẵng", đ included. Plain ``LIKE`` on the folded column, so
it works the same on SQLite and PostgreSQL and needs no search backend (Wagtail's search, for the admin,
is another matter: ``core.search_backend``).
"""

import string
from typing import Any, TypeVar

from django.db import models
from django.db.models import Case, QuerySet, Value, When
from django.utils.html import strip_tags
from wagtail.fields import RichTextField

from core.text import fold

MAX_TERMS = 8  # a search is not a free DoS: each word is one more LIKE over the column
# Folded text is ASCII, so ASCII punctuation is all there is to trim: “curly quotes” are '"' by then.
_AROUND_WORDS = string.punctuation

Records = TypeVar("Records", bound=QuerySet[Any])


class FoldedSearchMixin(models.Model):
    """``search_text``: the folded text of the fields named in ``folded_search_fields``, set on every save.

    Rich text fields contribute their text without the markup.
    """

    folded_search_fields: tuple[str, ...] = ()

    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        parts = []
        for name in self.folded_search_fields:
            value = getattr(self, name) or ""
            parts.append(strip_tags(value) if isinstance(self._meta.get_field(name), RichTextField) else value)
        return fold(" ".join(parts))


def folded_query(query: str, limit: int = MAX_TERMS) -> tuple[list[str], str]:
    """(terms, phrase) of a query, both folded as stored text is.

    ``terms``: its distinct words, at most ``limit``, without the punctuation around them (a trailing "?",
    quotes, a comma after a word), inner punctuation kept ("07/bhxh-pc", "1.000123"). ``phrase``: the
    whole query, trimmed of punctuation at its ends only, so an inner comma still matches the text's.
    """
    folded = fold(query)
    terms: list[str] = []
    for word in folded.split(" "):
        word = word.strip(_AROUND_WORDS)
        if word and word not in terms:
            terms.append(word)
    return terms[:limit], folded.strip(_AROUND_WORDS + " ")


def folded_search(queryset: Records, query: str, *, rank_phrase: bool = False) -> Records:
    """The records of ``queryset`` whose ``search_text`` holds every term of ``query`` (a query of no word
    filters nothing).

    ``rank_phrase``: annotate ``phrase_match``, true for the records holding the words together, in order,
    so a caller can list them first ("tiep can thong tin" before a text that merely mentions "tiếp", "cán bộ"
    and "thông tin").
    """
    terms, phrase = folded_query(query)
    for term in terms:
        queryset = queryset.filter(search_text__contains=term)
    if rank_phrase:
        queryset = queryset.annotate(
            phrase_match=Case(
                When(search_text__contains=phrase, then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )
    return queryset
