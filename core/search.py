"""The portal's one public search: records and queries folded and split into syllables, matched whole.

Every public search (documents, drafts, procedures, news, questions and answers; HTML and API) calls
``folded_search``. A model takes ``FoldedSearchMixin`` and names the fields its text is made of; ``save``
stores them in ``search_text`` (and the fields that name the record, its title, in ``search_title``) as
folded syllables between spaces: " the bao hiem y te 07 bhxh pc ". Anything else that writes rows (a bulk
seeder, a data migration) calls ``update_search_text`` or ``rebuild_search_columns``.

How a query matches (``parse_query``):

- Text and query are folded (``core.text.fold``: no diacritics or case, đ is d, NFD as NFC) and cut into
  syllables; punctuation around them (“curly quotes”, "?", commas, parentheses, dashes) is not part of
  any syllable. A record must hold every syllable of the query as a whole syllable: "thẻ" finds "thẻ", not
  "theo"; "hoà" finds "hòa", not "hoặc".
- A word written with inner punctuation, a code or a number ("07/BHXH-PC", "1582/QĐ-BHXH"), is its
  syllables in a row: " 07 bhxh pc ". A number keeps its inner "." and "," ("1.000123", "2.000.000",
  "1,5") as one syllable, so "1.000" does not find "1.000.000".
- A phrase in double quotes (straight or curly) must appear as consecutive syllables.
- Syllables typed next to each other must stand near each other in the text: at most ``NEAR`` other
  syllables between them, in either order. Vietnamese writes a word as several syllables and nothing marks
  where a word ends, so this is what keeps "da nang" for Đà Nẵng rather than a text that says "đã" in one
  sentence and "năng lực" in another, while "DONG tu nguyen" still finds "đóng bảo hiểm xã hội tự nguyện"
  and "da nang tro cap" "trợ cấp ở Đà Nẵng". Punctuation and quotes end such a run: "Đà Nẵng, Hà Nội"
  asks for both names anywhere in the text.

Matches come best first: those whose title holds every term, then those holding the whole query as a
phrase, then in the order the queryset already had (newest first, by title…).

Only ``LIKE`` (``contains``) and a plain regular expression over ASCII text, so SQLite and PostgreSQL
return the same records; on PostgreSQL a trigram index (``create_trigram_index``) serves both. Wagtail's
own search, for the admin, is another matter: ``core.search_backend``.
"""

import html
import re
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models
from django.db.models import Case, Q, QuerySet, Value, When
from django.utils.html import strip_tags
from wagtail.fields import RichTextField

from core.text import fold

MAX_TERMS = 8  # a search is not a free DoS: each term is one more LIKE over the column
MAX_QUERY_CHARS = 500  # callers cap their field at 200; this bounds whatever reaches here
NEAR = 4  # syllables allowed between two typed next to each other: "đóng [bảo hiểm xã hội] tự nguyện"
# A syllable of folded text: a number with its inner separators ("1.000123"), or letters and digits.
SYLLABLE = re.compile(r"\d+(?:[.,]\d+)+|[a-z0-9]+")

Records = TypeVar("Records", bound=QuerySet[Any])
Term = tuple[str, ...]  # syllables that must stand in a row


def syllables(text: str) -> list[str]:
    return SYLLABLE.findall(fold(text))


def indexed(text: str) -> str:
    """The stored form: folded syllables, each between spaces, so " syllable " matches a whole one."""
    found = syllables(text)
    return f" {' '.join(found)} " if found else ""


def html_text(value: str) -> str:
    """Rich text without its markup; a tag separates words ("</p><p>"), entities are read ("&nbsp;")."""
    return html.unescape(strip_tags(value.replace("<", " <")))


def search_columns(record: Any, search_fields: tuple[str, ...], title_fields: tuple[str, ...]) -> tuple[str, str]:
    """(``search_text``, ``search_title``) of ``record``; also works on a migration's historical model."""

    def text_of(name: str) -> str:
        value = getattr(record, name) or ""
        return html_text(value) if isinstance(record._meta.get_field(name), RichTextField) else value

    return indexed(" ".join(map(text_of, search_fields))), indexed(" ".join(map(text_of, title_fields)))


class FoldedSearchMixin(models.Model):
    """``search_text`` and ``search_title``: the syllables of the fields named in ``folded_search_fields``
    and ``folded_title_fields`` (what names the record in a list), set on every save.

    Rich text fields contribute their text without the markup.
    """

    folded_search_fields: tuple[str, ...] = ()
    folded_title_fields: tuple[str, ...] = ("title",)

    search_text = models.TextField(editable=False, blank=True)
    search_title = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.update_search_text()
        super().save(*args, **kwargs)

    def update_search_text(self) -> None:
        self.search_text, self.search_title = search_columns(self, self.folded_search_fields, self.folded_title_fields)


def rebuild_search_columns(model: Any, search_fields: tuple[str, ...], title_fields: tuple[str, ...]) -> None:
    """Recompute both columns of every row, in batches by primary key (for data migrations)."""
    last = None
    while True:
        rows = model._base_manager.order_by("pk")
        batch = list((rows.filter(pk__gt=last) if last is not None else rows)[:500])
        if not batch:
            return
        for record in batch:
            record.search_text, record.search_title = search_columns(record, search_fields, title_fields)
        model._base_manager.bulk_update(batch, ["search_text", "search_title"])
        last = batch[-1].pk


def create_trigram_index(schema_editor: Any, model: Any) -> None:
    """On PostgreSQL, a GIN trigram index on ``search_text``: it serves ``LIKE '% syllable %'`` and the
    regular expressions of ``folded_search``. Nothing on SQLite. ``pg_trgm`` is a trusted extension
    (PostgreSQL 13+): the database owner may create it."""
    if schema_editor.connection.vendor != "postgresql":
        return
    table = model._meta.db_table
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{table}_search_trgm" ON "{table}" USING gin ("search_text" gin_trgm_ops)'
    )


def drop_trigram_index(schema_editor: Any, model: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{model._meta.db_table}_search_trgm"')


@dataclass(frozen=True)
class SearchQuery:
    """``terms``: what a record must hold, each a run of consecutive syllables (a syllable, a code, a quoted
    phrase), at most ``MAX_TERMS``. ``pairs``: terms typed next to each other, to be found near each other.
    ``phrase``: every syllable of the query in order, to rank records holding it all together first."""

    terms: tuple[Term, ...]
    pairs: tuple[tuple[Term, Term], ...]
    phrase: Term


def parse_query(query: str) -> SearchQuery:
    """The terms of a query (see the module's docstring). An unmatched quote is ignored; a query of no
    syllable (only punctuation, control characters) has no term."""
    if len(query) > MAX_QUERY_CHARS:
        query = query[:MAX_QUERY_CHARS]
        query = query.rpartition(" ")[0] or query  # without the word cut in two
    folded = fold(query)
    segments = folded.split('"')
    if len(segments) % 2 == 0:
        segments[-2:] = [f"{segments[-2]} {segments[-1]}"]
    runs: list[list[Term]] = []
    for index, segment in enumerate(segments):
        if index % 2:
            runs.append([tuple(SYLLABLE.findall(segment))])
            runs.append([])
            continue
        runs.append([])
        for chunk in segment.split():
            found = list(SYLLABLE.finditer(chunk))
            if not found or found[0].start() > 0:
                runs.append([])
            if found:
                runs[-1].append(tuple(match.group() for match in found))
                if found[-1].end() < len(chunk):
                    runs.append([])
    terms: list[Term] = []
    for run in runs:
        for term in run:
            if term and term not in terms and len(terms) < MAX_TERMS:
                terms.append(term)
    pairs = []
    for run in runs:
        for first, second in zip(run, run[1:], strict=False):
            if first != second and first in terms and second in terms and (first, second) not in pairs:
                pairs.append((first, second))
    return SearchQuery(tuple(terms), tuple(pairs), tuple(SYLLABLE.findall(folded)))


def spaced(term: Term) -> str:
    return f" {' '.join(term)} "


def near(first: Term, second: Term) -> str:
    """A regular expression, the same for SQLite (Python's ``re``) and PostgreSQL: the two terms at most
    ``NEAR`` syllables apart, in either order."""
    one, other = (re.escape(" ".join(term)) for term in (first, second))
    gap = f"( [^ ]+){{0,{NEAR}}}"
    return f" ({one}{gap} {other}|{other}{gap} {one}) "


def folded_search(queryset: Records, query: str) -> Records:
    """The records of ``queryset`` matching ``query``, best first (a query of no syllable filters nothing).

    Annotates ``search_rank``: 2 when the title holds every term, plus 1 when the text holds the whole query
    as a phrase; the queryset's own ordering follows it.
    """
    parsed = parse_query(query)
    if not parsed.terms:
        return queryset
    in_title = Q()
    for term in parsed.terms:
        queryset = queryset.filter(search_text__contains=spaced(term))
        in_title &= Q(search_title__contains=spaced(term))
    for first, second in parsed.pairs:
        queryset = queryset.filter(search_text__regex=near(first, second))
    rank: Any = Case(When(in_title, then=Value(2)), default=Value(0))
    if len(parsed.terms) > 1:
        rank += Case(When(search_text__contains=spaced(parsed.phrase), then=Value(1)), default=Value(0))
    ordering = queryset.query.order_by or (queryset.model._meta.ordering if queryset.query.default_ordering else ())
    return queryset.annotate(search_rank=rank).order_by("-search_rank", *ordering)
