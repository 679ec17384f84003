"""How the question inbox and the request log show their records (issue 16): a red flag with the working days
late on late records and nothing on the others, codes as ``ABCDE-FGHJK`` found by either form, the earliest
deadline first, local times (+07:00) in listings, pages and exports, and never "None"."""

import re

import pytest
from django.utils import timezone

from faq import information_requests as steps
from faq.models import OutboundEmail
from faq.models import QuestionStatus as S
from multisite_config.models import SiteRole
from tests.faq.factories import REQUEST_FORM, QuestionFactory
from tests.support.clock import at
from tests.support.exports import exported_rows

INBOX = "/admin/snippets/faq/question/"
REQUESTS = "/admin/snippets/faq/informationrequest/"
EMAILS = "/admin/snippets/faq/outboundemail/"
# Tuesday 8 December 2026, 10:00 in Hà Nội: a deadline of Friday 4 December 16:30 is 2 working days behind
# (Monday 7 and Tuesday 8); one of Tuesday 8 at 9:00 is behind by less than a working day.
NOW = at(2026, 12, 8, 10)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


@pytest.fixture
def officer(make_user, hanoi, client):
    user = make_user(SiteRole.QA_OFFICERS, hanoi, "hanoi.officer")
    client.force_login(user)
    return user


@pytest.fixture
def questions(hanoi):
    """Late by two working days, late since this morning, due later, paused while past due, answered."""
    return {
        "late": QuestionFactory(site=hanoi, title="Trễ hai ngày", due_at=at(2026, 12, 4, 16, 30)),
        "today": QuestionFactory(site=hanoi, title="Trễ sáng nay", due_at=at(2026, 12, 8, 9)),
        "later": QuestionFactory(site=hanoi, title="Còn hạn", due_at=at(2026, 12, 10, 16, 30)),
        "paused": QuestionFactory(
            site=hanoi, title="Tạm dừng", due_at=at(2026, 12, 3, 16, 30), paused_at=at(2026, 12, 2, 9)
        ),
        "closed": QuestionFactory(site=hanoi, title="Đã đăng", due_at=None, status=S.PUBLISHED),
    }


def row_of(html, code):
    """The listing's row that shows ``code``."""
    rows = [row for row in re.findall(r"<tr\b.*?</tr>", html, re.S) if code in row]
    assert len(rows) == 1, code
    return rows[0]


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def received_request(site, moment, **fields):
    return steps.submit(site, **{**REQUEST_FORM, **fields}, now=moment)


# Late: a red flag with the working days late, nothing for a record on time


def test_the_question_inbox_flags_late_questions_with_their_working_days_late_and_nothing_else(
    client, officer, questions
):
    html = client.get(INBOX).content.decode()
    late = row_of(html, questions["late"].display_code)
    assert "late-flag" in late and "w-text-critical" in late and "Trễ 2 ngày làm việc" in text_of(late)
    assert "Trễ dưới 1 ngày làm việc" in text_of(row_of(html, questions["today"].display_code))
    for on_time in ("later", "paused", "closed"):
        row = row_of(html, questions[on_time].display_code)
        assert "late-flag" not in row and "Trễ" not in text_of(row), on_time
        assert "icon-cross" not in row and "False" not in row and "True" not in row, on_time


def test_a_question_page_says_how_many_working_days_it_is_late(client, officer, questions):
    html = client.get(f"{INBOX}edit/{questions['late'].pk}/").content.decode()
    assert "trễ 2 ngày làm việc" in html
    assert "quá hạn" not in client.get(f"{INBOX}edit/{questions['later'].pk}/").content.decode()


def test_the_request_log_flags_late_requests_only(client, officer, hanoi):
    late = received_request(hanoi, at(2026, 12, 1, 9))  # due Friday 4/12 16:30
    on_time = received_request(hanoi, at(2026, 12, 7, 9))  # due Thursday 10/12 16:30
    html = client.get(REQUESTS).content.decode()
    assert "Trễ 2 ngày làm việc" in text_of(row_of(html, late.display_code))
    assert "late-flag" not in row_of(html, on_time.display_code)
    assert "trễ 2 ngày làm việc" in client.get(f"{REQUESTS}inspect/{late.pk}/").content.decode()


# Codes: ABCDE-FGHJK everywhere, found by either form


def test_the_inbox_shows_codes_with_the_hyphen_and_finds_them_typed_either_way(client, officer, questions):
    question = questions["later"]
    html = client.get(INBOX).content.decode()
    assert question.display_code in html and f">{question.tracking_code}<" not in html
    for typed in (question.display_code, question.display_code.lower(), question.tracking_code.lower()):
        found = client.get(INBOX, {"q": typed}).context["object_list"]
        assert [record.pk for record in found] == [question.pk], typed
    page = client.get(f"{INBOX}edit/{question.pk}/").content.decode()
    assert question.display_code in page


def test_the_request_log_shows_and_finds_codes_in_either_form_in_listing_page_and_export(client, officer, hanoi):
    info_request = received_request(hanoi, at(2026, 12, 7, 9))
    other = received_request(hanoi, at(2026, 12, 7, 9), name="Trần Thị B")
    for typed in (info_request.display_code, info_request.display_code.lower(), info_request.tracking_code):
        found = client.get(REQUESTS, {"q": typed}).context["object_list"]
        assert [record.pk for record in found] == [info_request.pk], typed
    assert [record.pk for record in client.get(REQUESTS, {"q": "Trần Thị"}).context["object_list"]] == [other.pk]
    page = client.get(f"{REQUESTS}inspect/{info_request.pk}/").content.decode()
    assert info_request.display_code in page and info_request.tracking_code not in page
    for export in ("csv", "xlsx"):
        cells = [str(cell) for row in exported_rows(client.get(REQUESTS, {"export": export})) for cell in row]
        assert info_request.display_code in cells and info_request.tracking_code not in cells, export


def test_a_failed_email_names_its_record_by_the_hyphenated_code(client, officer, hanoi):
    info_request = received_request(hanoi, at(2026, 12, 7, 9))
    email = OutboundEmail.objects.get(subject_ref=info_request.tracking_code)
    email.attempts, email.last_error = 1, "Máy chủ thư không trả lời"
    email.save()
    page = client.get(f"{EMAILS}edit/{email.pk}/").content.decode()
    assert info_request.display_code in page and info_request.tracking_code not in page


# Sorted by deadline, the earliest first


def test_the_inbox_lists_the_earliest_deadline_first_and_closed_questions_last(client, officer, questions):
    listed = [question.pk for question in client.get(INBOX).context["object_list"]]
    by_deadline = ["paused", "late", "today", "later", "closed"]
    assert listed == [questions[name].pk for name in by_deadline]
    reverse = [question.pk for question in client.get(INBOX, {"ordering": "-due_at"}).context["object_list"]]
    assert reverse == [questions[name].pk for name in ["later", "today", "late", "paused", "closed"]]


def test_the_request_log_lists_the_earliest_deadline_first(client, officer, hanoi, hanoi_board):
    closed = received_request(hanoi, at(2026, 11, 2, 9))
    steps.provide(closed, hanoi_board, response="Đã cung cấp")
    later = received_request(hanoi, at(2026, 12, 7, 9))
    sooner = received_request(hanoi, at(2026, 12, 1, 9))
    listed = [record.pk for record in client.get(REQUESTS).context["object_list"]]
    assert listed == [sooner.pk, later.pk, closed.pk]


# Local times and no "None"


def test_the_request_page_shows_local_times_and_no_none(client, officer, hanoi):
    info_request = received_request(hanoi, at(2026, 12, 7, 9))  # 02:00 UTC
    html = client.get(f"{REQUESTS}inspect/{info_request.pk}/").content.decode()
    fields = text_of(html)
    assert "09:00 07/12/2026" in fields and "16:30 10/12/2026" in fields  # received, due
    assert "02:00" not in fields and "09:30" not in fields  # neither time in UTC
    assert "None" not in fields
    assert "—" in fields  # what is not there yet (notified, closed, handled by) is a dash


def test_listings_and_exports_show_local_times_and_no_none(client, officer, hanoi, questions):
    info_request = received_request(hanoi, at(2026, 12, 7, 9))
    requests_html = text_of(client.get(REQUESTS).content.decode())
    assert "09:00 07/12/2026" in requests_html and "16:30 10/12/2026" in requests_html
    inbox_html = text_of(client.get(INBOX).content.decode())
    assert "16:30 04/12/2026" in inbox_html
    for html in (requests_html, inbox_html):
        assert "None" not in html
    csv_cells = [cell for row in exported_rows(client.get(REQUESTS, {"export": "csv"})) for cell in row]
    assert "09:00 07/12/2026" in csv_cells and "None" not in csv_cells
    xlsx_rows = exported_rows(client.get(REQUESTS, {"export": "xlsx"}))
    received = next(row for row in xlsx_rows if info_request.display_code in row)
    assert at(2026, 12, 7, 9).replace(tzinfo=None) in received  # the local time, not 02:00 UTC
    assert "Đã tiếp nhận" in received  # the state's label, not its key
