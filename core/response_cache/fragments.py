"""Parts shared by many answers (the menu, header, notices and footer of a site), built once and reused until
what they show changes.

Every page of a site shows the same layout: the directory of 35 sites, the shared links, the site's profile,
its menu sections and notices. An answer the response cache cannot serve (a page never asked for, one just
purged, a search) would otherwise pay the layout's queries and its rendering again. A fragment is kept in
the same store as the answers and exactly like them (``store``): with the versions its tags had when it was
built, served only while every one of them is unchanged, not kept when one of them was purged while it was
built, and never past the next moment the clock changes what it shows (a notice starting or ending).

Served from the store or built, a fragment adds its tags to the answer being rendered, so the answer is
purged (here and in the shared cache in front) whenever the fragment is.

Switched by ``RESPONSE_CACHE["FRAGMENTS"]`` apart from the answers' ``ENABLED``: a node serving every answer
fresh (``RESPONSE_CACHE=0``) still shares its layout, and the test suite, whose writes never commit and so never
purge, builds it each time.
"""

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings

from . import clock, store, tags

Value = TypeVar("Value")


def enabled() -> bool:
    return bool(settings.RESPONSE_CACHE["FRAGMENTS"])


def key(name: str) -> str:
    return f"fragment:{store.namespace()}:{name}"


def fragment(name: str, build: Callable[[], Value], keep: Callable[[Value], bool] = lambda value: True) -> Value:
    """The fragment stored as ``name`` while the tags it shows are unchanged, else what ``build()`` returns now.

    ``build`` names what it shows with ``tags.shows`` as an answer does; ``all`` is added, as to every answer, so
    a write whose reach cannot be told drops fragments too. The value must pickle (the store may be Redis or
    files shared by the workers); each use gets its own copy. A value ``keep`` refuses is not stored.
    """
    if not enabled():
        return build()
    entry: Any = store.response_cache().get(key(name))
    if entry is not None:
        stored_versions, value = entry
        if store.unchanged(stored_versions):
            tags.shows(*stored_versions)
            return value
    started = time.time()
    with tags.collecting() as shown:
        value = build()
        tags.shows(tags.ALL)
    if not keep(value):
        return value
    seconds = clock.seconds_to_keep()
    current = store.versions_since(shown, started) if seconds > 0 else None
    if current is not None:
        store.response_cache().set(key(name), (current, value), seconds)
    return value
