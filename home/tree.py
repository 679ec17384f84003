"""Parts of the page tree as ranges of tree paths, which the path index answers on every database.

Wagtail's ``descendant_of`` and ``child_of`` filter with ``path LIKE 'prefix%'``: SQLite's LIKE ignores
case, so it never uses the index, and at 100,000 pages every such filter read the whole page table. A
subtree is also a range: every path below a page is its path followed by steps of ``[0-9A-Z]``, so it
sorts after that path and no later than the same path padded with ``Z`` to the column's length.
"""
from django.db.models import Q
from wagtail.models import Page

PATH_LENGTH = Page._meta.get_field("path").max_length


def subtree(page):
    """The pages below ``page`` (not the page itself)."""
    return Q(path__gt=page.path, path__lte=page.path.ljust(PATH_LENGTH, "Z"))


def children(page):
    """The pages directly below ``page``."""
    return subtree(page) & Q(depth=page.depth + 1)
