"""Months in which the head of an office has no reception day: the warning the board sees on its dashboard.

Seed 004: the head receives citizens at least one day a month. The check looks at the current month and
the next two, so a board has time to schedule a day before the month starts. It runs three queries
whatever the number of sites (the sites, their heads, the months already scheduled).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from .models import Leader, ReceptionSchedule

MONTHS_AHEAD = 3


def months_from(today, count=MONTHS_AHEAD):
    """The first day of ``today``'s month and of the ``count - 1`` months after it."""
    months, year, month = [], today.year, today.month
    for _index in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass
class MissingReception:
    site: object
    months: list  # first days of the months without a reception day of the head


def missing_head_receptions(sites, today=None):
    """(sites whose head has a month without a reception day, number of sites that declare no head)."""
    months = months_from(today or timezone.localdate())
    sites = list(sites.order_by("-is_default_site", "site_name"))
    with_head = set(
        Leader.objects.filter(is_head=True, unit__site__in=sites).values_list("unit__site_id", flat=True).distinct()
    )
    scheduled = set(
        ReceptionSchedule.objects.filter(
            site__in=sites, leader__is_head=True, date__gte=months[0], date__lt=months_from(months[-1], 2)[1]
        )
        .annotate(year=ExtractYear("date"), month=ExtractMonth("date"))
        .values_list("site_id", "year", "month")
        .distinct()
    )
    missing = [
        MissingReception(site, [m for m in months if (site.pk, m.year, m.month) not in scheduled])
        for site in sites
        if site.pk in with_head
    ]
    return [row for row in missing if row.months], len(sites) - len(with_head)
