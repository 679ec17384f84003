"""/api/v1/questions/: published answers, the question form and tracking, scoped to one site, no personal data."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.utils import timezone

from faq import transitions
from faq.models import OutboundEmail, Question
from faq.models import QuestionStatus as S
from tests.contacts.factories import UnitFactory
from tests.faq.factories import AskedQuestionFactory
from tests.multisite_config.factories import TopicFactory
from tests.support.api import PROBLEM_KEYS
from tests.support.sites import DANANG, HANOI

URL = "/api/v1/questions/"
TRACK = f"{URL}track/"
EMAIL = "nguoihoi@example.vn"
PHONE = "0912345678"
GOOD = {
    "name": "Trần Thị Bình",
    "email": EMAIL,
    "phone": PHONE,
    "title": "Cấp lại sổ bảo hiểm xã hội",
    "body": "Tôi bị mất sổ BHXH, xin hỏi thủ tục cấp lại như thế nào?",
    "publish_consent": False,
}

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rate_limits(settings):
    """Limits of their own, so the tests do not depend on the site's configured ones."""
    settings.PUBLIC_RATE_LIMITS = {"question": (3, 600), "track": (5, 600)}


@pytest.fixture
def topic(db):
    return TopicFactory(slug="bhxh-mot-lan", name="Hưởng BHXH một lần")


@pytest.fixture
def other_topic(db):
    return TopicFactory(slug="the-bhyt", name="Thẻ bảo hiểm y tế")


ANSWER = "Ông/Bà cần đủ điều kiện theo Luật BHXH 2024."


def ask(site, title="Hưởng BHXH một lần", body="Điều kiện hưởng BHXH một lần ở Đà Nẵng là gì?", **fields):
    return AskedQuestionFactory(site=site, title=title, body=body, **{"email": EMAIL, "phone": PHONE, **fields})


def published(site, user, answer=ANSWER, **fields):
    return ask(
        site, answer=answer, answer__by=user, answer__unit=UnitFactory(site=site, name="Phòng Chế độ BHXH"), **fields
    )


def post(client, payload, site=HANOI, content_type="application/json"):
    body = payload if isinstance(payload, (str, bytes)) else json.dumps(payload)
    return client.post(f"{URL}?site={site}", body, content_type=content_type)


def same_moment(text, moment):
    """The API writes times to the millisecond; the database keeps microseconds."""
    return abs(dt.datetime.fromisoformat(text) - moment) < dt.timedelta(milliseconds=1)


def assert_problem(response, status, field=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) == PROBLEM_KEYS and body["status"] == status
    if field:
        assert body["errors"].get(field), body
    return body


def assert_no_contact_details(response):
    text = response.content.decode()
    for secret in (EMAIL, PHONE, '"email"', '"phone"'):
        assert secret not in text


# GET /api/v1/questions/


def test_lists_only_this_sites_published_questions_newest_first(client, hanoi, danang, hanoi_board, danang_board):
    older = published(hanoi, hanoi_board, title="Câu hỏi cũ hơn")
    newer = published(hanoi, hanoi_board, title="Câu hỏi mới hơn")
    Question.objects.filter(pk=older.pk).update(published_at=newer.published_at - dt.timedelta(days=3))
    ask(hanoi, title="Câu hỏi chưa trả lời")
    published(danang, danang_board, title="Câu hỏi của Đà Nẵng")

    body = client.get(URL, {"site": HANOI}).json()

    assert body["count"] == 2
    assert [item["id"] for item in body["items"]] == [newer.pk, older.pk]


def test_an_item_has_the_answer_its_page_and_local_times(client, hanoi, hanoi_board, topic):
    question = published(hanoi, hanoi_board, topic=topic)

    item = client.get(URL, HTTP_HOST=HANOI).json()["items"][0]

    assert item["title"] == question.title and item["answer"].startswith("Ông/Bà cần đủ điều kiện")
    assert item["topic"] == {"slug": "bhxh-mot-lan", "name": "Hưởng BHXH một lần"}
    assert item["url"] == f"http://hanoi.localhost/hoi-dap/{question.pk}/"
    assert item["helpful"] == {"yes": 0, "no": 0}
    for key in ("received_at", "published_at", "last_reviewed_at"):
        assert item[key].endswith("+07:00")
    assert same_moment(item["published_at"], question.published_at)


def test_list_never_carries_contact_details_and_names_only_with_consent(client, hanoi, hanoi_board):
    published(hanoi, hanoi_board, name="Lê Văn Kín", publish_name=False)
    published(hanoi, hanoi_board, name="Phạm Thị Công Khai", publish_name=True)

    response = client.get(URL, {"site": HANOI})

    assert_no_contact_details(response)
    assert "Lê Văn Kín" not in response.content.decode()
    assert {item["asker_name"] for item in response.json()["items"]} == {None, "Phạm Thị Công Khai"}


def test_q_ignores_diacritics_and_case(client, hanoi, hanoi_board):
    match = published(hanoi, hanoi_board, title="Hưởng trợ cấp ở Đà Nẵng")
    published(hanoi, hanoi_board, title="Cấp lại thẻ y tế", body="Thẻ BHYT bị rách thì cấp lại thế nào?")

    items = client.get(URL, {"site": HANOI, "q": "DA NANG tro cap"}).json()["items"]

    assert [item["id"] for item in items] == [match.pk]
    items = client.get(URL, {"site": HANOI, "q": "“Đà Nẵng”, trợ cấp?"}).json()["items"]
    assert [item["id"] for item in items] == [match.pk]


def test_topic_filter_takes_a_slug_or_an_id(client, hanoi, hanoi_board, topic, other_topic):
    match = published(hanoi, hanoi_board, topic=topic)
    published(hanoi, hanoi_board, topic=other_topic)

    by_slug = client.get(URL, {"site": HANOI, "topic": topic.slug}).json()["items"]
    by_id = client.get(URL, {"site": HANOI, "topic": str(topic.pk)}).json()["items"]

    assert [item["id"] for item in by_slug] == [item["id"] for item in by_id] == [match.pk]


def test_an_unknown_topic_is_a_400_naming_topic(client, hanoi):
    body = assert_problem(client.get(URL, {"site": HANOI, "topic": "khong-co"}), 400, field="topic")

    assert "khong-co" in body["errors"]["topic"][0]


def test_list_is_public_and_cacheable(client, hanoi):
    response = client.get(URL, {"site": HANOI})

    assert "public" in response["Cache-Control"] and response.has_header("ETag")


def test_query_count_does_not_grow_with_the_items(client, hanoi, hanoi_board, topic, django_assert_max_num_queries):
    published(hanoi, hanoi_board, topic=topic)
    with django_assert_max_num_queries(4) as with_one:
        assert client.get(URL, {"site": HANOI, "topic": topic.slug}).json()["count"] == 1
    for number in range(5):
        published(hanoi, hanoi_board, topic=topic, title=f"Câu hỏi số {number}", publish_name=True)

    with django_assert_max_num_queries(4) as with_six:
        assert client.get(URL, {"site": HANOI, "topic": topic.slug}).json()["count"] == 6

    assert len(with_six) == len(with_one)


# POST /api/v1/questions/


def test_a_question_is_stored_mailed_and_acknowledged_with_its_code(
    client, hanoi, topic, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, {**GOOD, "topic": topic.slug, "publish_consent": True})

    assert response.status_code == 201, response.content
    question = Question.objects.get()
    assert question.site == hanoi and question.topic == topic and question.publish_name
    assert (question.email, question.phone) == (EMAIL, PHONE)
    assert OutboundEmail.objects.filter(subject_ref=question.tracking_code).count() == 1
    body = response.json()
    assert set(body) == {"tracking_code", "status", "received_at", "due_by"}
    assert body["tracking_code"] == question.display_code and body["tracking_code"][5] == "-"
    assert body["status"] == "received"
    assert body["received_at"].endswith("+07:00") and body["due_by"].endswith("+07:00")
    assert same_moment(body["due_by"], question.due_at)
    assert_no_contact_details(response)


def test_the_host_names_the_site_without_a_parameter(client, danang):
    response = client.post(URL, json.dumps(GOOD), content_type="application/json", HTTP_HOST=DANANG)

    assert response.status_code == 201
    assert Question.objects.get().site == danang


def test_phone_is_optional(client, hanoi):
    payload = {key: value for key, value in GOOD.items() if key != "phone"}

    assert post(client, payload).status_code == 201
    assert Question.objects.get().phone == ""


def test_no_csrf_token_is_needed(hanoi):
    assert post(Client(enforce_csrf_checks=True), GOOD).status_code == 201


@pytest.mark.parametrize(
    "change, field",
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": ""}, "email"),
        ({"name": "   "}, "name"),
        ({"name": "A" * 121}, "name"),
        ({"title": "A" * 201}, "title"),
        ({"title": ""}, "title"),
        ({"body": "Ngắn quá"}, "body"),
        ({"body": "Câu hỏi " * 1000}, "body"),
        ({"body": "Nội dung có ký tự \x00 lạ ở giữa câu hỏi."}, "body"),
        ({"phone": "gọi tôi nhé"}, "phone"),
        ({"phone": "0" * 30}, "phone"),
        ({"publish_consent": "có lẽ"}, "publish_consent"),
        ({"topic": "khong-co"}, "topic"),
        ({"title": None}, "title"),
        ({"debug": True}, "debug"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_saves_nothing(client, hanoi, change, field):
    assert_problem(post(client, {**GOOD, **change}), 400, field=field)

    assert not Question.objects.exists() and not OutboundEmail.objects.exists()


@pytest.mark.parametrize("missing", ["name", "email", "title", "body", "publish_consent"])
def test_a_missing_field_is_a_400_naming_it(client, hanoi, missing):
    payload = {key: value for key, value in GOOD.items() if key != missing}

    assert_problem(post(client, payload), 400, field=missing)
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    "body, content_type",
    [
        ("name=A&email=a%40example.vn", "application/x-www-form-urlencoded"),
        (json.dumps(GOOD), "text/plain"),
    ],
)
def test_only_json_is_accepted(client, hanoi, body, content_type):
    assert_problem(post(client, body, content_type=content_type), 415)
    assert not Question.objects.exists()


def test_a_body_that_is_not_json_is_a_400(client, hanoi):
    assert_problem(post(client, "{not json"), 400)
    assert not Question.objects.exists()


def test_an_unknown_site_is_a_404_and_saves_nothing(client):
    assert_problem(post(client, GOOD, site="nowhere.localhost"), 404)
    assert not Question.objects.exists()


def test_a_burst_is_refused_with_429_and_retry_after(client, hanoi):
    answers = [post(client, GOOD) for _ in range(4)]

    assert [answer.status_code for answer in answers] == [201, 201, 201, 429]
    assert_problem(answers[-1], 429)
    assert 0 < int(answers[-1]["Retry-After"]) <= 600
    assert Question.objects.count() == 3


# GET /api/v1/questions/track/{code}/


def track(client, code, site=HANOI):
    return client.get(f"{TRACK}{code}/", {"site": site})


def test_tracking_accepts_the_code_as_people_type_it(client, hanoi):
    question = ask(hanoi)

    for code in (question.tracking_code, question.display_code, question.display_code.lower()):
        response = track(client, code)
        assert response.status_code == 200, code
        assert response.json()["tracking_code"] == question.display_code


def test_tracking_an_open_question_shows_state_and_deadline_only(client, hanoi):
    question = ask(hanoi, name="Nguyễn Văn Riêng Tư")

    response = track(client, question.display_code)

    body = response.json()
    assert body["status"] == "received" and body["status_label"] == "Đã tiếp nhận"
    assert same_moment(body["due_by"], question.due_at) and body["due_by"].endswith("+07:00")
    assert body["paused"] is False and body["pause_reason"] is None
    assert body["answer"] is None and body["published_at"] is None and body["url"] is None
    assert_no_contact_details(response)
    assert "Nguyễn Văn Riêng Tư" not in response.content.decode()


def test_tracking_a_published_question_shows_the_answer_and_no_deadline(client, hanoi, hanoi_board):
    question = published(hanoi, hanoi_board, answer="Câu trả lời chính thức.")

    body = track(client, question.tracking_code).json()

    assert body["status"] == "published" and body["answer"] == "Câu trả lời chính thức."
    assert body["due_by"] is None and body["published_at"].endswith("+07:00")
    assert body["url"] == f"http://hanoi.localhost/hoi-dap/{question.pk}/"


def test_tracking_an_answer_not_yet_sent_does_not_show_it(client, hanoi, hanoi_board):
    question = ask(hanoi)
    transitions.assign(question, hanoi_board, unit=UnitFactory(site=hanoi, name="Phòng Thu"))
    transitions.answer(question, hanoi_board, text="Bản nháp chưa duyệt.")

    response = track(client, question.tracking_code)

    assert response.json()["status"] == "answered"
    assert "Bản nháp chưa duyệt" not in response.content.decode()


def test_tracking_shows_a_pause_and_a_refusal_with_their_reasons(client, hanoi, hanoi_board):
    paused, refused = ask(hanoi), ask(hanoi)
    transitions.pause(paused, hanoi_board, reason="Chờ người hỏi bổ sung số sổ BHXH")
    transitions.refuse(refused, hanoi_board, reason="Câu hỏi không thuộc lĩnh vực BHXH")

    paused_body = track(client, paused.tracking_code).json()
    refused_body = track(client, refused.tracking_code).json()

    assert paused_body["paused"] is True and paused_body["pause_reason"] == "Chờ người hỏi bổ sung số sổ BHXH"
    assert refused_body["status"] == S.REFUSED and refused_body["due_by"] is None
    assert refused_body["refusal_reason"] == "Câu hỏi không thuộc lĩnh vực BHXH"


def test_a_code_of_another_site_is_a_404(client, danang):
    question = ask(danang)

    assert track(client, question.tracking_code, site=DANANG).status_code == 200
    assert_problem(track(client, question.tracking_code, site=HANOI), 404)
    assert_problem(client.get(f"{TRACK}{question.tracking_code}/", HTTP_HOST=HANOI), 404)


@pytest.mark.parametrize("code", ["ABCDE-FGHJK", "x", "9" * 40])
def test_an_unknown_code_is_a_404_problem(client, hanoi, code):
    assert_problem(track(client, code), 404)


def test_tracking_is_never_cached(client, hanoi):
    question = ask(hanoi)

    cache_control = track(client, question.tracking_code)["Cache-Control"]

    assert "no-store" in cache_control and "private" in cache_control
    assert "public" not in cache_control and "max-age=60" not in cache_control


def test_guessing_codes_is_rate_limited(client, hanoi):
    question = ask(hanoi)
    for _ in range(5):
        assert_problem(track(client, "ABCDE-FGHJK"), 404)

    response = track(client, question.tracking_code)

    assert_problem(response, 429)
    assert int(response["Retry-After"]) > 0


def test_times_are_in_vietnam_time_whatever_the_active_zone(client, hanoi):
    question = ask(hanoi)
    timezone.activate("UTC")
    try:
        body = track(client, question.tracking_code).json()
    finally:
        timezone.deactivate()

    assert body["received_at"].endswith("+07:00")


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe\x00",
        b'"a string"',
        b"[]",
        b'{"name": 1, "email": [], "title": {}, "body": null, "publish_consent": "x"}',
        b"[" * 100_000,
        json.dumps({**GOOD, "body": "x" * 5_000_000}).encode(),
    ],
)
def test_nasty_bodies_are_a_4xx_problem_and_save_nothing(client, hanoi, raw):
    response = post(client, raw)

    assert 400 <= response.status_code < 500
    assert_problem(response, response.status_code)
    assert not Question.objects.exists()
