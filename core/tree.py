"""Parts of the page tree as ranges of tree paths, which the path index answers on every database.

Wagtail's ``child_of`` and ``descendant_of`` filter on ``path LIKE '<path>%'``. SQLite's LIKE ignores case, so
it cannot use the (case-sensitive) unique index on ``path``, and such a query read every page of every site:
at 100,000 pages, listing the 4 drafts of one site cost a 40 ms scan. The pages under a page are exactly
those whose path lies between its own path and the first path after its subtree, a range that SQLite and
PostgreSQL both read from the index, so a list costs what its own site holds. Paths are compared in the
order of treebeard's alphabet, as its ``get_children`` already does.
"""

from typing import NamedTuple

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction


class TreePlace(NamedTuple):
    """Where a page lies in the tree: all the ranges below need, and small enough to keep in a cache."""

    path: str
    depth: int


def path_after(path: str) -> str | None:
    """The first path past ``path`` and everything under it; ``None`` when no path can follow it."""
    alphabet = Page.alphabet
    stem = path.rstrip(alphabet[-1])
    if not stem:
        return None
    return stem[:-1] + alphabet[alphabet.index(stem[-1]) + 1]


def subtree_q(page: Page | TreePlace) -> Q:
    """``page`` and every page under it."""
    after = path_after(page.path)
    return Q(path__gte=page.path, path__lt=after) if after else Q(path__gte=page.path)


def children_q(page: Page | TreePlace) -> Q:
    return subtree_q(page) & Q(depth=page.depth + 1)


def descendants_q(page: Page | TreePlace) -> Q:
    return subtree_q(page) & Q(depth__gt=page.depth)


def published_q() -> Q:
    """Live and outside every private section: Wagtail's ``live().public()`` as one reusable condition.

    ``public()`` reads the view restrictions each time it is called; a view listing documents and drafts
    reads them once with this.
    """
    return Q(live=True) & ~private_q()


def private_q() -> Q:
    """The pages under a view restriction, and the restricted pages themselves: Wagtail's ``private_q``, read as
    paths only (Wagtail builds a whole page object for each restriction, most of a small list's cost) and
    matched as path ranges, which the index answers."""
    places = set(PageViewRestriction.objects.values_list("page__path", "page__depth"))
    restricted = Q()
    for path, depth in sorted(places):
        restricted |= subtree_q(TreePlace(path, depth))
    return restricted if restricted else Q(pk__in=[])  # no private section: the negation matches every page
