"""The citizen's side: the online form on every site, the tracking page and ``GET /api/v1/complaints/track/``,
which show status and dates only, follow a transferred case, and answer an unknown code with a Vietnamese 404."""

import time
from unittest import mock

import pytest
from django.test import Client

from complaints import transitions
from complaints.models import CaseChannel, CaseKind, CaseStatus, ComplaintCase
from core import abuse
from tests.support.clock import at
from tests.support.sites import DANANG, HAIPHONG, HANOI

FORM_URL = "/khieu-nai-to-cao/"
TRACK_URL = "/khieu-nai-to-cao/tra-cuu/"
SUBMITTED_URL = "/khieu-nai-to-cao/da-gui/"
API = "/api/v1/complaints/track/"
PERSON = ("Lê Văn Tố", "Số 7 ngõ Bí Mật", "0988000111", "001099000111")
CONTENT = "Cán bộ tiếp nhận hồ sơ yêu cầu nộp thêm khoản phí không có trong quy định."


def aged_token(seconds):
    with mock.patch("core.abuse.time.time", return_value=time.time() - seconds):
        return abuse.form_token()


def form_data(**overrides):
    name, address, contact, id_number = PERSON
    data = {
        "kind": "denunciation",
        "name": name,
        "address": address,
        "contact": contact,
        "id_number": id_number,
        "subject": "Tố cáo thu phí trái quy định",
        "content": CONTENT,
        abuse.HONEYPOT_FIELD: "",
        abuse.TIMING_FIELD: aged_token(60),
    }
    return {**data, **overrides}


@pytest.fixture
def browser(db):
    return Client(HTTP_HOST=HANOI)


def test_the_form_receives_a_case_with_its_code_and_acceptance_deadline(browser, hanoi):
    assert browser.get(FORM_URL).status_code == 200
    posted = browser.post(FORM_URL, form_data())
    assert (posted.status_code, posted["Location"]) == (303, SUBMITTED_URL)  # PRG: a reload never files it twice
    response = browser.get(SUBMITTED_URL)
    case = ComplaintCase.objects.get()
    html = response.content.decode()
    assert response.status_code == 200 and case.display_code in html
    assert (case.site, case.kind, case.channel, case.status) == (
        hanoi,
        CaseKind.DENUNCIATION,
        CaseChannel.ONLINE,
        CaseStatus.RECEIVED,
    )
    assert case.due_at is not None and case.due_at.strftime("%d/%m/%Y") in html
    assert "no-cache" in response["Cache-Control"]
    assert browser.get(SUBMITTED_URL).status_code == 200 and ComplaintCase.objects.count() == 1


def test_the_confirmation_shows_only_the_case_this_browser_sent(browser):
    browser.post(FORM_URL, form_data())
    other = Client(HTTP_HOST=HANOI).get(SUBMITTED_URL)
    assert (other.status_code, other["Location"]) == (302, TRACK_URL)
    elsewhere = browser.get(SUBMITTED_URL, HTTP_HOST=DANANG)  # the session's case belongs to Hà Nội
    assert (elsewhere.status_code, elsewhere["Location"]) == (302, TRACK_URL)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kind", "", "Vui lòng nhập loại đơn."),
        ("kind", "lawsuit", "Loại đơn phải là khiếu nại, tố cáo, kiến nghị hoặc phản ánh."),
        ("name", "", "Vui lòng nhập họ và tên."),
        ("address", "", "Vui lòng nhập địa chỉ."),
        ("contact", "", "Vui lòng nhập điện thoại hoặc thư điện tử để cơ quan liên hệ."),
        ("id_number", "12AB", "Số định danh gồm 9 hoặc 12 chữ số"),
        ("content", "ngắn", "Nội dung cần ít nhất 30 ký tự"),
        ("subject", "x" * 301, "Tóm tắt nội dung không quá 300 ký tự"),
    ],
)
def test_a_bad_field_is_a_400_naming_it_and_nothing_is_saved(browser, field, value, message):
    response = browser.post(FORM_URL, form_data(**{field: value}))
    assert response.status_code == 400 and message in response.content.decode()
    assert not ComplaintCase.objects.exists()


def test_bots_and_floods_are_refused(browser, settings):
    assert browser.post(FORM_URL, form_data(**{abuse.HONEYPOT_FIELD: "spam"})).status_code == 400
    assert browser.post(FORM_URL, form_data(**{abuse.TIMING_FIELD: aged_token(0)})).status_code == 400
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "complaint": (1, 600)}
    Client(HTTP_HOST=HANOI).post(FORM_URL, form_data())  # the counter already holds the two refused attempts
    response = browser.post(FORM_URL, form_data())
    assert response.status_code == 429 and "Retry-After" in response
    assert not ComplaintCase.objects.exists()


def tracked(client, code, host=HANOI):
    return client.get(API + code + "/", HTTP_HOST=host)


def test_tracking_shows_status_and_dates_only(client, browser, hanoi_board, clock):
    browser.post(FORM_URL, form_data())
    case = ComplaintCase.objects.get()
    clock(at(2026, 12, 1, 9))
    transitions.assign(case, hanoi_board, handlers=[hanoi_board])
    body = tracked(client, case.display_code.lower()).json()
    assert set(body) == {
        "tracking_code",
        "kind",
        "kind_label",
        "status",
        "status_label",
        "handled_by",
        "handled_by_site",
        "received_at",
        "accepted_at",
        "refused_at",
        "resolved_at",
        "transferred_at",
        "closed_at",
        "due_by",
        "late",
    }
    assert body["tracking_code"] == case.display_code and body["status"] == "received"
    assert body["handled_by_site"] == HANOI and body["received_at"].endswith("+07:00")
    page = browser.get(TRACK_URL, {"ma": case.tracking_code})
    assert page.status_code == 200 and "Đã tiếp nhận" in page.content.decode()
    for response in (page, tracked(client, case.tracking_code)):
        text = response.content.decode()
        assert not any(secret in text for secret in (*PERSON, CONTENT, "Tố cáo thu phí")), text
        assert "no-cache" in response["Cache-Control"]


def test_a_transferred_case_is_tracked_at_both_sites_and_shows_where_it_is(client, receive, danang, hanoi_board):
    case = receive(CaseKind.COMPLAINT)
    transitions.transfer(case, hanoi_board, to_site=danang, reason="Thuộc thẩm quyền BHXH Đà Nẵng")
    for host in (HANOI, DANANG):
        body = tracked(client, case.tracking_code, host).json()
        assert body["handled_by_site"] == DANANG and body["status"] == "received"
    assert tracked(client, case.tracking_code, HAIPHONG).status_code == 404
    page = Client(HTTP_HOST=HANOI).get(TRACK_URL, {"ma": case.display_code})
    assert danang.site_name in page.content.decode()


def test_an_unknown_code_is_a_vietnamese_404(client, browser, receive):
    case = receive()
    response = tracked(client, "ABCDE-FGHJK")
    assert response.status_code == 404 and "Không có đơn nào mang mã tra cứu này" in response.json()["detail"]
    assert tracked(client, case.tracking_code, DANANG).status_code == 404  # another site's case
    page = browser.get(TRACK_URL, {"ma": "ABCDE-FGHJK"})
    assert page.status_code == 404 and "Không tìm thấy đơn" in page.content.decode()
    assert browser.get(TRACK_URL, {"ma": ""}).status_code == 400


def test_the_contact_page_leads_to_the_form_and_the_tracking_page(browser):
    html = browser.get("/lien-he/").content.decode()
    assert f'href="{FORM_URL}"' in html and f'href="{TRACK_URL}"' in html
