"""200 questions and comments posted at the same instant are each answered 201 and stored exactly once.

The burst goes to gunicorn with `make serve`'s worker model (bench/submissions.py), on the database engine
the suite runs on. The server cannot see the suite's test database (its rows live in transactions that roll
back) and live_server would flush it, so the server gets a copy of the bootstrapped test database: SQLite's
backup API for the suite's in-memory SQLite, ``CREATE DATABASE … TEMPLATE`` for PostgreSQL. The demo's
open drafts are added to the copy to take the comments.
"""

import os
import subprocess

import pytest
from django.db import connection

from bench import submissions
from tests.support.database_copies import postgresql_copy, sqlite_copy

BURST = 200
ADD_OPEN_DRAFTS = (
    "from legal.demo_drafts import load_draft_demo; from portal.bootstrap import Report; load_draft_demo(Report())"
)


@pytest.fixture(scope="module")
def served_copy(django_db_setup, django_db_blocker, tmp_path_factory):
    """The environment of a server process on a copy of the bootstrapped test database, with open drafts.

    Module-scoped so that it runs before the test's own transaction opens: a template database must have
    no session in a transaction, and the SQLite copy must hold only what was committed.
    """
    tmp_path = tmp_path_factory.mktemp("submissions")
    static_root = tmp_path / "static"
    static_root.mkdir()
    with django_db_blocker.unblock():
        copy = postgresql_copy("burst") if connection.vendor == "postgresql" else sqlite_copy(tmp_path)
        with copy as url:
            env = {
                **os.environ,
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": submissions.SETTINGS,
                "STATIC_ROOT": str(static_root),
                # its own response-cache token: the default file under var/ is shared by every server here
                "RESPONSE_CACHE_DIR": str(tmp_path / "response-cache"),
            }
            subprocess.run(
                [submissions.PYTHON, "manage.py", "shell", "-c", ADD_OPEN_DRAFTS],
                cwd=submissions.ROOT,
                env=env,
                check=True,
                timeout=120,
                stdout=subprocess.DEVNULL,
            )
            yield env


@pytest.mark.django_db  # the suite then creates its test database, which the server's copy is made from
def test_a_burst_of_questions_and_comments_is_stored_once_each(served_copy, tmp_path):
    result = submissions.measure(served_copy, count=BURST, log_path=tmp_path / "gunicorn.log")

    assert result["database"] == connection.vendor
    assert (result["questions"], result["comments"]) == (BURST // 2, BURST // 2)
    assert result["status_counts"] == {"201": BURST}, f"see {tmp_path / 'gunicorn.log'}"
    assert result["created"] == BURST
    assert result["lost"] == 0
    assert result["duplicates"] == 0
    assert result["duplicate_codes"] == 0
    assert result["receipt_mismatches"] == 0


def test_the_check_names_lost_doubled_and_mismatched_records():
    """A burst that went wrong is reported as wrong: the figures of the test above would not hide it."""
    requests = submissions.build_requests(4, "KT-0a", [("localhost", 7)])
    answers = [
        {"status": 201, "ms": 10.0, "body": {"tracking_code": "AAAAA-BBBBB"}},
        {"status": 201, "ms": 20.0, "body": {"id": 99}},
        {"status": 500, "ms": 30.0, "body": None},
        {"status": "timeout", "ms": 120000.0, "body": None},
    ]
    before = {"questions": 10, "comments": 5}
    after = {
        "questions": 13,
        "comments": 6,  # question 2 stored twice with one code, question 0 stored
        "marked_questions": [
            ["AAAAABBBBB", requests[0]["payload"]["body"]],
            ["CCCCCDDDDD", requests[2]["payload"]["body"]],
            ["CCCCCDDDDD", requests[2]["payload"]["body"]],
        ],
        "marked_comments": [[98, requests[1]["payload"]["body"]]],
    }  # comment 3 lost, comment 1 answered 99

    result = submissions.summarise("sqlite", requests, answers, before, after, elapsed=1.5)

    assert result["status_counts"] == {"201": 2, "500": 1, "timeout": 1}
    assert (result["created"], result["lost"], result["duplicates"]) == (4, 1, 1)
    assert result["duplicate_codes"] == 1
    assert result["receipt_mismatches"] == 1
    assert (result["p50_ms"], result["p99_ms"]) == (20.0, 30.0)
