"""Vietnamese working days, the clock of every deadline the portal enforces.

A working day is Monday to Friday, except public holidays (the `holidays` package, country VN: Tết,
Hùng Kings, 30/4, 1/5, 2/9 and its adjacent day, substitute days, 24/11 from 2026), plus the Saturdays the
Government makes working days in exchange, then corrected by the admin table ``CalendarAdjustment``
(the swaps the package does not know, each a pair: Friday 02/01/2026 off and Saturday 10/01/2026 worked,
Công văn 12729/VPCP-KGVX ngày 25/12/2025).

Counting rule (as Bộ luật Dân sự art. 147: a time limit starts the day after the event):
- a submission received on a working day during office hours is received that day;
- one received after office hours or on a day off is taken as received on the next working day (one
  received before opening on a working day counts from that same day: the office has not yet worked);
- "within N working days" ends at the close of office hours on the N-th working day after that day.
So a question received on Sunday evening counts from Monday, and its 2-day deadline is Wednesday 16:30.
"""

import datetime as dt
from functools import lru_cache

import holidays
from django.core.cache import cache
from django.utils import timezone

from core.caches import CacheUnavailable

OFFICE_OPENS = dt.time(7, 30)
OFFICE_CLOSES = dt.time(16, 30)
_VERSION_KEY = "working-days:adjustments-version"


@lru_cache(maxsize=64)
def _public_calendar(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(holidays, make-up working days) of one year from the `holidays` package."""
    vn = holidays.country_holidays("VN", years=year)
    return frozenset(vn.keys()), frozenset(getattr(vn, "weekend_workdays", ()))


def _adjustments() -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """(days off, working days) from the admin table, cached until an adjustment is saved."""
    version = cache.get_or_set(_VERSION_KEY, 1, None)
    key = f"working-days:adjustments:{version}"
    cached = cache.get(key)
    if cached is None:
        from core.models import CalendarAdjustment

        rows = list(CalendarAdjustment.objects.values_list("date", "kind"))
        cached = (
            frozenset(day for day, kind in rows if kind == CalendarAdjustment.Kind.DAY_OFF),
            frozenset(day for day, kind in rows if kind == CalendarAdjustment.Kind.WORKING_DAY),
        )
        # An hour at most: a change made while the cache was unreachable (its version not bumped) shows within it.
        cache.set(key, cached, 3600)
    return cached


def adjustments_changed() -> None:
    """Forget the cached adjustments (called when the table changes)."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, None)
    except CacheUnavailable:
        pass  # nothing is served from the cache while it is down; the hour's limit covers its return


def is_working_day(day: dt.date) -> bool:
    days_off, extra_working = _adjustments()
    if day in days_off:
        return False
    if day in extra_working:
        return True
    public_holidays, makeup_days = _public_calendar(day.year)
    if day in makeup_days:
        return True
    return day.weekday() < 5 and day not in public_holidays


def next_working_day(day: dt.date) -> dt.date:
    """The first working day strictly after ``day``."""
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``day`` (``day`` itself is not counted)."""
    for _ in range(count):
        day = next_working_day(day)
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (dates); 0 if ``end`` is not later."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day)
    return count


def local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment, timezone.get_default_timezone())


def in_office_hours(moment: dt.datetime) -> bool:
    moment = local(moment)
    return is_working_day(moment.date()) and OFFICE_OPENS <= moment.time() < OFFICE_CLOSES


def receipt_day(moment: dt.datetime) -> dt.date:
    """The working day a submission received at ``moment`` counts from (see the module's rule)."""
    moment = local(moment)
    day = moment.date()
    if is_working_day(day) and moment.time() < OFFICE_CLOSES:
        return day
    return next_working_day(day)


def close_of(day: dt.date) -> dt.datetime:
    """The end of office hours on ``day``, as an aware datetime in the portal's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, OFFICE_CLOSES), timezone.get_default_timezone())


def deadline(moment: dt.datetime, working_days: int) -> dt.datetime:
    """When "within ``working_days`` working days" of ``moment`` runs out."""
    return close_of(add_working_days(receipt_day(moment), working_days))


def calendar_deadline(moment: dt.datetime, days: int) -> dt.datetime:
    """When "within ``days`` days" (calendar days, where a law says "ngày" and not "ngày làm việc") of
    ``moment`` runs out: the close of office hours of the ``days``-th day after the day of ``moment``, or of the
    next working day when that day is not one (Bộ luật Dân sự 2015, art. 147: a period starts the day after
    the event; art. 148.5: one whose last day is a day off ends on the next working day)."""
    last = local(moment).date() + dt.timedelta(days=days)
    return close_of(last if is_working_day(last) else next_working_day(last))


def working_days_left(due: dt.datetime, now: dt.datetime | None = None) -> int:
    """Working days from today until ``due`` (negative once late), for "due soon" and "late" filters."""
    now = local(now or timezone.now())
    due = local(due)
    if due <= now:
        return -working_days_between(due.date(), now.date())
    return working_days_between(now.date(), due.date())
