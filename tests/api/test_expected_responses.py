"""Each resource of /api/v1/ answers the demo with exactly the stored body: ``tests/api/expected/<name>.json``.

One list and one detail per resource where the API has both (Hà Nội's; the directory of sites, contacts,
reception and a draft's comments are lists only; requests for information have no GET), fetched
anonymously from the demo (``core.sections.demo_loaders``: every app's loader, without the page texts of
``portal.demo.fill_pages``, which no API answer shows).

**Deterministic, not normalised, where it can be.** The demo dates what it creates from ``timezone.now()``
(drafts' comment windows, questions' deadlines, news dates, publication times), and the API computes states
from it (a draft open or closed, a document in force), so ``now`` is frozen at ``FROZEN`` while the demo is
loaded and while each request is served: dates in the bodies are then the same on every run.

**Normalised** (``normalise``), because they legitimately differ from one run or database to another:

- database ids (``id`` and ``*_id`` keys, and every all-digit segment of a URL or path: a question's
  page, a shared article, a document's file): they depend on the database's sequences (PostgreSQL's never
  roll back) and on what ran before; each distinct id is replaced by ``"<id N>"``, N in order of first
  appearance in the body, so that two fields naming the same record still show it;
- the anchors of a draft's articles (``anchor``, and ``parent`` naming another article's): drawn at random
  (``legal.versions``) when a version is recorded, replaced by ``"<anchor N>"`` the same way;
- tracking codes: drawn at random when a question is received.

**Regenerate** after an intended change of the API or the demo, then review the diff of the JSON files:

    UPDATE_EXPECTED=1 .venv/bin/python -m pytest -p no:cacheprovider tests/api/test_expected_responses.py
"""

import datetime as dt
import json
import os
import re
from pathlib import Path
from unittest import mock

import pytest
from django.db import transaction
from django.test import Client

from core.sections import demo_loaders
from faq.models import Question
from portal.bootstrap import Report
from tests.support.sites import HANOI

EXPECTED = Path(__file__).with_name("expected")
UPDATE = os.environ.get("UPDATE_EXPECTED") == "1"
# A Monday in office hours: a working day, so the demo's deadlines count from it.
FROZEN = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))

ID_KEY = re.compile(r"^(id|.+_id)$")
ID_IN_URL = re.compile(r"(?<=/)\d+(?=/)")
# Keys whose value is a draft article's anchor (its own, its parent's).
ANCHOR_KEYS = {"anchor", "parent"}
TRACKING_CODE = re.compile(r"\b[A-Z0-9]{5}-[A-Z0-9]{5}\b")

pytestmark = pytest.mark.django_db


def frozen_now():
    return mock.patch("django.utils.timezone.now", return_value=FROZEN)


@pytest.fixture(scope="module", autouse=True)
def demo_content(django_db_setup, django_db_blocker):
    """The demo, loaded once at ``FROZEN`` in a transaction rolled back after the module's last test."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        with frozen_now():
            report = Report()
            for load in demo_loaders():
                load(report)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def get(path):
    with frozen_now():
        response = Client().get(path, {"site": HANOI})
    assert response.status_code == 200, (path, response.status_code, response.content[:300])
    return response.json()


def normalise(body):
    ids, anchors = {}, {}

    def placeholder(value):
        return ids.setdefault(value, f"<id {len(ids) + 1}>")

    def walk(value, key=""):
        if isinstance(value, dict):
            return {name: walk(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [walk(item, key) for item in value]
        if isinstance(value, int) and not isinstance(value, bool) and ID_KEY.match(key):
            return placeholder(value)
        if isinstance(value, str) and key in ANCHOR_KEYS:
            return anchors.setdefault(value, f"<anchor {len(anchors) + 1}>")
        if isinstance(value, str):
            if value.startswith(("/", "http")):
                value = ID_IN_URL.sub(lambda match: placeholder(int(match[0])), value)
            return TRACKING_CODE.sub("<tracking code>", value)
        return value

    return walk(body)


def first_id(listing):
    assert listing["items"], "the demo gives Hà Nội at least one"
    return listing["items"][0]["id"]


def detail_of_first(resource):
    return get(f"/api/v1/{resource}/{first_id(get(f'/api/v1/{resource}/'))}/")


def comments_of_a_commented_draft():
    drafts = [draft["id"] for draft in get("/api/v1/drafts/")["items"]]
    return next(body for body in (get(f"/api/v1/drafts/{draft}/comments/") for draft in drafts) if body["count"])


def tracking_of_first_question():
    question = Question.objects.get(pk=first_id(get("/api/v1/questions/")))
    return get(f"/api/v1/questions/track/{question.display_code}/")


CASES = {
    "sites": lambda: get("/api/v1/sites/"),
    "contacts": lambda: get("/api/v1/contacts/"),
    "reception": lambda: get("/api/v1/reception/"),
    "news-list": lambda: get("/api/v1/news/"),
    "news-detail": lambda: detail_of_first("news"),
    "documents-list": lambda: get("/api/v1/documents/"),
    "documents-detail": lambda: detail_of_first("documents"),
    "procedures-list": lambda: get("/api/v1/procedures/"),
    "procedures-detail": lambda: detail_of_first("procedures"),
    "drafts-list": lambda: get("/api/v1/drafts/"),
    "drafts-detail": lambda: detail_of_first("drafts"),
    "draft-comments-list": comments_of_a_commented_draft,
    "questions-list": lambda: get("/api/v1/questions/"),
    "questions-track": tracking_of_first_question,
}


@pytest.mark.parametrize("name", CASES)
def test_the_answer_is_the_stored_one(name):
    body = normalise(CASES[name]())
    path = EXPECTED / f"{name}.json"
    if UPDATE:
        path.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    assert body == json.loads(path.read_text())


def test_every_stored_answer_is_checked():
    assert sorted(path.stem for path in EXPECTED.glob("*.json")) == sorted(CASES)


def test_normalising_keeps_which_fields_name_the_same_record():
    body = {
        "id": 41,
        "items": [{"id": 7, "draft_id": 41, "url": "http://hanoi.localhost/hoi-dap/7/", "number": "12/2025/TT"}],
        "count": 1,
        "code": "ABCDE-FGHJK",
        "articles": [{"anchor": "df34c518", "parent": None}, {"anchor": "bbace7ec", "parent": "df34c518"}],
    }
    assert normalise(body) == {
        "id": "<id 1>",
        "items": [
            {
                "id": "<id 2>",
                "draft_id": "<id 1>",
                "url": "http://hanoi.localhost/hoi-dap/<id 2>/",
                "number": "12/2025/TT",
            }
        ],
        "count": 1,
        "code": "<tracking code>",
        "articles": [{"anchor": "<anchor 1>", "parent": None}, {"anchor": "<anchor 2>", "parent": "<anchor 1>"}],
    }
