"""One search of one site: how many records of each kind match, and a page of hits of one kind or of all.

The same answer for the HTML page and the API. Every kind is counted (one query each), and a page of hits
costs one query per kind it draws from, plus one for the places of the site's sections: the number of
queries depends on the kinds shown, never on how many records the site holds.

Across all kinds, hits come kind after kind in the order of ``KINDS`` (news first), each kind in its own order
(title matches first, then the section's order): ranks of different kinds do not compare, and a reader scans
the groups the page shows in that order.
"""

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db.models import QuerySet
from wagtail.models import Site

from core.search import parse_query

from .kinds import KINDS, Hit, Kind, Places

MAX_QUERY_LENGTH = 200  # as every search box of the portal


def is_searchable(query: str) -> bool:
    """A query with at least one syllable (letters or digits): one of only punctuation would match everything."""
    return bool(parse_query(query).terms)


@dataclass
class SiteSearch:
    site: Site
    query: str

    @cached_property
    def matches(self) -> dict[Kind, QuerySet[Any]]:
        """Each kind's matching records, built once: counting and slicing reuse the lists' own lookups."""
        return {kind: kind.matches(self.places, self.query) for kind in KINDS}

    @cached_property
    def counts(self) -> dict[Kind, int]:
        return {kind: matches.count() for kind, matches in self.matches.items()}

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @cached_property
    def places(self) -> Places:
        return Places(self.site)

    def hits(self, kind: Kind, start: int, stop: int) -> list[Hit]:
        """Hits ``start`` to ``stop`` (excluded) of one kind; none is read when the kind has no match."""
        if start >= min(stop, self.counts[kind]):
            return []
        return [kind.present(kind, record, self.places) for record in self.matches[kind][start:stop]]

    def hits_of_all(self, start: int, stop: int) -> list[Hit]:
        """Hits ``start`` to ``stop`` of every kind, kind after kind."""
        found: list[Hit] = []
        offset = 0
        for kind, count in self.counts.items():
            if start < offset + count and stop > offset:
                found += self.hits(kind, max(start - offset, 0), min(stop - offset, count))
            offset += count
        return found
