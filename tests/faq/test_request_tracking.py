"""A request for information is followed like a question: the confirmation after the form (reached by a redirect,
so a reload sends nothing again) gives the code and the tracking link, the tracking page and
``GET /api/v1/information-requests/track/{code}/`` show its status and dates only, on its own site only."""

import pytest
from django.core.cache import cache
from django.test import Client

from core import abuse
from faq import information_requests as steps
from faq.models import InformationRequest, OutboundEmail
from faq.models import RequestStatus as S
from tests.faq.factories import REQUEST_FORM
from tests.support.clock import at
from tests.support.sites import DANANG, HANOI

FORM = "/yeu-cau-cung-cap-thong-tin/"
SUBMITTED = "/yeu-cau-cung-cap-thong-tin/da-gui/"
TRACK_PAGE = "/yeu-cau-cung-cap-thong-tin/tra-cuu/"
TRACK_API = "/api/v1/information-requests/track/"
# What the requester wrote and who they are: none of it is ever shown by tracking.
PRIVATE = ["Nguyễn Văn A", "Láng Hạ", "001234567890", "a@example.vn", "Số liệu thu BHXH", "Nghiên cứu"]
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits(monkeypatch):
    """Rate-limit counters live in the cache, which outlives each test's database transaction; the form's timing
    check is satisfied, as by someone who took their time."""
    monkeypatch.setattr(abuse, "MIN_FILL_SECONDS", 0)
    cache.clear()
    yield
    cache.clear()


def form_data():
    return REQUEST_FORM | {abuse.TIMING_FIELD: abuse.form_token()}


def received(site, **fields):
    return steps.submit(site, **{**REQUEST_FORM, **fields}, now=at(2026, 12, 1, 9))


def track(client, code, host=HANOI):
    return client.get(f"{TRACK_API}{code}/", HTTP_HOST=host)


# The confirmation: PRG, code and tracking link


def test_the_form_redirects_to_a_confirmation_with_the_code_and_the_tracking_link(hanoi):
    browser = Client(HTTP_HOST=HANOI)
    response = browser.post(FORM, form_data())
    assert response.status_code == 303 and response["Location"] == SUBMITTED
    info_request = InformationRequest.objects.get()
    page = browser.get(SUBMITTED)
    html = page.content.decode()
    assert page.status_code == 200 and info_request.display_code in html
    assert f'href="{TRACK_PAGE}?ma={info_request.display_code}"' in html
    assert "no-cache" in page["Cache-Control"] or "no-store" in page["Cache-Control"]


def test_reloading_the_confirmation_sends_nothing_again(hanoi):
    browser = Client(HTTP_HOST=HANOI)
    browser.post(FORM, form_data())
    for _ in range(2):
        assert browser.get(SUBMITTED).status_code == 200
    assert InformationRequest.objects.count() == 1


def test_the_confirmation_shows_nothing_to_another_browser_or_on_another_site(hanoi, danang):
    browser = Client(HTTP_HOST=HANOI)
    browser.post(FORM, form_data())
    stranger = Client(HTTP_HOST=HANOI).get(SUBMITTED)
    assert stranger.status_code == 302 and stranger["Location"] == TRACK_PAGE
    elsewhere = browser.get(SUBMITTED, HTTP_HOST=DANANG)
    assert elsewhere.status_code == 302 and elsewhere["Location"] == TRACK_PAGE


def test_the_acknowledgement_email_carries_the_tracking_link_of_its_own_site(hanoi):
    info_request = received(hanoi)
    body = OutboundEmail.objects.get(subject_ref=info_request.tracking_code).body
    assert f"http://{HANOI}:" in body or f"http://{HANOI}/" in body
    assert f"{TRACK_PAGE}?ma={info_request.display_code}" in body


def test_the_form_links_to_the_tracking_page(hanoi):
    assert f'href="{TRACK_PAGE}"' in Client(HTTP_HOST=HANOI).get(FORM).content.decode()


# The tracking page


def test_the_tracking_page_shows_status_and_dates_only(hanoi):
    info_request = received(hanoi)
    response = Client(HTTP_HOST=HANOI).get(TRACK_PAGE, {"ma": info_request.display_code.lower()})
    html = response.content.decode()
    assert response.status_code == 200 and info_request.display_code in html
    assert "Đã tiếp nhận" in html and "16:30 04/12/2026" in html  # received Tue 1/12, 3 working days
    assert not [text for text in PRIVATE if text in html]
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_the_tracking_page_shows_a_closed_request_without_deadline(hanoi, hanoi_board):
    info_request = received(hanoi)
    steps.provide(info_request, hanoi_board, response="Số liệu thu năm 2025: bí mật nội dung")
    html = Client(HTTP_HOST=HANOI).get(TRACK_PAGE, {"ma": info_request.tracking_code}).content.decode()
    assert "Đã cung cấp" in html and "Kết thúc lúc" in html and "Hạn cung cấp thông tin" not in html
    assert "bí mật nội dung" not in html


def test_an_unknown_or_malformed_code_on_the_page_is_a_vietnamese_4xx(hanoi):
    browser = Client(HTTP_HOST=HANOI)
    missing = browser.get(TRACK_PAGE, {"ma": "ABCDE-FGHJK"})
    assert missing.status_code == 404 and "Không tìm thấy yêu cầu" in missing.content.decode()
    empty = browser.get(TRACK_PAGE, {"ma": ""})
    assert empty.status_code == 400 and "mã tra cứu" in empty.content.decode()


def test_a_code_is_tracked_only_on_its_own_site(hanoi, danang):
    info_request = received(hanoi)
    assert Client(HTTP_HOST=DANANG).get(TRACK_PAGE, {"ma": info_request.display_code}).status_code == 404
    assert track(Client(), info_request.display_code, DANANG).status_code == 404
    assert track(Client(), info_request.display_code, HANOI).status_code == 200


def test_tracking_is_rate_limited(hanoi, settings):
    settings.PUBLIC_RATE_LIMITS = {"track": (2, 600)}
    browser = Client(HTTP_HOST=HANOI)
    codes = [browser.get(TRACK_PAGE, {"ma": "ABCDE-FGHJK"}).status_code for _ in range(2)]
    assert codes == [404, 404]
    assert browser.get(TRACK_PAGE, {"ma": "ABCDE-FGHJK"}).status_code == 429
    assert track(browser, "ABCDE-FGHJK").status_code == 429


# GET /api/v1/information-requests/track/{code}/


def test_the_api_accepts_the_code_with_or_without_hyphen_and_in_lower_case(client, hanoi):
    info_request = received(hanoi)
    for code in (info_request.tracking_code, info_request.display_code, info_request.display_code.lower()):
        response = track(client, code)
        assert response.status_code == 200, code
        assert response.json()["tracking_code"] == info_request.display_code


def test_the_api_returns_status_and_dates_only(client, hanoi, hanoi_board):
    info_request = received(hanoi)
    body = track(client, info_request.display_code).json()
    assert set(body) == {
        "tracking_code",
        "status",
        "status_label",
        "received_at",
        "notified_at",
        "extension_days",
        "due_by",
        "late",
        "closed_at",
    }
    assert body["status"] == S.RECEIVED and body["status_label"] == "Đã tiếp nhận"
    assert body["received_at"] == "2026-12-01T09:00:00+07:00" and body["due_by"] == "2026-12-04T16:30:00+07:00"
    assert body["closed_at"] is None and body["notified_at"] is None
    assert not [text for text in PRIVATE if text in str(body)]
    steps.refuse(info_request, hanoi_board, reason="already_public", detail="Đã đăng tại mục Văn bản")
    closed = track(client, info_request.display_code)
    assert closed["Cache-Control"].count("no-cache") or "no-store" in closed["Cache-Control"]
    body = closed.json()
    assert body["status"] == S.REFUSED and body["due_by"] is None and body["closed_at"] is not None
    assert "Đã đăng tại mục Văn bản" not in str(body)


def test_the_api_answers_an_unknown_code_with_a_structured_404(client, hanoi):
    received(hanoi)
    response = track(client, "ABCDE-FGHJK")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/")
    assert "Không có yêu cầu cung cấp thông tin nào mang mã này" in response.json()["detail"]
