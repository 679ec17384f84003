"""Deadlines in Vietnamese working days, pinned against the 2026–2027 calendar."""

import datetime as dt

import pytest

from core.models import CalendarAdjustment
from core.working_days import (
    add_working_days,
    deadline,
    in_office_hours,
    is_working_day,
    receipt_day,
    working_days_between,
    working_days_left,
)
from tests.support.clock import at

D = dt.date


@pytest.fixture(autouse=True)
def fresh_cache(db):
    from django.core.cache import cache

    cache.clear()


def test_tet_2026_is_skipped():
    # Friday 13/02 + 1 working day: Mon 16/02 to Fri 20/02 are Tết, so Monday 23/02.
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert not any(is_working_day(D(2026, 2, day)) for day in range(16, 21))


def test_reunification_and_labour_day():
    # Wed 29/04 + 2: Thu 30/04 and Fri 01/05 off, weekend, so Tue 05/05.
    assert add_working_days(D(2026, 4, 29), 2) == D(2026, 5, 5)


def test_national_day_and_its_adjacent_day_with_substitute():
    # 2026: Mon 31/08 (substitute), Tue 01/09 and Wed 02/09 off; Fri 28/08 + 1 is Thu 03/09.
    assert add_working_days(D(2026, 8, 28), 1) == D(2026, 9, 3)


def test_make_up_saturday_counts():
    # Saturday 22/08/2026 is worked in exchange for Monday 31/08.
    assert is_working_day(D(2026, 8, 22))
    assert add_working_days(D(2026, 8, 21), 1) == D(2026, 8, 22)


def test_vietnam_culture_day_from_2026():
    assert not is_working_day(D(2026, 11, 24))
    assert add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 25)
    assert is_working_day(D(2025, 11, 24))


def test_admin_added_day_off_counts_at_once():
    assert is_working_day(D(2026, 1, 2))  # the package does not know it
    CalendarAdjustment.objects.create(
        date=D(2026, 1, 2), kind="day_off", legal_basis="Công văn 12729/VPCP-KGVX ngày 25/12/2025"
    )
    assert not is_working_day(D(2026, 1, 2))
    assert add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 5)


def test_admin_added_working_day():
    CalendarAdjustment.objects.create(date=D(2026, 3, 7), kind="working_day", legal_basis="Thông báo …")
    assert is_working_day(D(2026, 3, 7))


NEW_YEAR_2026 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025"


def test_new_year_2026_swap_is_a_pair_and_counts_both_days():
    off, worked = CalendarAdjustment.record_swap(
        D(2026, 1, 2), D(2026, 1, 10), legal_basis=NEW_YEAR_2026, reason="Hoán đổi ngày làm việc"
    )
    assert worked.swap_for == off and off.made_up_by == worked
    assert not is_working_day(D(2026, 1, 2))  # Friday off
    assert is_working_day(D(2026, 1, 10))  # Saturday worked
    # Thursday 08/01 + 2 working days: Fri 09/01, Sat 10/01 (worked), not Tuesday 13/01.
    assert add_working_days(D(2026, 1, 8), 2) == D(2026, 1, 10)
    assert deadline(at(2026, 1, 8, 9), 2) == at(2026, 1, 10, 16, 30)
    # Wed 31/12/2025 + 3: (Thu 01/01 holiday, Fri 02/01 off) Mon 05, Tue 06, Wed 07.
    assert add_working_days(D(2025, 12, 31), 3) == D(2026, 1, 7)
    # A question received on Saturday 10/01 in office hours counts from that day.
    assert receipt_day(at(2026, 1, 10, 9)) == D(2026, 1, 10)


def test_a_swap_pairs_a_working_day_with_a_day_off_only():
    from django.core.exceptions import ValidationError

    first = CalendarAdjustment.objects.create(date=D(2026, 1, 2), kind="day_off", legal_basis=NEW_YEAR_2026)
    second = CalendarAdjustment(date=D(2026, 1, 9), kind="day_off", legal_basis=NEW_YEAR_2026, swap_for=first)
    with pytest.raises(ValidationError) as refused:
        second.full_clean()
    assert "swap_for" in refused.value.message_dict


def test_year_end_into_2027():
    # Wed 30/12/2026 + 3: Thu 31/12, (Fri 01/01/2027 off), Mon 04/01, Tue 05/01.
    assert add_working_days(D(2026, 12, 30), 3) == D(2027, 1, 5)


def test_sunday_evening_question_counts_from_monday():
    received = at(2026, 11, 22, 21, 30)  # Sunday 21:30
    assert receipt_day(received) == D(2026, 11, 23)
    # 2 working days after Monday 23/11: Tuesday 24/11 is Culture Day, so Wed 25 and Thu 26.
    assert deadline(received, 2) == at(2026, 11, 26, 16, 30)


def test_after_hours_counts_from_next_working_day_and_in_hours_from_same_day():
    assert receipt_day(at(2026, 11, 20, 17, 0)) == D(2026, 11, 23)  # Friday after closing
    assert receipt_day(at(2026, 11, 20, 9, 0)) == D(2026, 11, 20)
    assert receipt_day(at(2026, 11, 20, 6, 0)) == D(2026, 11, 20)  # before opening: that same day
    assert in_office_hours(at(2026, 11, 20, 9, 0)) and not in_office_hours(at(2026, 11, 21, 9, 0))


def test_counting_between_dates_and_days_left():
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    due = deadline(at(2026, 11, 23, 9, 0), 2)  # Thu 26/11 16:30
    assert working_days_left(due, now=at(2026, 11, 25, 9, 0)) == 1
    assert working_days_left(due, now=at(2026, 11, 30, 9, 0)) == -2
