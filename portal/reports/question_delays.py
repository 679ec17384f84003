"""Whether an answered question missed one of its deadlines, rebuilt from the times of its steps.

Once a question is published its ``due_at`` is cleared, so the report recomputes each step's deadline with
``faq.deadlines.step_deadlines``, the function that set ``due_at`` at the time: routing within the site's
``routing_days`` of receipt, the unit's answer within 7 working days of routing (10 if complex, plus
extensions), publication within 2 working days of the answer; days paused extend only the step paused.
"""

from faq.deadlines import DEADLINE_FIELDS, step_deadlines
from faq.models import QaSettings

QUESTION_FIELDS = ("site_id", "published_at", *DEADLINE_FIELDS)
# Each step's deadline (by its name in ``step_deadlines``) and the field of the moment that step ended.
STEP_ENDS = {"routing": "assigned_at", "answer": "answered_at", "publish": "published_at"}


def routing_days_by_site(site_ids):
    """Each site's routing days, the field's default where the site never saved its settings."""
    default = QaSettings._meta.get_field("routing_days").default
    saved = dict(QaSettings.objects.filter(site_id__in=site_ids).values_list("site_id", "routing_days"))
    return {site_id: saved.get(site_id, default) for site_id in site_ids}


def answered_late(row, routing_days):
    """True if any step of this published question (a ``QUESTION_FIELDS`` dict) ended after its deadline."""
    due = step_deadlines(row, routing_days)
    return any(due[step] and row[end] and row[end] > due[step] for step, end in STEP_ENDS.items())
