"""The keys of what a cached answer shows ("tags"), and how they are collected while the answer is rendered.

Every stored answer carries the tags of what it shows; a committed write purges only the tags of what it
changes (``invalidation``). The vocabulary is small and shared by the apps:

- ``all``: every answer (a write whose reach cannot be told purges it);
- ``site-<id>``: every answer about one site (its host, its home page, its name change);
- ``page-<id>``: one page, wherever it is shown whole (its own URL, its API detail, a share on another site);
- ``children-<tree path>``: the list of a page's children (a section page listing what lies under it);
- ``<list>-<site id>``: one per-site list: ``news``, ``documents``, ``procedures``, ``drafts``, ``qa``,
  ``contacts``, ``notices``, ``pages`` (the whole tree: sitemaps, the v2 pages API);
- ``layout-<site id>``: the parts every page of a site shows (menu, site profile);
- ``links``, ``directory``: the shared links and the directory of sites, shown by every site.

Collection uses a context variable, so nested helpers (a template tag, an API list, a layout fragment served
from its own cache) add their tags without being handed anything; outside a collecting request the calls
are no-ops.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

ALL = "all"
LINKS = "links"
DIRECTORY = "directory"

_collected: ContextVar[set[str] | None] = ContextVar("response_cache_tags", default=None)


def site(site_id: int) -> str:
    return f"site-{site_id}"


def page(page_id: int) -> str:
    return f"page-{page_id}"


def children(tree_path: str) -> str:
    return f"children-{tree_path}"


def listing(name: str, site_id: int) -> str:
    return f"{name}-{site_id}"


def layout(site_id: int) -> str:
    return f"layout-{site_id}"


def shows(*tags: str) -> None:
    """Records that the answer being rendered shows what ``tags`` name."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


@contextmanager
def collecting() -> Iterator[set[str]]:
    """Collects the tags shown while the block runs (nested collections also feed the outer one)."""
    outer = _collected.get()
    collected: set[str] = set()
    token = _collected.set(collected)
    try:
        yield collected
    finally:
        _collected.reset(token)
        if outer is not None:
            outer.update(collected)
