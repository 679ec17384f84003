"""The dashboard panel: late and soon-late questions of the user's sites, in one aggregate query.

Decision for the national centre: one national total plus a row only for the sites that have something
late or due within one working day (the same query, grouped by site), not 35 rows of mostly zeros. A
provincial user sees the same: the total of their site(s), "0" when nothing is due, and their site's row.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from ..models import Question
from .filters import due_soon_cutoff


def deadline_counts(user, now=None):
    """[{site_id, site_name, late, due_soon}] for the user's sites with anything to show, in one query."""
    now = now or timezone.now()
    sites = policy_registry.get_by_type(Question).handled_sites(user)
    rows = (
        Question.objects.open()
        .filter(site__in=sites, paused_at__isnull=True, due_at__lte=due_soon_cutoff(now))
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


class QuestionDeadlinesPanel(Component):
    name = "question_deadlines"
    template_name = "faq/admin/deadlines_panel.html"
    order = 50

    def __init__(self, inbox_url_name):
        self.inbox_url_name = inbox_url_name

    def get_context_data(self, parent_context):
        inbox = reverse(self.inbox_url_name)
        rows = deadline_counts(parent_context["request"].user)
        for row in rows:
            row["late_url"] = f"{inbox}?{urlencode({'site': row['site_id'], 'late': 'true'})}"
            row["due_soon_url"] = f"{inbox}?{urlencode({'site': row['site_id'], 'due_soon': 'true'})}"
        return {
            "rows": rows,
            "late": sum(row["late"] for row in rows),
            "due_soon": sum(row["due_soon"] for row in rows),
            "late_url": f"{inbox}?late=true",
            "due_soon_url": f"{inbox}?due_soon=true",
        }
