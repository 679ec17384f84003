"""What the admin shows of the records that carry a tracking code and a deadline (questions, requests for
information, complaint cases), the same way in their listings, their pages and their exports:

- late: a red flag with the number of working days late (``core.working_days``) on a record past its deadline,
  and nothing on any other (a "✗" for "not late" reads as an error, and an on-time record needs no mark);
- codes: as citizens have them, ``ABCDE-FGHJK`` (the model's ``get_tracking_code_display``, which Wagtail's
  columns and inspect views read for the field), and found by a search typed in either form;
- order: by deadline, the earliest due first; records without one (closed) after them, the newest first;
- times: in the portal's time zone (Asia/Ho_Chi_Minh, +07:00), as "16:30 04/12/2026", whatever the reader's
  profile or the server says, in the cells, the pages and the exports;
- nothing: an empty cell, or "—" in a page, never "None".
"""

import datetime as dt
from typing import Any

from django.db.models import F, Q, QuerySet
from wagtail.admin.ui.tables import Column
from wagtail.coreutils import multigetattr

from .ids import normalise_code
from .spreadsheets import SnippetIndexView
from .working_days import local, working_days_left

TIME_FORMAT = "%H:%M %d/%m/%Y"
EMPTY = "—"


def local_text(moment: dt.datetime | None) -> str:
    """``moment`` as staff read it, in the portal's time zone; "" for none."""
    return local(moment).strftime(TIME_FORMAT) if moment else ""


def working_days_late(record: Any, now: dt.datetime | None = None) -> int | None:
    """How many working days ``record`` is past its deadline (0 on the day it fell due), or None if it is not late
    (on time, closed, or paused: ``record.is_late`` decides, as the inbox filters do)."""
    if not record.is_late(now):
        return None
    return -working_days_left(record.due_at, now)


def late_label(days: int | None) -> str:
    """The flag's words: "Trễ 3 ngày làm việc"; a record late since the close of today's office hours is late by
    less than a working day; "" when not late."""
    if days is None:
        return ""
    if days == 0:
        return "Trễ dưới 1 ngày làm việc"
    return f"Trễ {days} ngày làm việc"


class LateColumn(Column):
    """The red flag of a late record, with its working days late; an empty cell for any other."""

    cell_template_name = "core/admin/late_cell.html"

    def __init__(self, name: str = "late", **kwargs: Any) -> None:
        super().__init__(name, label="Trễ hạn", **kwargs)

    def get_value(self, instance: Any) -> str:
        return late_label(working_days_late(instance))


class LocalTimeColumn(Column):
    """A date and time in the portal's time zone ("16:30 04/12/2026"); an empty cell when there is none."""

    def get_value(self, instance: Any) -> str:
        return local_text(multigetattr(instance, self.accessor))


def local_naive(moment: dt.datetime) -> dt.datetime:
    """For XLSX, which holds no time zone: the local time a reader expects, not UTC."""
    return local(moment).replace(tzinfo=None) if moment.tzinfo else moment


class TrackedRecordIndexView(SnippetIndexView):
    """The listing of records with a code: a search that finds ``ABCDE-FGHJK`` and ``abcdefghjk`` alike, exports
    with the shown code and choices and local times."""

    custom_value_preprocess = {
        **SnippetIndexView.custom_value_preprocess,
        dt.datetime: {SnippetIndexView.FORMAT_XLSX: local_naive, SnippetIndexView.FORMAT_CSV: local_text},
    }

    def search_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """Each search field contains the words as typed, or the code as stored (``abcde-fghjk`` → ``ABCDEFGHJK``)."""
        if not self.is_searching:
            return queryset
        fields = self.search_fields or []
        query = Q()
        for field in fields:
            query |= Q(**{f"{field}__icontains": self.search_query})
        code = normalise_code(self.search_query)
        if code and "tracking_code" in fields:
            query |= Q(tracking_code__icontains=code)
        return queryset.filter(query)

    def to_row_dict(self, item: Any) -> dict[str, Any]:
        """Each exported field as the listing shows it: the model's ``get_<field>_display`` when it has one (a
        choice's label, the hyphenated code), otherwise its value."""
        row = {}
        for field in self.list_export:
            shown = getattr(item, f"get_{field}_display", None)
            row[field] = shown() if callable(shown) else multigetattr(item, field)
        return row


class DeadlineRecordIndexView(TrackedRecordIndexView):
    """The inbox of records with a deadline (``due_at``): sorted by it unless the reader sorts otherwise."""

    default_ordering = "due_at"

    def order_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """By deadline with the records that have none (closed ones) last on every database (SQLite puts NULL
        first, PostgreSQL last), then the newest first, so pages do not shuffle."""
        if self.ordering == "due_at":
            return queryset.order_by(F("due_at").asc(nulls_last=True), "-pk")
        if self.ordering == "-due_at":
            return queryset.order_by(F("due_at").desc(nulls_last=True), "-pk")
        return super().order_queryset(queryset)
