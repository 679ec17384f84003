"""The rules the admin's records share (``core.record_listing``, ``core.ids``): working days late, the flag's
words, codes read and shown, local times."""

import datetime as dt
from types import SimpleNamespace

import pytest

from core.ids import display_code, normalise_code
from core.record_listing import late_label, local_text, working_days_late
from tests.support.clock import at


def record(due, open_=True):
    """A stand-in with the inboxes' ``is_late``: open and past ``due``."""
    return SimpleNamespace(due_at=due, is_late=lambda now=None: open_ and due is not None and due < now)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("due", "now", "days"),
    [
        (at(2026, 12, 4, 16, 30), at(2026, 12, 8, 10), 2),  # Friday's deadline, Tuesday: Monday and Tuesday
        (at(2026, 12, 8, 9), at(2026, 12, 8, 10), 0),  # this morning: less than a working day
        (at(2026, 4, 29, 16, 30), at(2026, 5, 4, 10), 1),  # 30/4 and 1/5 are holidays, then a weekend: Monday only
        (at(2026, 12, 10, 16, 30), at(2026, 12, 8, 10), None),  # not yet due
    ],
)
def test_working_days_late_count_working_days_after_the_deadline(due, now, days):
    assert working_days_late(record(due), now) == days


@pytest.mark.django_db
def test_a_closed_record_is_never_late():
    assert working_days_late(record(at(2026, 1, 5), open_=False), at(2026, 12, 8)) is None


def test_the_flag_says_how_late_and_nothing_when_on_time():
    assert late_label(None) == ""
    assert late_label(0) == "Trễ dưới 1 ngày làm việc"
    assert late_label(3) == "Trễ 3 ngày làm việc"


def test_codes_are_read_in_any_form_and_shown_with_the_hyphen():
    for typed in ("abcde-fghjk", " ABCDE FGHJK ", "AbCdEfGhJk"):
        assert normalise_code(typed) == "ABCDEFGHJK"
    assert normalise_code(None) == ""
    assert display_code("ABCDEFGHJK") == "ABCDE-FGHJK"
    assert display_code("ABC") == "ABC"  # not a whole code: left as it is


def test_times_are_local_whatever_zone_they_come_in():
    assert local_text(dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.UTC)) == "09:00 07/12/2026"
    assert local_text(None) == ""
