"""One JSON line per request (core/logs.py), as production writes it (LOG_FORMAT=json), with no citizen's data."""

import io
import json
import logging

import pytest

from core.logs import JsonFormatter
from tests.support.processes import run_python
from tests.support.sites import HANOI
from tests.support.submissions import QUESTION, ask

KEYS = {"time", "level", "logger", "event", "host", "method", "path", "status", "duration_ms", "view", "cache", "user"}


@pytest.fixture
def json_lines():
    """The handler LOGGING gives vss.requests and vss.jobs, with LOG_FORMAT=json's formatter, writing to a buffer;
    lines() reads what it wrote. (The handler is changed, not the configuration: pytest puts back the loggers'
    handler lists between a test's phases.)"""
    [events] = {handler for name in ("vss.requests", "vss.jobs") for handler in handlers_of(name)}
    formatter, stream = events.formatter, events.stream
    buffer = io.StringIO()
    events.setFormatter(JsonFormatter())
    events.stream = buffer  # not setStream(), which flushes the stream it replaces: pytest's, closed by now

    def lines():
        return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]

    yield lines
    events.setFormatter(formatter)
    events.stream = stream


def handlers_of(name: str) -> list[logging.StreamHandler]:
    """The handlers LOGGING configured on a logger (pytest adds its own, of other classes)."""
    return [handler for handler in logging.getLogger(name).handlers if type(handler) is logging.StreamHandler]


def test_production_writes_json_lines_and_make_run_text():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(sorted({h['formatter'] for h in s.LOGGING['handlers'].values()}), s.LOGGING['loggers']['vss.requests'])"
    )
    production = run_python(code, DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="x" * 50)
    asked_text = run_python(
        code, DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="x" * 50, LOG_FORMAT="text"
    )
    dev = run_python(code, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert production.stdout.startswith("['json'] {'handlers': ['events'], 'level': 'INFO', 'propagate': False}")
    assert asked_text.stdout.startswith("['text']") and dev.stdout.startswith("['text']")


@pytest.mark.django_db
def test_a_request_is_one_json_line_in_vietnam_time_without_its_query(client, json_lines):
    response = client.get("/tin-tuc-su-kien/?q=0912345678&page=1", HTTP_HOST=HANOI)

    [line] = json_lines()
    assert set(line) == KEYS
    assert line["time"].endswith("+07:00") and "T" in line["time"]
    assert line["logger"] == "vss.requests" and line["event"] == "request" and line["level"] == "INFO"
    assert line["host"] == HANOI and line["method"] == "GET" and line["path"] == "/tin-tuc-su-kien/"
    assert line["status"] == response.status_code == 200
    assert line["view"] == "wagtail_serve" and isinstance(line["duration_ms"], float)
    assert line["user"] is None
    assert "0912345678" not in json.dumps(line)


@pytest.mark.django_db
def test_staff_are_named_by_their_id(client, hanoi_editor, json_lines):
    client.force_login(hanoi_editor)
    client.get("/admin/", HTTP_HOST=HANOI)
    [line] = json_lines()
    assert line["user"] == hanoi_editor.pk and line["path"] == "/admin/"


@pytest.mark.django_db
def test_a_question_leaves_none_of_its_askers_details_in_the_line(client, hanoi, json_lines):
    assert ask(client).status_code == 201
    [line] = json_lines()
    text = json.dumps(line, ensure_ascii=False)
    assert line["method"] == "POST" and line["status"] == 201 and line["path"] == "/api/v1/questions/"
    for secret in (QUESTION["email"], QUESTION["phone"], QUESTION["name"], QUESTION["title"]):
        assert secret not in text


@pytest.mark.django_db
def test_a_job_line_prints_its_fields(json_lines):
    logging.getLogger("vss.jobs").info("job", extra={"fields": {"task": "faq.tasks.send_pending_emails", "ok": True}})
    [line] = json_lines()
    assert line["event"] == "job" and line["task"] == "faq.tasks.send_pending_emails" and line["ok"] is True
    assert line["time"].endswith("+07:00")


@pytest.mark.django_db
def test_probes_are_not_logged(client, json_lines):
    client.get("/healthz", HTTP_HOST="10.0.0.5")
    assert json_lines() == []
