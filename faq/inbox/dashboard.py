"""The dashboard panel of late and soon-late questions of the user's sites (``core.deadline_panel``).

A paused question waits for the asker, so it is neither late nor due.
"""

from django.utils import timezone
from wagtail.permissions import policy_registry

from core.deadline_panel import DeadlinesPanel
from core.deadline_panel import deadline_counts as counts_of

from ..models import Question


def deadline_counts(user, now=None):
    """[{site_id, site_name, late, due_soon}] for the user's sites with anything to show, in one query."""
    sites = policy_registry.get_by_type(Question).handled_sites(user)
    return counts_of(Question.objects.running().filter(site__in=sites), now or timezone.now())


class QuestionDeadlinesPanel(DeadlinesPanel):
    name = "question_deadlines"
    heading = "Câu hỏi trễ hạn và sắp đến hạn"
    order = 50

    def counts(self, user):
        return deadline_counts(user)
