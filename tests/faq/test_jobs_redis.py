"""With Redis as the broker and a real worker process, a question posted to the API is mailed within seconds.

The worker and the poster are processes of their own on a copy of the suite's database (its rows live in
transactions that roll back), as the Varnish tests do (``tests/support/database_copies.py``); the broker is the
machine's Redis, database 11, with a queue of this test's own so no other worker takes its job.
"""

import json
import os
import socket
import subprocess
import time
import uuid

import pytest
import redis

from bench import submissions
from deploy import cluster
from tests.support.database_copies import database_copy
from tests.support.sites import HANOI

REDIS_BROKER = "redis://127.0.0.1:6379/11"
QUESTION = {
    "name": "Trần Thị Bình",
    "email": "nguoihoi.rieng@example.vn",
    "title": "Cấp lại sổ bảo hiểm xã hội",
    "body": "Tôi bị mất sổ BHXH, xin hỏi thủ tục cấp lại như thế nào?",
    "publish_consent": False,
}


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


SUBMIT_AND_WAIT = """
import json, sys, time
import django
django.setup()
from django.test import Client
from faq.models import OutboundEmail
from portal.celery import app

app.conf.task_default_queue = sys.argv[1]
started = time.monotonic()
response = Client(HTTP_HOST=sys.argv[2]).post("/api/v1/questions/", sys.argv[3], content_type="application/json")
assert response.status_code == 201, response.content
code = response.json()["tracking_code"].replace("-", "")
while time.monotonic() - started < 30:
    message = OutboundEmail.objects.get(subject_ref=code)
    if message.sent_at is not None:
        break
    time.sleep(0.1)
print(json.dumps({"sent": message.sent_at is not None, "seconds": time.monotonic() - started}))
"""


def forget_queue(queue):
    """The broker's keys for this test's queue (its bindings): a run leaves nothing behind in Redis."""
    broker = redis.Redis.from_url(REDIS_BROKER)
    keys = list(broker.scan_iter(match=f"*{queue}*"))
    if keys:
        broker.delete(*keys)
    broker.close()


def wait_until_ready(worker, log):
    """A worker logs "ready." once it consumes its queue; the clock of the test starts after that."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and worker.poll() is None:
        if log.exists() and "ready." in log.read_text(errors="replace"):
            return
        time.sleep(0.2)
    raise AssertionError(f"the worker did not start: {log.read_text(errors='replace')[-3000:]}")


# django_db: pytest-django creates the test database only for a session that has such a test; the copy is made by
# the module's fixture, before the test's transaction begins (SQLite cannot copy a database a transaction holds).
pytestmark = [
    pytest.mark.skipif(not redis_reachable(), reason="Redis is not reachable on 127.0.0.1:6379"),
    pytest.mark.django_db,
]


@pytest.fixture(scope="module")
def outcome(django_db_setup, django_db_blocker, tmp_path_factory):
    """A worker process on the Redis broker (db 11, a queue of this module's own) and a question posted to the API
    by another process; the poster's report (sent, seconds) and the worker's log."""
    tmp = tmp_path_factory.mktemp("jobs")
    queue = f"test-jobs-{uuid.uuid4().hex}"
    with django_db_blocker.unblock(), database_copy(tmp, "jobs") as url:
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": submissions.SETTINGS,
            "CELERY_BROKER_URL": REDIS_BROKER,
            "STATIC_ROOT": str(tmp / "static"),
            "RESPONSE_CACHE_DIR": str(tmp / "responses"),
        }
        env.pop("REDIS_URL", None)
        command = [submissions.PYTHON, "-m", "celery", "-A", "portal", "worker", "--pool", "solo", "-Q", queue]
        command += ["--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel", "INFO"]
        worker = cluster.spawn(command, tmp / "worker.log", env)
        try:
            wait_until_ready(worker, tmp / "worker.log")
            submit = [submissions.PYTHON, "-c", SUBMIT_AND_WAIT, queue, HANOI, json.dumps(QUESTION)]
            result = subprocess.run(submit, cwd=submissions.ROOT, env=env, capture_output=True, text=True, timeout=120)
        finally:
            cluster.stop(worker)
            forget_queue(queue)
    log = (tmp / "worker.log").read_text(errors="replace")
    assert result.returncode == 0, result.stderr[-3000:] + log[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1]), log


def test_with_redis_and_a_worker_the_message_is_sent_within_seconds(outcome):
    report, log = outcome
    assert report["sent"], log[-3000:]
    assert report["seconds"] < 10
    assert "faq.tasks.deliver_email" in log
