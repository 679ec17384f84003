"""Moments in the portal's time zone, written as a Vietnamese reader gives them (day, month, year, hour)."""

import datetime as dt

from django.utils import timezone


def at(year, month, day, hour=10, minute=0):
    """``year-month-day hour:minute`` in Asia/Ho_Chi_Minh, as an aware datetime."""
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute), timezone.get_default_timezone())
