"""Counters shared by every worker and node: rate limits and "once per client" checks.

With ``REDIS_URL`` they live in Redis (the "shared" cache: an atomic INCR); otherwise in the database,
one row per counter bumped by a single ``INSERT … ON CONFLICT … RETURNING`` (SQLite ≥ 3.35 and PostgreSQL),
never in one process's memory, so two gunicorn workers cannot each allow the limit; a new counter sweeps
away those whose time is over. Django's database
cache would do the same in a dozen queries per bump; this is one. If Redis does not answer, the database
takes over: slower, never a 500, and said once a minute per process rather than on every submission.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from .caches import UNREACHABLE, CacheUnavailable, once_a_minute
from .models import SharedCounter

log = logging.getLogger(__name__)
_BUMP = (
    "INSERT INTO {table} (name, count, expires_at) VALUES (%s, 1, %s) "
    "ON CONFLICT (name) DO UPDATE SET "
    "count = CASE WHEN {table}.expires_at <= %s THEN 1 ELSE {table}.count + 1 END, "
    "expires_at = CASE WHEN {table}.expires_at <= %s THEN excluded.expires_at ELSE {table}.expires_at END "
    "RETURNING count"
)


def bump(name: str, seconds: int) -> int:
    """Add one to the counter ``name`` (which lapses ``seconds`` after its first bump); its new value."""
    if settings.REDIS_URL:
        try:
            return _bump_in_redis(name, seconds)
        except (CacheUnavailable, *UNREACHABLE) as error:  # Redis down or unreachable: count in the database
            if once_a_minute("counters"):
                log.warning("Redis unreachable (%s): counting rate limits in the database", error)
    return _bump_in_database(name, seconds)


def _bump_in_redis(name: str, seconds: int) -> int:
    shared = caches["shared"]
    shared.add(name, 0, seconds)
    try:
        return shared.incr(name)
    except ValueError:  # lapsed between add and incr
        shared.set(name, 1, seconds)
        return 1


def _bump_in_database(name: str, seconds: int) -> int:
    now = timezone.now()
    table = connection.ops.quote_name(SharedCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(_BUMP.format(table=table), [name, now + timedelta(seconds=seconds), now, now])
        count: int = cursor.fetchone()[0]
        if count == 1:  # a new counter: the moment to drop those whose time is over (one indexed DELETE)
            cursor.execute(f"DELETE FROM {table} WHERE expires_at <= %s", [now])
    return count
