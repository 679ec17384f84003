"""Helpers of the background jobs: queueing one safely, and the checkpoint of a periodic job.

Queueing a job must not let a broker outage reach the person who caused it. A citizen's submission is stored
in its transaction and its e-mail with it (the outbox); the job that sends the e-mail is queued after the commit.
When the broker cannot be reached the job is not queued: the warning is logged and nothing is raised, because
the stored record is what matters and a beat sweep (which reads the database, not the queue) does the work once
the broker is back. Without a broker (``make run``) Celery runs
the job in-process at once (``CELERY_TASK_ALWAYS_EAGER``).
"""

import logging
from datetime import datetime, timedelta
from typing import Any

from celery import Task
from kombu.exceptions import OperationalError

from .models import JobCheckpoint

logger = logging.getLogger(__name__)


def enqueue(task: Task, *args: Any) -> bool:
    """Queue ``task(*args)``; False (and a warning) when the broker is unreachable."""
    try:
        task.apply_async(args=args)
    except (OperationalError, OSError) as error:
        logger.warning("Broker unreachable, job %s not queued (a periodic sweep will do it): %s", task.name, error)
        return False
    return True


def claim_span(name: str, now: datetime, look_back: timedelta) -> datetime | None:
    """The start of the span (start, ``now``] this run of job ``name`` handles, or None when another run has it.

    The first run looks back ``look_back``. The checkpoint moves to ``now`` only if it still holds what this run
    read (compare and swap), so two runs never handle the same span.
    """
    checkpoint, _created = JobCheckpoint.objects.get_or_create(name=name, defaults={"reached_at": now - look_back})
    since = checkpoint.reached_at
    if since >= now:
        return None
    moved = JobCheckpoint.objects.filter(name=name, reached_at=since).update(reached_at=now)
    return since if moved else None
