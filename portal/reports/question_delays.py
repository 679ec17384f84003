"""Whether an answered question missed one of its deadlines, rebuilt from the times of its steps.

Once a question is published its ``due_at`` is cleared, so the report recomputes each step's deadline as
``faq.transitions.step_deadline`` set it at the time: routing within the site's ``routing_days`` of
receipt, the unit's answer within 7 working days of routing (10 if complex, plus extensions), publication
within 2 working days of the answer; the working days spent paused are added to each step.
"""

from core.working_days import deadline
from faq.models import QaSettings
from faq.models.questions import ANSWER_DAYS, COMPLEX_ANSWER_DAYS, PUBLISH_DAYS

QUESTION_FIELDS = (
    "site_id",
    "received_at",
    "assigned_at",
    "answered_at",
    "published_at",
    "is_complex",
    "extension_days",
    "paused_days",
)


def routing_days_by_site(site_ids):
    """Each site's routing days, the field's default where the site never saved its settings."""
    default = QaSettings._meta.get_field("routing_days").default
    saved = dict(QaSettings.objects.filter(site_id__in=site_ids).values_list("site_id", "routing_days"))
    return {site_id: saved.get(site_id, default) for site_id in site_ids}


def answered_late(row, routing_days):
    """True if any step of this published question (a ``QUESTION_FIELDS`` dict) ended after its deadline."""
    answer_days = (COMPLEX_ANSWER_DAYS if row["is_complex"] else ANSWER_DAYS) + row["extension_days"]
    steps = (
        (row["received_at"], routing_days, row["assigned_at"]),
        (row["assigned_at"], answer_days, row["answered_at"]),
        (row["answered_at"], PUBLISH_DAYS, row["published_at"]),
    )
    return any(start and end and end > deadline(start, days + row["paused_days"]) for start, days, end in steps)
