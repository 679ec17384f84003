"""The quarter a report covers, as aware local-time bounds, read from ``?year=&quarter=``.

Every figure is counted on ``start <= moment < end`` in the portal's time zone, so an item published at
23:30 on 31 March belongs to the first quarter as the editors saw it, not to the UTC day.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

FIRST_YEAR = 2017


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def start(self):
        return _local_midnight(self.year, 3 * self.number - 2)

    @property
    def end(self):
        if self.number == 4:
            return _local_midnight(self.year + 1, 1)
        return _local_midnight(self.year, 3 * self.number + 1)

    @property
    def label(self):
        return f"Quý {self.number}/{self.year}"

    def bounds(self, field):
        """Filter keyword arguments selecting ``field`` within the quarter."""
        return {f"{field}__gte": self.start, f"{field}__lt": self.end}


def _local_midnight(year, month):
    return timezone.make_aware(dt.datetime(year, month, 1), timezone.get_default_timezone())


def current_quarter():
    today = timezone.localdate()
    return Quarter(today.year, (today.month - 1) // 3 + 1)


def selected_quarter(params):
    """The quarter asked for, or the current one when a value is missing or out of range."""
    current = current_quarter()
    try:
        year, number = int(params.get("year", current.year)), int(params.get("quarter", current.number))
    except ValueError:
        return current
    if not (FIRST_YEAR <= year <= current.year and 1 <= number <= 4):
        return current
    return Quarter(year, number)
