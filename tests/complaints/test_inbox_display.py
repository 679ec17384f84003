"""How the board's inbox of complaint cases and its trace of transfers show their records (issue 16): a red flag
with the working days late and nothing for a case on time, codes as ``ABCDE-FGHJK`` found by either form, the
earliest deadline first, local times (+07:00) and never "None"."""

import re

import pytest

from complaints import transitions
from complaints.models import CaseKind
from tests.support.clock import at

INBOX = "/admin/snippets/complaints/complaintcase/"
TRACES = "/admin/snippets/complaints/casetransfer/"
pytestmark = pytest.mark.django_db


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def row_of(html, code):
    rows = [row for row in re.findall(r"<tr\b.*?</tr>", html, re.S) if code in row]
    assert len(rows) == 1, code
    return rows[0]


@pytest.fixture
def cases(receive, clock, hanoi_board):
    """A complaint received Monday 2/3/2026 (acceptance due 10 days later, Thursday 12/3 16:30) and a denunciation
    received Monday 9/3 (7 working days: Wednesday 18/3 16:30); the clock then reads Monday 16/3/2026 10:00."""
    late = receive(CaseKind.COMPLAINT, at(2026, 3, 2, 9))
    on_time = receive(CaseKind.DENUNCIATION, at(2026, 3, 9, 9))
    clock(at(2026, 3, 16, 10))
    return {"late": late, "on_time": on_time}


def test_the_inbox_flags_a_late_case_with_its_working_days_late_and_nothing_on_time(client, hanoi_board, cases):
    client.force_login(hanoi_board)
    html = client.get(INBOX).content.decode()
    late = row_of(html, cases["late"].display_code)
    assert "late-flag" in late and "Trễ 2 ngày làm việc" in text_of(late)  # Friday 13 and Monday 16 March
    on_time = row_of(html, cases["on_time"].display_code)
    assert "late-flag" not in on_time and "Trễ" not in text_of(on_time)
    assert "icon-cross" not in on_time and "False" not in on_time
    assert "trễ 2 ngày làm việc" in client.get(f"{INBOX}edit/{cases['late'].pk}/").content.decode()


def test_the_inbox_lists_the_earliest_deadline_first(client, hanoi_board, cases):
    client.force_login(hanoi_board)
    listed = [case.pk for case in client.get(INBOX).context["object_list"]]
    assert listed == [cases["late"].pk, cases["on_time"].pk]


def test_the_inbox_shows_and_finds_codes_in_either_form(client, hanoi_board, cases):
    client.force_login(hanoi_board)
    case = cases["on_time"]
    html = client.get(INBOX).content.decode()
    assert case.display_code in html and case.tracking_code not in html
    for typed in (case.display_code, case.display_code.lower(), case.tracking_code):
        assert [found.pk for found in client.get(INBOX, {"q": typed}).context["object_list"]] == [case.pk], typed


def test_the_case_page_and_listing_show_local_times_and_no_none(client, hanoi_board, cases):
    client.force_login(hanoi_board)
    page = text_of(client.get(f"{INBOX}edit/{cases['late'].pk}/").content.decode())
    assert "09:00 02/03/2026" in page and "16:30 12/03/2026" in page and "02:00 02/03/2026" not in page
    assert "None" not in page
    listing = text_of(client.get(INBOX).content.decode())
    assert "16:30 12/03/2026" in listing and "None" not in listing


def test_the_trace_of_a_transfer_shows_the_hyphenated_code_local_times_and_no_none(client, hanoi_board, cases):
    case = cases["on_time"]
    transitions.transfer(case, hanoi_board, to_agency="Thanh tra tỉnh", reason="Không thuộc thẩm quyền")
    client.force_login(hanoi_board)
    listing = client.get(TRACES)
    html = text_of(listing.content.decode())
    assert case.display_code in html and "09:00 09/03/2026" in html and "None" not in html
    trace = listing.context["object_list"][0]
    assert [found.pk for found in client.get(TRACES, {"q": case.display_code.lower()}).context["object_list"]] == [
        trace.pk
    ]
    page = text_of(client.get(f"{TRACES}inspect/{trace.pk}/").content.decode())
    assert case.display_code in page and case.tracking_code not in page
    assert "09:00 09/03/2026" in page and "10:00 16/03/2026" in page and "None" not in page
    assert "03:00 16/03/2026" not in page  # the same moment in UTC
