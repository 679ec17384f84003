"""The dashboard panel of late and soon-late records, for every inbox that has deadlines (questions, complaints).

Decision for the national centre: one national total plus a row only for the sites that have something late or
due within one working day (one aggregate query, grouped by site), not 35 rows of mostly zeros. A provincial
user sees the same: the total of their site(s), "0" when nothing is due, and their site's row.
"""

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from .working_days import deadline


def due_soon_cutoff(now: dt.datetime) -> dt.datetime:
    """Due "within one working day": by the close of office hours of the next working day after ``now``."""
    return deadline(now, 1)


def deadline_counts(records: QuerySet[Any], now: dt.datetime) -> list[dict[str, Any]]:
    """[{site_id, site_name, late, due_soon}] of ``records`` (open ones, with ``due_at``) due by the cutoff."""
    rows = (
        records.filter(due_at__lte=due_soon_cutoff(now))
        .values("site_id", "site__site_name")
        .annotate(late=Count("pk", filter=Q(due_at__lt=now)), due_soon=Count("pk", filter=Q(due_at__gte=now)))
        .order_by("-late", "-due_soon", "site__site_name")
    )
    return [
        {
            "site_id": row["site_id"],
            "site_name": row["site__site_name"],
            "late": row["late"],
            "due_soon": row["due_soon"],
        }
        for row in rows
    ]


class DeadlinesPanel(Component):
    """The panel: each count a link to the inbox filtered on it. Subclasses name it and give ``counts(user)``."""

    template_name = "core/admin/deadlines_panel.html"
    heading = ""

    def __init__(self, inbox_url_name: str) -> None:
        self.inbox_url_name = inbox_url_name

    def counts(self, user: Any) -> list[dict[str, Any]]:
        raise NotImplementedError

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        inbox = reverse(self.inbox_url_name)
        rows = self.counts(parent_context["request"].user)
        for row in rows:
            row["late_url"] = f"{inbox}?{urlencode({'site': row['site_id'], 'late': 'true'})}"
            row["due_soon_url"] = f"{inbox}?{urlencode({'site': row['site_id'], 'due_soon': 'true'})}"
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "rows": rows,
            "late": sum(row["late"] for row in rows),
            "due_soon": sum(row["due_soon"] for row in rows),
            "late_url": f"{inbox}?late=true",
            "due_soon_url": f"{inbox}?due_soon=true",
        }
