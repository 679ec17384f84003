"""A Redis cache that makes the portal slower, never broken, when Redis does not answer.

Django's ``RedisCache`` raises on every operation while Redis is down, so a cache outage would turn every page
and API answer into a 500. ``DegradingRedisCache`` answers as a cache that holds nothing instead: a read is a
miss, a write is dropped (``set_many`` reports its keys as not stored, as Django's API says), and the caller
renders from the database. Three things keep a dead Redis cheap:

- short socket timeouts (``socket_connect_timeout``, ``socket_timeout``), so a blackholed server costs at most
  that per try rather than the operating system's minute;
- a circuit breaker per server shared by every alias and thread of the process: after a failure Redis is not
  asked again for ``RETRY_AFTER`` seconds, every operation meanwhile answering at once as a miss;
- one warning a minute per process (logger ``core.caches``), not one per request.

``incr`` alone raises ``CacheUnavailable``: a counter has no "miss" to act as, and its caller (rate limits,
``core/counters.py``) must count somewhere else.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What a server that is down, unreachable or too slow raises (a refused or reset socket is an OSError too).
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
WARN_EVERY = 60.0
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}
DEFAULT_RETRY_AFTER = 10.0

Result = TypeVar("Result")


class CacheUnavailable(Exception):
    """The cache server did not answer an operation that cannot act as a miss (``incr``)."""


class OncePer:
    """Lets one call through per ``seconds`` and per key, in this process: a warning that would repeat on every
    request while an outage lasts is logged once a minute instead."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def __call__(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            if now - self._last.get(key, -self.seconds) < self.seconds:
                return False
            self._last[key] = now
            return True

    def reset(self) -> None:
        with self._lock:
            self._last.clear()


once_a_minute = OncePer(WARN_EVERY)


class Breaker:
    """Whether a server may be asked now: closed until it fails, then open for ``retry_after`` seconds, after
    which the next operation tries it again (and closes it when it answers)."""

    def __init__(self) -> None:
        self._open_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def is_open(self, server: str) -> bool:
        return time.monotonic() < self._open_until.get(server, 0.0)

    def failed(self, server: str, retry_after: float) -> None:
        with self._lock:
            self._open_until[server] = time.monotonic() + retry_after

    def answered(self, server: str) -> bool:
        """Closes the breaker; True when it had been opened by a failure (the server is back)."""
        with self._lock:
            return self._open_until.pop(server, None) is not None

    def reset(self) -> None:
        with self._lock:
            self._open_until.clear()


breaker = Breaker()


class DegradingRedisCache(RedisCache):
    """``RedisCache`` whose operations act as a miss or a no-op while Redis is unreachable (module docstring)."""

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        options = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        self.retry_after = float(options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        super().__init__(server, {**params, "OPTIONS": options})
        self.server = server if isinstance(server, str) else ",".join(server)

    def available(self) -> bool:
        """True unless a recent failure keeps Redis out of the way (the breaker is open)."""
        return not breaker.is_open(self.server)

    def _guarded(self, operation: Callable[[], Result], fallback: Callable[[], Result]) -> Result:
        if breaker.is_open(self.server):
            return fallback()
        try:
            result = operation()
        except UNREACHABLE as error:
            breaker.failed(self.server, self.retry_after)
            if once_a_minute(f"cache:{self.server}"):
                logger.warning(
                    "Redis at %s unreachable (%s): serving without the cache, next try in %.0f s",
                    self.server,
                    error,
                    self.retry_after,
                )
            return fallback()
        if breaker.answered(self.server):
            logger.warning("Redis at %s answers again", self.server)
        return result

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._guarded(lambda: super(DegradingRedisCache, self).add(key, value, timeout, version), lambda: False)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._guarded(lambda: super(DegradingRedisCache, self).get(key, default, version), lambda: default)

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        self._guarded(lambda: super(DegradingRedisCache, self).set(key, value, timeout, version), lambda: None)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._guarded(lambda: super(DegradingRedisCache, self).touch(key, timeout, version), lambda: False)

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._guarded(lambda: super(DegradingRedisCache, self).delete(key, version), lambda: False)

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return self._guarded(lambda: super(DegradingRedisCache, self).get_many(keys, version), dict)

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._guarded(lambda: super(DegradingRedisCache, self).has_key(key, version), lambda: False)

    def set_many(self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> list[Any]:
        return self._guarded(
            lambda: super(DegradingRedisCache, self).set_many(data, timeout, version), lambda: list(data)
        )

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._guarded(lambda: super(DegradingRedisCache, self).delete_many(keys, version), lambda: None)

    def clear(self) -> None:
        self._guarded(lambda: super(DegradingRedisCache, self).clear(), lambda: None)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        def unavailable() -> int:
            raise CacheUnavailable(self.server)

        return self._guarded(lambda: super(DegradingRedisCache, self).incr(key, delta, version), unavailable)
