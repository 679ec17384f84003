"""Background jobs of the legal app (the beat schedule is ``CELERY_BEAT_SCHEDULE`` in the settings)."""

import datetime as dt

from celery import shared_task
from django.db.models import Q
from django.utils import timezone

from core.jobs import claim_span
from core.response_cache.invalidation import page_tags, purge_now

from .models import DraftDocumentPage

CHECKPOINT = "legal.comment-windows"
FIRST_LOOK_BACK = dt.timedelta(days=1)


@shared_task
def purge_comment_windows():
    """Purge the drafts whose comment window opened or closed since the last run; returns how many.

    A draft's page, the drafts list and the comment form change at ``opens_at`` and ``closes_at`` without any
    write. The nodes' cache keeps no answer past that moment (``legal.comment_windows.next_window_change``), but
    a shared cache in front (Varnish) must be told: each change is purged once, by the run whose span
    (``core.jobs.claim_span``) holds it.
    """
    now = timezone.now()
    since = claim_span(CHECKPOINT, now, FIRST_LOOK_BACK)
    if since is None:
        return 0
    changed = DraftDocumentPage.objects.live().filter(
        Q(opens_at__gt=since, opens_at__lte=now) | Q(closes_at__gt=since, closes_at__lte=now)
    )
    found = set()
    drafts = list(changed)
    for draft in drafts:
        found |= page_tags(draft)
    purge_now(found)
    return len(drafts)
