"""The demo Q&A: seed 002's real answers nationally, every state in Hà Nội, and idempotent."""

import datetime as dt

import pytest

from core.models import CalendarAdjustment
from core.working_days import is_working_day
from faq.demo import load_qa_demo, seed_002_questions
from faq.models import Question, QuestionStatus, RefusalReason, RequestStatus
from portal.bootstrap import Report

SEED_002_TITLES = [
    "Thông tin được cung cấp trên Cổng Thông tin điện tử Bảo hiểm xã hội Việt Nam cần đảm bảo những nguyên tắc gì?",
    "Bảo hiểm xã hội tỉnh có trách nhiệm như thế nào trong việc cung cấp thông tin trên Cổng Thông tin điện tử?",
    "Thông tin trên Cổng Thông tin điện tử Bảo hiểm xã hội Việt Nam được liên kết, tích hợp như thế nào?",
]


def test_seed_002_is_split_into_its_three_questions_with_their_answers():
    pairs = seed_002_questions()

    assert [title for title, _answer in pairs] == SEED_002_TITLES
    assert pairs[0][1].startswith("Căn cứ theo Điều 8")
    assert "(Hình từ Internet)" not in pairs[0][1]
    assert "02 đến 05 ngày làm việc" in pairs[1][1]
    assert pairs[2][1].startswith("Căn cứ theo Điều 12") and "Quý khách" not in pairs[2][1]


@pytest.mark.django_db
def test_demo_fills_every_state_once_and_a_second_run_changes_nothing(national, hanoi, danang):
    load_qa_demo(Report())

    assert list(national.questions.published().order_by("pk").values_list("title", flat=True)) == SEED_002_TITLES
    statuses = set(hanoi.questions.values_list("status", flat=True))
    assert statuses == set(QuestionStatus.values)
    assert hanoi.questions.late().count() == 1
    assert hanoi.questions.filter(paused_at__isnull=False).count() == 1
    assert danang.questions.published().count() == 1
    assert set(hanoi.information_requests.values_list("status", flat=True)) == set(RequestStatus.values)
    assert hanoi.information_requests.filter(refusal_reason=RefusalReason.ALREADY_PUBLIC).count() == 1
    assert not is_working_day(dt.date(2026, 1, 2)) and is_working_day(dt.date(2026, 1, 10))
    swap = CalendarAdjustment.objects.get(date=dt.date(2026, 1, 10))
    assert swap.swap_for.date == dt.date(2026, 1, 2) and "12729/VPCP-KGVX" in swap.legal_basis
    assert "hoán đổi ngày làm việc" in swap.reason.lower() and "nghỉ bù" not in swap.swap_for.reason

    before = Question.objects.count()
    second = Report()
    load_qa_demo(second)
    assert second.changes == [] and Question.objects.count() == before
