"""What the inboxes ask of records that have a deadline while open (questions, information requests, complaint
cases): which are open, which are late, which fall due by a moment. One definition, so the inbox filters, the
dashboard panel (``core.deadline_panel``), the reminders and the metrics agree on what "late" means.
"""

import datetime as dt
from collections.abc import Collection
from typing import Any, Self

from django.db import models
from django.utils import timezone


class DeadlineQuerySet(models.QuerySet[Any]):
    """A subclass names its ``open_statuses`` and, if its clock can stop, narrows ``running``."""

    open_statuses: Collection[str] = ()

    def open(self) -> Self:
        return self.filter(status__in=self.open_statuses)

    def running(self) -> Self:
        """Open records whose deadline is counting (all of them, unless a subclass can pause its clock)."""
        return self.open()

    def late(self, now: dt.datetime | None = None) -> Self:
        """Running and past the deadline of the current step."""
        return self.running().filter(due_at__lt=now or timezone.now())

    def due_by(self, moment: dt.datetime, now: dt.datetime | None = None) -> Self:
        """Running, not yet late, due at or before ``moment``."""
        return self.running().filter(due_at__gte=now or timezone.now(), due_at__lte=moment)
