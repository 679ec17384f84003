"""The legal periods of each kind, in the unit each law uses (``complaints.deadlines``), on 2026's calendar."""

import pytest

from complaints import transitions
from complaints.models import CaseKind, Complexity
from core.working_days import calendar_deadline
from tests.support.clock import at

pytestmark = pytest.mark.django_db
RECEIVED = at(2026, 3, 2, 9)  # Monday 02/03/2026, office hours


def test_calendar_days_end_at_close_of_office_and_skip_a_last_day_off():
    assert calendar_deadline(RECEIVED, 10) == at(2026, 3, 12, 16, 30)  # Thursday
    # From Wednesday 04/03 the 30th day is Friday 03/04.
    assert calendar_deadline(at(2026, 3, 4), 30) == at(2026, 4, 3, 16, 30)
    # The 60th day, Sunday 03/05/2026, is not a working day: the period ends Monday 04/05 (BLDS art. 148.5).
    assert calendar_deadline(at(2026, 3, 4), 60) == at(2026, 5, 4, 16, 30)


@pytest.mark.parametrize(
    ("kind", "due"),
    [
        (CaseKind.COMPLAINT, at(2026, 3, 12, 16, 30)),  # 10 calendar days (Luật Khiếu nại art. 27)
        (CaseKind.DENUNCIATION, at(2026, 3, 11, 16, 30)),  # 7 working days (Luật Tố cáo art. 24.1)
        (CaseKind.PETITION, at(2026, 3, 16, 16, 30)),  # board: 10 working days
        (CaseKind.FEEDBACK, at(2026, 3, 16, 16, 30)),
    ],
)
def test_acceptance_period_of_each_kind(receive, kind, due):
    assert receive(kind, RECEIVED).due_at == due


def test_a_complaint_received_after_hours_on_friday_counts_calendar_days_from_that_day(receive):
    # Calendar days run from the day of receipt, not the next working day: Friday 06/03 18:00 + 10 = Mon 16/03.
    assert receive(CaseKind.COMPLAINT, at(2026, 3, 6, 18)).due_at == at(2026, 3, 16, 16, 30)


def test_denunciation_acceptance_may_be_extended_once_to_ten_working_days(receive, hanoi_board):
    case = receive(CaseKind.DENUNCIATION, RECEIVED)
    transitions.extend_acceptance(case, hanoi_board, reason="Xác minh tại hai quận")
    assert case.due_at == at(2026, 3, 16, 16, 30)
    with pytest.raises(transitions.TransitionError):
        transitions.extend_acceptance(case, hanoi_board, reason="lần nữa")


@pytest.mark.parametrize(
    ("instance", "remote", "complexity", "due"),
    [
        (1, False, Complexity.NORMAL, at(2026, 4, 3, 16, 30)),  # 30 days (art. 28)
        (1, False, Complexity.COMPLEX, at(2026, 4, 20, 16, 30)),  # 45: Saturday 18/04 → Monday 20/04
        (1, True, Complexity.NORMAL, at(2026, 4, 20, 16, 30)),  # remote area: 45
        (1, True, Complexity.COMPLEX, at(2026, 5, 4, 16, 30)),  # remote and complex: 60, Sunday → Monday
        (2, False, Complexity.NORMAL, at(2026, 4, 20, 16, 30)),  # second instance: 45 (art. 37)
        (2, False, Complexity.COMPLEX, at(2026, 5, 4, 16, 30)),  # 60
        (2, True, Complexity.NORMAL, at(2026, 5, 4, 16, 30)),  # remote: 60
        (2, True, Complexity.COMPLEX, at(2026, 5, 13, 16, 30)),  # remote and complex: 70
    ],
)
def test_complaint_resolution_period(receive, hanoi_board, clock, instance, remote, complexity, due):
    case = receive(CaseKind.COMPLAINT, RECEIVED)
    clock(at(2026, 3, 4))
    transitions.accept(case, hanoi_board, complexity=complexity, remote_area=remote, instance=instance)
    assert case.due_at == due


def test_denunciation_resolution_and_its_extensions(receive, hanoi_board, clock):
    case = receive(CaseKind.DENUNCIATION, RECEIVED)
    clock(at(2026, 3, 4))
    transitions.accept(case, hanoi_board, complexity=Complexity.VERY_COMPLEX)
    assert case.due_at == at(2026, 4, 3, 16, 30)  # 30 days (art. 30.1)
    transitions.extend(case, hanoi_board, days=30, reason="Đặc biệt phức tạp")
    assert case.due_at == at(2026, 5, 4, 16, 30)  # + 30: Sunday 03/05 → Monday 04/05
    transitions.extend(case, hanoi_board, days=30, reason="Lần hai")
    assert case.due_at == at(2026, 6, 2, 16, 30)  # + 30 more (art. 30.3)
    with pytest.raises(transitions.TransitionError):
        transitions.extend(case, hanoi_board, days=10, reason="Lần ba")


def test_a_complex_denunciation_is_extended_once_and_never_after_its_deadline(receive, hanoi_board, clock):
    case = receive(CaseKind.DENUNCIATION, RECEIVED)
    clock(at(2026, 3, 4))
    transitions.accept(case, hanoi_board, complexity=Complexity.COMPLEX)
    clock(at(2026, 4, 3, 17))  # half an hour after the 30 days ran out
    with pytest.raises(transitions.TransitionError, match="quá thời hạn"):
        transitions.extend(case, hanoi_board, days=30, reason="Muộn")
    clock(at(2026, 4, 3, 9))
    transitions.extend(case, hanoi_board, days=30, reason="Phức tạp")
    with pytest.raises(transitions.TransitionError):
        transitions.extend(case, hanoi_board, days=5, reason="Lần hai")


def test_complaints_have_no_extension_and_no_especially_complex_level(receive, hanoi_board, clock):
    case = receive(CaseKind.COMPLAINT, RECEIVED)
    with pytest.raises(transitions.TransitionError):
        transitions.accept(case, hanoi_board, complexity=Complexity.VERY_COMPLEX)
    transitions.accept(case, hanoi_board, complexity=Complexity.COMPLEX)
    with pytest.raises(transitions.TransitionError):
        transitions.extend(case, hanoi_board, days=10, reason="Không được")


def test_petition_resolution_is_the_board_period_of_thirty_days(receive, hanoi_board, clock):
    case = receive(CaseKind.PETITION, RECEIVED)
    clock(at(2026, 3, 4))
    transitions.accept(case, hanoi_board)
    assert case.due_at == at(2026, 4, 3, 16, 30)
