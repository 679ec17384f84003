"""Stored answers and the versions of their tags, in the cache every worker and node shares.

A tag's version is the moment it was last purged (with a random suffix, so two purges in one clock tick
differ). An answer is stored with the versions of its tags as they were when it was rendered, and served only
while every one of them is unchanged: purging a tag is one write, however many answers show it, and answers
of other tags stay valid. A version the cache has evicted reads as changed, so eviction can only cause a miss.

An answer rendered while one of its tags was purged may hold the old rows: it is not stored, and the shared
cache in front is told not to keep it either (``stored`` returns False).

While the cache does not answer (``core.caches.DegradingRedisCache``: Redis down), every read is a miss and
every write is dropped. A purge dropped then would let the answers it should have retired be served again when
the cache comes back, so its tags are kept by the process and sent again with its next read or purge.
"""

import hashlib
import secrets
import time
from functools import cache
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.http import HttpResponseBase
from django.utils import timezone

# Clocks of two nodes may disagree by this much: a purge stamped within it of a render's start counts as
# having happened during the render.
CLOCK_SKEW = 1.0


def response_cache() -> BaseCache:
    return caches[settings.RESPONSE_CACHE["ALIAS"]]


@cache
def namespace() -> str:
    """The database the answers come from: two portals sharing one cache never see each other's entries."""
    return hashlib.sha1(str(settings.DATABASES["default"]["NAME"]).encode()).hexdigest()[:8]


def version_key(tag: str) -> str:
    return f"tag:{namespace()}:{tag}"


def new_version() -> str:
    return f"{time.time():.6f}-{secrets.token_hex(3)}"


def stamped_at(version: str) -> float:
    return float(version.partition("-")[0])


# Tags whose purge the cache did not take (it was unreachable), sent again until it does.
_unsent: set[str] = set()


def purge(tags: set[str]) -> None:
    """Makes every stored answer showing one of ``tags`` unreachable (now, or as soon as the cache answers)."""
    tags = tags | _unsent
    if not tags:
        return
    stamped = {version_key(tag): new_version() for tag in tags}
    not_stored = set(response_cache().set_many(stamped, timeout=None))
    _unsent.difference_update(tags)
    _unsent.update(tag for tag in tags if version_key(tag) in not_stored)


def versions(tags: set[str]) -> dict[str, str]:
    """The current version of each tag; tags never purged (or evicted) get one now."""
    store = response_cache()
    found = store.get_many([version_key(tag) for tag in tags])
    current = {tag: found[version_key(tag)] for tag in tags if version_key(tag) in found}
    missing = {tag: "0-" + secrets.token_hex(3) for tag in tags if tag not in current}
    if missing:
        store.set_many({version_key(tag): version for tag, version in missing.items()}, timeout=None)
    return current | missing


def get(key: str) -> tuple[HttpResponseBase, float] | None:
    """The stored answer and when it expires, if every tag it shows still has the version it was stored with."""
    if _unsent:
        purge(set())
    entry: Any = response_cache().get(key)
    if entry is None:
        return None
    stored_versions, response, expires_at = entry
    if expires_at <= timezone.now().timestamp():
        return None  # the clock changed what it shows (the cache's own timeout counts real time only)
    return (response, expires_at) if unchanged(stored_versions) else None


def put(key: str, response: HttpResponseBase, tags: set[str], started: float, timeout: int) -> bool:
    """Stores the answer unless one of its tags was purged since ``started``; True when stored."""
    current = versions_since(tags, started)
    if current is None:
        return False
    response_cache().set(key, (current, response, timezone.now().timestamp() + timeout), timeout)
    return True


def unchanged(stored_versions: dict[str, str]) -> bool:
    """True while every tag still has the version something was stored with (one read of the shared cache)."""
    found = response_cache().get_many([version_key(tag) for tag in stored_versions])
    return all(found.get(version_key(tag)) == version for tag, version in stored_versions.items())


def versions_since(tags: set[str], started: float) -> dict[str, str] | None:
    """The versions to store something with, or None when one of its tags was purged since ``started``:
    what was read from the database then may be the old rows."""
    current = versions(tags)
    if any(stamped_at(version) >= started - CLOCK_SKEW for version in current.values()):
        return None
    return current
