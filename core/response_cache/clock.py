"""How long an answer may be kept before the clock alone changes what it shows.

Some public content changes with time, not with a write: a draft opens or closes for comments, a notice
starts or ends, and by the calendar day a document takes effect. Apps name such moments through the
``next_public_change`` Wagtail hook (a function of ``now`` returning the next future datetime or None).
Every answer, in this cache and in the shared cache in front, is kept at most until the earliest of those
moments and the next local midnight.

Asking every app on every miss would cost their queries each time; the earliest moment is itself kept in
the cache until it comes, and dropped by every purge (a write may add an earlier moment).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from wagtail import hooks

from .store import response_cache

MOMENT_KEY = "clock:next-public-change"
NO_MOMENT = "none"


def next_public_change() -> datetime | None:
    """The earliest future moment named by the apps' ``next_public_change`` hooks, or None."""
    now = timezone.now()
    moments = [moment for hook in hooks.get_hooks("next_public_change") if (moment := hook(now))]
    return min((moment for moment in moments if moment > now), default=None)


def next_midnight(now: datetime) -> datetime:
    local = timezone.localtime(now)
    return (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def known_moment(now: datetime) -> datetime | None:
    store = response_cache()
    recorded = store.get(MOMENT_KEY)
    if recorded is not None:
        moment = None if recorded == NO_MOMENT else datetime.fromisoformat(recorded)
        if moment is None or moment > now:
            return moment
    moment = next_public_change()
    lifetime = int((moment - now).total_seconds()) if moment else settings.RESPONSE_CACHE["TIMEOUT"]
    store.set(MOMENT_KEY, moment.isoformat() if moment else NO_MOMENT, max(lifetime, 1))
    return moment


def forget_moment() -> None:
    response_cache().delete(MOMENT_KEY)


def seconds_to_keep() -> int:
    """Seconds an answer rendered now stays right: to the next public change, midnight, or the timeout."""
    now = timezone.now()
    limits = [next_midnight(now), now + timedelta(seconds=settings.RESPONSE_CACHE["TIMEOUT"])]
    if moment := known_moment(now):
        limits.append(moment)
    return max(int((min(limits) - now).total_seconds()), 0)
