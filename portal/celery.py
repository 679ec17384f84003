"""The Celery application of the portal: tasks in each app's ``tasks.py``, settings under ``CELERY_`` (base.py).

Started by ``celery -A portal worker`` and ``celery -A portal beat`` (README "Jobs"). Every finished job writes one
record to the ``vss.jobs`` logger: its task, id, state, duration and retries, never its arguments (they may name a
citizen's message), so operators can follow the jobs as they follow requests.
"""

import logging
import os
import time
from typing import Any

from celery import Celery
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

job_log = logging.getLogger("vss.jobs")
_started: dict[str, float] = {}


@task_prerun.connect(dispatch_uid="vss-jobs-started")
def job_started(task_id: str, **kwargs: Any) -> None:
    _started[task_id] = time.monotonic()


@task_postrun.connect(dispatch_uid="vss-jobs-finished")
def job_finished(task_id: str, task: Any, state: str | None = None, **kwargs: Any) -> None:
    """One record per run, whatever its end: SUCCESS, FAILURE, or RETRY when it is sent again later."""
    started = _started.pop(task_id, None)
    duration_ms = int((time.monotonic() - started) * 1000) if started is not None else 0
    fields = {
        "task": task.name,
        "id": task_id,
        "state": state or "UNKNOWN",
        "duration_ms": duration_ms,
        "retries": task.request.retries or 0,
    }
    job_log.info("job", extra={"fields": fields})
