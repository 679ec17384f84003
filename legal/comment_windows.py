"""When the next comment window of a live draft opens or closes: public pages change then without any write."""

from django.db.models import Min, Q

from .models import DraftDocumentPage


def next_window_change(now):
    """The earliest opening or closing after ``now`` (the response cache's ``next_public_change`` hook)."""
    moments = DraftDocumentPage.objects.live().aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)), closes=Min("closes_at", filter=Q(closes_at__gt=now))
    )
    return min((moment for moment in moments.values() if moment), default=None)
