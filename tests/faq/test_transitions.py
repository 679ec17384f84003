"""The Q&A process of seed 002 with its deadlines in working days."""

import pytest
from django.core import mail
from django.utils import timezone

from contacts.models import Unit
from faq import transitions
from faq.models import OutboundEmail, QaSettings, QuestionEvent
from faq.models import QuestionStatus as S
from tests.support.clock import at


@pytest.fixture
def unit(hanoi):
    return Unit.objects.create(site=hanoi, name="Phòng Chế độ BHXH")


@pytest.fixture
def question(hanoi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return transitions.submit(
            hanoi,
            name="Nguyễn Văn A",
            email="a@example.vn",
            title="Hưởng BHXH một lần",
            body="Tôi muốn hỏi về điều kiện hưởng BHXH một lần.",
            now=at(2026, 11, 20, 9),
        )


def test_receipt_sets_code_deadline_log_and_acknowledgement(question):
    assert len(question.tracking_code) == 10 and question.status == S.RECEIVED
    # Screened the same day (out of scope or unclear: the asker told "ngay trong ngày"): Friday 20/11 16:30.
    assert question.due_at == at(2026, 11, 20, 16, 30)
    # Routing: Friday 20/11 09:00 + 3 working days (default): Mon 23, (Tue 24 Culture Day), Wed 25, Thu 26.
    assert question.routing_due_at == at(2026, 11, 26, 16, 30)
    assert QuestionEvent.objects.filter(question=question, action="receive").exists()
    assert len(mail.outbox) == 1 and question.display_code in mail.outbox[0].body
    assert "Hạn phân loại, chuyển xử lý: 16:30 26/11/2026" in mail.outbox[0].body
    assert OutboundEmail.objects.get(subject_ref=question.tracking_code).sent_at is not None


def test_routing_days_follow_the_site_setting(hanoi, question):
    settings_ = QaSettings.for_site(hanoi)
    settings_.routing_days = 5
    settings_.save()
    question.refresh_from_db()
    assert question.routing_due_at == at(2026, 11, 30, 16, 30)
    transitions.classify(question, None)
    assert question.due_at == at(2026, 11, 30, 16, 30)


def test_assignment_gives_seven_or_ten_working_days(question, unit, hanoi_board, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 11, 25, 9))
    transitions.assign(question, hanoi_board, unit=unit)
    assert question.due_at == at(2026, 12, 4, 16, 30)  # Wed 25/11 + 7 working days
    complex_q = question
    complex_q.is_complex = True
    assert transitions.step_deadline(complex_q) == at(2026, 12, 9, 16, 30)  # + 10


def test_answer_then_publish_within_two_days_and_mail(
    question, unit, hanoi_board, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 12, 31, 15))
    transitions.assign(question, hanoi_board, unit=unit)
    transitions.answer(question, hanoi_board, text="Ông/Bà đủ điều kiện khi …")
    assert question.due_at == at(2027, 1, 5, 16, 30)  # Thu 31/12 + 2: (Fri 1/1 off) Mon 4, Tue 5
    with django_capture_on_commit_callbacks(execute=True):
        transitions.publish(question, hanoi_board)
    assert question.status == S.PUBLISHED and question.due_at is None
    assert "Ông/Bà đủ điều kiện" in mail.outbox[-1].body


def test_pause_stops_the_clock_and_resume_adds_the_waiting_days(question, hanoi_board, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 11, 23, 9))
    transitions.pause(question, hanoi_board, reason="Chờ người hỏi bổ sung số sổ BHXH")
    assert question.is_late(now=at(2026, 12, 10)) is False
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 11, 27, 9))
    transitions.resume(question, hanoi_board)
    assert question.routing_paused_days == 3  # Wed 25, Thu 26, Fri 27 (Tue 24 is a holiday)
    assert question.reported_back_at == at(2026, 11, 23, 9)  # asking for the full question is the report back
    # 3 + 3 working days after Fri 20/11: Mon 23, Wed 25, Thu 26, Fri 27, Mon 30, Tue 01/12.
    assert question.due_at == at(2026, 12, 1, 16, 30)


def test_refusal_needs_a_reason_and_tells_the_asker(question, hanoi_board, django_capture_on_commit_callbacks):
    with pytest.raises(transitions.TransitionError):
        transitions.refuse(question, hanoi_board, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        transitions.refuse(question, hanoi_board, reason="Nội dung không thuộc lĩnh vực BHXH")
    assert question.status == S.REFUSED
    assert "không thuộc lĩnh vực" in mail.outbox[-1].body


def test_steps_out_of_order_are_refused(question, hanoi_board, unit):
    with pytest.raises(transitions.TransitionError):
        transitions.publish(question, hanoi_board)
    with pytest.raises(transitions.TransitionError):
        transitions.answer(question, hanoi_board, text="x")
    other_site_unit = Unit.objects.create(site_id=unit.site_id + 1, name="Đơn vị tỉnh khác")
    with pytest.raises(transitions.TransitionError):
        transitions.assign(question, hanoi_board, unit=other_site_unit)


def test_extension_adds_days_with_a_reason(question, unit, hanoi_board, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 11, 25, 9))
    transitions.assign(question, hanoi_board, unit=unit)
    transitions.extend(question, hanoi_board, days=3, reason="Cần ý kiến của nhiều phòng")
    assert question.due_at == at(2026, 12, 9, 16, 30)
    with pytest.raises(transitions.TransitionError):
        transitions.extend(question, hanoi_board, days=8, reason="Quá hạn mức")


def test_late_filter(question, monkeypatch):
    from faq.models import Question

    monkeypatch.setattr(timezone, "now", lambda: at(2026, 11, 20, 11))
    transitions.classify(question, None)
    assert Question.objects.late(now=at(2026, 11, 26, 16)).count() == 0
    assert list(Question.objects.late(now=at(2026, 11, 27, 9))) == [question]


def test_out_of_scope_or_unclear_is_reported_back_the_same_day(hanoi, hanoi_board, monkeypatch):
    """Seed 002 art. 11.1.a: "thông báo ngay trong ngày", 16:30 of the day the question counts as received."""
    from faq.models import Question

    late_evening = transitions.submit(
        hanoi, name="C", email="c@example.vn", title="Hỏi", body="?", now=at(2026, 11, 20, 17)
    )
    assert late_evening.due_at == at(2026, 11, 23, 16, 30)  # Friday after closing: Monday's close
    assert late_evening.due_step.startswith("báo lại người hỏi")
    assert list(Question.objects.due_by(at(2026, 11, 23, 16, 30), now=at(2026, 11, 23, 9))) == [late_evening]
    assert list(Question.objects.late(now=at(2026, 11, 23, 16, 31))) == [late_evening]
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 11, 23, 15))
    transitions.refuse(late_evening, hanoi_board, reason="Không thuộc phạm vi của ngành BHXH")
    assert late_evening.reported_back_at == at(2026, 11, 23, 15) and late_evening.due_at is None
    assert not Question.objects.late(now=at(2026, 11, 23, 16, 31)).exists()


def test_a_pause_extends_only_the_step_it_happened_in(hanoi, unit, hanoi_board, monkeypatch):
    """Received Mon 02/03/2026, paused 5 working days while routing, assigned Tue 10/03."""
    from faq.deadlines import fields_of
    from portal.reports.question_delays import answered_late

    def on(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    question = transitions.submit(hanoi, name="D", email="d@example.vn", title="Hỏi", body="…", now=at(2026, 3, 2, 9))
    on(at(2026, 3, 2, 10))
    transitions.pause(question, hanoi_board, reason="Đề nghị bổ sung số sổ BHXH")
    on(at(2026, 3, 9, 9))
    transitions.resume(question, hanoi_board)
    assert (question.routing_paused_days, question.answer_paused_days) == (5, 0)  # Tue 03 … Mon 09/03
    # Routing: 3 + 5 working days after Mon 02/03: Thu 12/03.
    assert question.due_at == at(2026, 3, 12, 16, 30)
    on(at(2026, 3, 10, 9))
    transitions.assign(question, hanoi_board, unit=unit)
    # The unit's 7 working days from Tue 10/03: Wed 11 … Thu 19/03; the routing pause is not added (not 26/03).
    assert question.due_at == at(2026, 3, 19, 16, 30)
    on(at(2026, 3, 11, 9))
    transitions.answer(question, hanoi_board, text="Trả lời")
    # Publishing: 2 working days from the answer on Wed 11/03: Fri 13/03 (not 20/03).
    assert question.due_at == at(2026, 3, 13, 16, 30)
    # The delay report judges with the same deadlines: published on Mon 16/03 is late.
    row = {**fields_of(question), "published_at": at(2026, 3, 16, 9)}
    assert answered_late(row, routing_days=3)
    assert not answered_late({**row, "published_at": at(2026, 3, 13, 16)}, routing_days=3)
    # An answer on Fri 20/03 would have been late (due Thu 19/03), not on time until 26/03.
    assert answered_late({**row, "answered_at": at(2026, 3, 20, 9), "published_at": at(2026, 3, 20, 10)}, 3)


def test_a_pause_with_the_unit_extends_the_answer_only(hanoi, unit, hanoi_board, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 3, 10, 9))
    question = transitions.submit(hanoi, name="E", email="e@example.vn", title="Hỏi", body="…", now=at(2026, 3, 10, 8))
    transitions.assign(question, hanoi_board, unit=unit)
    transitions.pause(question, hanoi_board, reason="Chờ người hỏi")
    monkeypatch.setattr(timezone, "now", lambda: at(2026, 3, 12, 9))
    transitions.resume(question, hanoi_board)
    assert (question.routing_paused_days, question.answer_paused_days) == (0, 2)
    assert question.due_at == at(2026, 3, 23, 16, 30)  # Tue 10/03 + 7 + 2: Mon 23/03
    transitions.answer(question, hanoi_board, text="Trả lời")
    assert question.due_at == at(2026, 3, 16, 16, 30)  # Thu 12/03 + 2, the pause not added


def test_a_failed_send_keeps_question_and_message(hanoi, settings, django_capture_on_commit_callbacks, monkeypatch):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        question = transitions.submit(hanoi, name="B", email="b@example.vn", title="Hỏi", body="Nội dung")
    message = OutboundEmail.objects.get(subject_ref=question.tracking_code)
    assert message.sent_at is None and message.attempts == 1 and "SMTP down" in message.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from faq.outbox import retry_pending

    assert retry_pending() == (0, 0)  # its backoff (a minute after the first failure) has not run out
    monkeypatch.setattr(timezone, "now", lambda: message.next_attempt_at)
    assert retry_pending() == (1, 0)
    message.refresh_from_db()
    assert message.sent_at is not None
