"""Each public endpoint of the Q&A service costs an exact number of queries, however many questions there are.

A page of the "Hỏi đáp" section pays the site (1), the home page and the section with its specific row (3),
the view restrictions (2) and the layout (4: site profiles, menu sections, shared links, notices): 10.
The request form is not a page: the layout's menu looks for a page at its URL (2: the home page, then no
such child) instead of the section.
"""

import json

import pytest
from django.test import Client

from core import abuse
from faq.models import InformationRequest, Question
from tests.support.growth import TOPIC, add_unit, answered, ask, grow, growth_topic, queries_for
from tests.support.sites import HANOI

SECTION = 10
QUESTION = {
    "name": "Trần Thị Bình",
    "email": "binh@example.vn",
    "title": "Cách tính lương hưu khi nghỉ sớm",
    "body": "Tôi đóng bảo hiểm xã hội 22 năm, nay muốn nghỉ hưu trước tuổi thì lương hưu tính thế nào?",
}
REQUEST = {
    "name": "Nguyễn Văn A",
    "address": "12 Láng Hạ, Hà Nội",
    "id_number": "001234567890",
    "email": "a@example.vn",
    "information": "Số liệu thu BHXH năm 2025",
    "purpose": "Nghiên cứu",
    "delivery_form": "email",
}


@pytest.fixture(autouse=True)
def patient(monkeypatch, settings):
    """Forms count as filled in by a person at once, and no rate limit is reached by the repeated requests."""
    monkeypatch.setattr(abuse, "MIN_FILL_SECONDS", 0)
    settings.PUBLIC_RATE_LIMITS = {kind: (1000, 600) for kind in ("question", "information_request", "track")}


@pytest.fixture
def fixed(hanoi):
    """What the measured URLs name: an answered question with a topic, and an open one to track."""
    shown = answered(hanoi, add_unit(hanoi, "Phòng được đo"), "Câu hỏi được đo về lương hưu", topic=growth_topic())
    return {"answer": shown, "open": ask(hanoi, "Câu hỏi đang chờ được đo")}


GETS = {
    # Topics (1); the answers' count and page (2).
    "list": (lambda fixed: "/hoi-dap/", SECTION + 3),
    "search": (lambda fixed: "/hoi-dap/?q=luong+huu", SECTION + 3),
    # The answer with its topic and unit (1); related answers on its topic (1).
    "answer page": (lambda fixed: f"/hoi-dap/{fixed['answer'].pk}/", SECTION + 2),
    # The topics of the form's list (1).
    "question form": (lambda fixed: "/hoi-dap/dat-cau-hoi/", SECTION + 1),
    "tracking form": (lambda fixed: "/hoi-dap/tra-cuu/", SECTION),
    # The client's shared rate counter (1, core/counters.py); the question of that code (1).
    "tracking result": (lambda fixed: f"/hoi-dap/tra-cuu/?ma={fixed['open'].tracking_code}", SECTION + 1 + 1),
    # Site; layout (4); the menu's search for a page here (2).
    "request form": (lambda fixed: "/yeu-cau-cung-cap-thong-tin/", 1 + 4 + 2),
    # Site; the answers' page, with their site and topic (no count: the list fits in one page).
    "API list": (lambda fixed: "/api/v1/questions/", 2),
    "API search": (lambda fixed: f"/api/v1/questions/?q=luong+huu&topic={TOPIC['slug']}", 3),
    # Site; the client's rate counter; the question of that code with its site.
    "API tracking": (lambda fixed: f"/api/v1/questions/track/{fixed['open'].display_code}/", 3),
}


@pytest.mark.parametrize("name", GETS)
def test_an_endpoint_costs_the_same_queries_however_much_the_portal_holds(client, hanoi, national, fixed, name):
    path_of, expected = GETS[name]
    grow(hanoi, national)
    assert queries_for(client, HANOI, path_of(fixed)) == expected

    grow(hanoi, national)
    grow(hanoi, national)

    assert queries_for(client, HANOI, path_of(fixed)) == expected


def form_post(data):
    return {**data, abuse.HONEYPOT_FIELD: "", abuse.TIMING_FIELD: abuse.form_token()}


def test_the_confirmation_after_asking_costs_the_same_queries(hanoi, national, fixed):
    browser = Client(HTTP_HOST=HANOI)
    grow(hanoi, national)
    assert browser.post("/hoi-dap/dat-cau-hoi/", form_post(QUESTION)).status_code == 303
    # The session (1), the question it names (1) and its site's routing time (1), for the deadline it tells.
    assert queries_for(browser, HANOI, "/hoi-dap/da-gui/") == SECTION + 3

    grow(hanoi, national)

    assert queries_for(browser, HANOI, "/hoi-dap/da-gui/") == SECTION + 3


def test_the_confirmation_after_requesting_information_costs_the_same_queries(hanoi, national, fixed):
    browser = Client(HTTP_HOST=HANOI)
    grow(hanoi, national)
    assert browser.post("/yeu-cau-cung-cap-thong-tin/", form_post(REQUEST)).status_code == 303
    # Site; the session (1) and the request it names (1); the layout (4) and the menu's search for a page (2).
    assert queries_for(browser, HANOI, "/yeu-cau-cung-cap-thong-tin/da-gui/") == 1 + 2 + 4 + 2

    grow(hanoi, national)

    assert queries_for(browser, HANOI, "/yeu-cau-cung-cap-thong-tin/da-gui/") == 1 + 2 + 4 + 2


# A submission pays the site (1), the client's shared rate counter (1) and one transaction (savepoint and
# release, 2) holding its steps. A question:
# the Q&A settings (its first deadline), the record, Wagtail's reference index of its topic and unit (5), the log
# entry, the site profile and the acknowledgement queued in the outbox: 10 in all. A request for information:
# the record, its log entry, the audit log (2), the site profile and the acknowledgement: 6 in all. The HTML
# form of a question also routes to its section (3, and 2 for the view restrictions) and keeps the question in
# the session (4); the request form keeps the request in the session (4) and redirects to its confirmation.
POSTS = {
    "question form": ("/hoi-dap/dat-cau-hoi/", form_post, QUESTION, None, 1 + 1 + 2 + 10 + 3 + 2 + 4),
    "question API": (
        "/api/v1/questions/",
        json.dumps,
        QUESTION | {"publish_consent": False},
        "application/json",
        1 + 1 + 2 + 10,
    ),
    "request form": ("/yeu-cau-cung-cap-thong-tin/", form_post, REQUEST, None, 1 + 1 + 2 + 6 + 4),
    "request API": ("/api/v1/information-requests/", json.dumps, REQUEST, "application/json", 1 + 1 + 2 + 6),
}


@pytest.mark.parametrize("name", POSTS)
def test_a_submission_costs_an_exact_number_of_queries(client, hanoi, national, name):
    path, encode, data, content_type, expected = POSTS[name]
    grow(hanoi, national)
    extra = {"content_type": content_type} if content_type else {}

    def queries():
        return queries_for(client, HANOI, path, method="post", data=encode(data), **extra)

    assert queries() == expected
    grow(hanoi, national)
    assert queries() == expected
    stored = Question if "question" in name else InformationRequest
    assert stored.objects.filter(site=hanoi, email=data["email"]).count() == 4
