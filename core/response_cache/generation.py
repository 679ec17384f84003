"""The generation token every cached answer is keyed by, and when it lapses on its own.

Deleting keys one by one would need to know which URLs show a given record (a news article appears on its
page, its index, the home page, the RSS feed, the API, and on every site it is shared with); a new token
instead makes every stored answer unreachable at once, and the cache's own eviction reclaims the memory.

Where the token lives must be shared by every process that serves requests: with Redis (``REDIS_URL``) it
is a key in Redis; with Django's local-memory cache, which each gunicorn worker holds on its own, it is a
small file (``RESPONSE_CACHE_STAMP``) that every worker reads, so a change made through one worker is seen by
the others on their next request.

Some public content changes with the clock, not with a write: a draft opens or closes for comments at a set
moment. Apps name such moments through the ``next_public_change`` Wagtail hook (a function returning the next
future datetime or None); the token records the earliest and lapses there. Changes by the calendar day
(a document taking effect) are covered by the day being part of every key.
"""

import os
import secrets
import tempfile
from datetime import datetime

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone
from wagtail import hooks

TOKEN_KEY = "response-cache:generation"


def response_cache() -> BaseCache:
    return caches[settings.RESPONSE_CACHE["ALIAS"]]


def is_process_local() -> bool:
    """True when each worker process holds its own cache, so the token must live outside it."""
    return isinstance(response_cache(), LocMemCache)


def next_public_change() -> datetime | None:
    """The earliest future moment named by the apps' ``next_public_change`` hooks, or None."""
    now = timezone.now()
    moments = [moment for hook in hooks.get_hooks("next_public_change") if (moment := hook(now))]
    return min((moment for moment in moments if moment > now), default=None)


def encode(token: str, lapses_at: datetime | None) -> str:
    return f"{token} {lapses_at.timestamp() if lapses_at else ''}"


def decode(text: str) -> tuple[str, datetime | None]:
    token, _, lapses = text.partition(" ")
    return token, (datetime.fromtimestamp(float(lapses), tz=timezone.get_current_timezone()) if lapses else None)


def write(text: str) -> None:
    if not is_process_local():
        response_cache().set(TOKEN_KEY, text, timeout=None)
        return
    stamp = settings.RESPONSE_CACHE["STAMP"]
    stamp.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=stamp.parent, prefix=".stamp-")
    with os.fdopen(handle, "w") as file:
        file.write(text)
    os.replace(temporary, stamp)  # atomic: a reader sees the old token or the new one, never half of one


def read() -> str | None:
    """The recorded token; with local memory, read from the stamp file on every request.

    A cheaper stat-and-compare is not safe: the file system may give a new stamp the inode number of one
    deleted a moment earlier, within the same timestamp tick, and an old token would look current.
    """
    if not is_process_local():
        return response_cache().get(TOKEN_KEY)
    try:
        return settings.RESPONSE_CACHE["STAMP"].read_text() or None
    except FileNotFoundError:
        return None


def invalidate() -> None:
    """Forget the token: every stored answer becomes unreachable, and the next request draws a new one.

    Drawing it here would ask the apps for their next moment in the middle of a write (or of a migration,
    before their tables exist); the next request asks instead.
    """
    if not is_process_local():
        response_cache().delete(TOKEN_KEY)
        return
    settings.RESPONSE_CACHE["STAMP"].unlink(missing_ok=True)


def renew() -> str:
    """Draw a new token and note when it lapses by the clock."""
    text = encode(secrets.token_hex(8), next_public_change())
    write(text)
    return decode(text)[0]


def current() -> str:
    """The token to key answers by now: a new one when there is none or the recorded moment has come."""
    text = read()
    if text is None:
        return renew()
    token, lapses_at = decode(text)
    if lapses_at is not None and timezone.now() >= lapses_at:
        return renew()
    return token
