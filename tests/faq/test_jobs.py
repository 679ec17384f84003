"""The Q&A jobs: the outbox sent by a job with retries and backoff, the sweep, broker outages, deadline reminders.

Without a broker (the suite's settings, as `make run`) Celery runs each job in-process when it is queued; the
broker-down tests point Celery at a closed port, and one test runs a real worker on the real Redis broker.
"""

import datetime as dt
import io
import json
import logging
import time

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from contacts.models import Unit
from deploy import cluster
from faq import outbox, reminders, transitions
from faq.models import OutboundEmail, Question, Reminder, ReminderKind
from faq.tasks import deliver_email, send_deadline_reminders, send_pending_emails
from multisite_config.models import SiteProfile
from portal.celery import app
from tests.faq.factories import InformationRequestFactory
from tests.support.clock import at
from tests.support.sites import HANOI

URL = f"/api/v1/questions/?site={HANOI}"
ASKER_EMAIL = "nguoihoi.rieng@example.vn"
QUESTION = {
    "name": "Trần Thị Bình",
    "email": ASKER_EMAIL,
    "phone": "0912345678",
    "title": "Cấp lại sổ bảo hiểm xã hội",
    "body": "Tôi bị mất sổ BHXH, xin hỏi thủ tục cấp lại như thế nào?",
    "publish_consent": False,
}

pytestmark = pytest.mark.django_db


def ask(client, callbacks):
    with callbacks(execute=True):
        response = client.post(URL, json.dumps(QUESTION), content_type="application/json")
    assert response.status_code == 201, response.content
    return OutboundEmail.objects.get(subject_ref=Question.objects.get().tracking_code)


# The outbox, sent by its job


def test_a_question_posted_through_the_api_is_mailed_by_its_job(client, hanoi, django_capture_on_commit_callbacks):
    message = ask(client, django_capture_on_commit_callbacks)

    assert message.sent_at is not None and message.attempts == 1 and message.next_attempt_at is None
    assert [sent.to for sent in mail.outbox] == [[ASKER_EMAIL]]


def test_each_job_writes_one_log_record_without_personal_data(
    client, hanoi, django_capture_on_commit_callbacks, caplog
):
    with caplog.at_level(logging.INFO, logger="vss.jobs"):
        message = ask(client, django_capture_on_commit_callbacks)

    records = [record for record in caplog.records if record.name == "vss.jobs"]
    assert len(records) == 1
    fields = records[0].fields
    assert set(fields) == {"task", "id", "state", "duration_ms", "retries"}
    assert fields["task"] == "faq.tasks.deliver_email" and fields["state"] == "SUCCESS" and fields["retries"] == 0
    assert isinstance(fields["duration_ms"], int) and fields["duration_ms"] >= 0
    shown = json.dumps(fields, ensure_ascii=False)
    assert ASKER_EMAIL not in shown and QUESTION["name"] not in shown and message.subject_ref not in shown


def test_a_failing_mail_server_leaves_the_message_queued_and_retried_with_backoff(
    client, hanoi, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"
    before = timezone.now()
    message = ask(client, django_capture_on_commit_callbacks)

    assert message.sent_at is None and message.attempts == 1 and "SMTP down" in message.last_error
    assert before + dt.timedelta(minutes=1) <= message.next_attempt_at <= timezone.now() + dt.timedelta(minutes=1)
    assert list(OutboundEmail.objects.failed()) == [message]  # what the admin's list of failed e-mails shows
    assert outbox.retry_pending() == (0, 0)  # not before its backoff runs out

    waits = []
    while message.attempts < outbox.MAX_ATTEMPTS:
        previous = message.next_attempt_at
        monkeypatch.setattr(timezone, "now", lambda moment=previous: moment)
        assert outbox.retry_pending() == (0, 1)
        message.refresh_from_db()
        waits.append(message.next_attempt_at - previous)
    assert [round(wait.total_seconds() / 60) for wait in waits] == [2, 4, 8, 16, 32, 60, 60]
    assert message.sent_at is None and message.attempts == outbox.MAX_ATTEMPTS
    monkeypatch.setattr(timezone, "now", lambda: message.next_attempt_at + dt.timedelta(days=1))
    assert outbox.retry_pending() == (0, 0)  # past its attempts: staff send it again from the admin
    assert list(OutboundEmail.objects.failed()) == [message]


def test_the_sweep_sends_the_message_once_the_server_is_back(
    client, hanoi, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"
    message = ask(client, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    later = message.next_attempt_at
    monkeypatch.setattr(timezone, "now", lambda: later)

    send_pending_emails.delay()

    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 2 and message.last_error == ""
    assert len(mail.outbox) == 1


def test_on_a_worker_a_failed_send_is_retried_at_its_backoff(
    client, hanoi, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"
    message = ask(client, django_capture_on_commit_callbacks)
    monkeypatch.setattr(timezone, "now", lambda: message.next_attempt_at)
    retries = []
    monkeypatch.setattr(deliver_email, "retry", lambda **options: retries.append(options) or Retry())

    deliver_email.push_request(is_eager=False, retries=1)
    try:
        with pytest.raises(Retry):
            deliver_email.run(message.pk)
    finally:
        deliver_email.pop_request()

    message.refresh_from_db()
    assert message.attempts == 2 and retries == [{"eta": message.next_attempt_at}]


def test_a_message_is_taken_by_one_sender_only(client, hanoi, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"
    message = ask(client, django_capture_on_commit_callbacks)
    due = message.next_attempt_at

    assert outbox.claim(message.pk, now=due) is not None
    assert outbox.claim(message.pk, now=due) is None  # the job and the sweep do not both send it


# The broker is down


@pytest.fixture
def broker_down():
    """Celery as on a cluster (not in-process) with its broker on a port nothing listens on."""
    saved = app.conf.broker_url, app.conf.task_always_eager
    forget_connections()  # those made for the in-process broker
    app.conf.broker_url = f"redis://127.0.0.1:{cluster.free_port()}/0"
    app.conf.task_always_eager = False
    yield
    app.conf.broker_url, app.conf.task_always_eager = saved
    forget_connections()


def forget_connections():
    """Celery keeps its connection and producer pools for the process: drop them so the next use reads the URL."""
    app._pool = None
    app.amqp._producer_pool = None


def test_with_the_broker_down_a_question_is_stored_and_mailed_by_the_sweep(
    client, hanoi, django_capture_on_commit_callbacks, broker_down, caplog
):
    started = time.monotonic()
    message = ask(client, django_capture_on_commit_callbacks)

    assert time.monotonic() - started < 5
    assert message.sent_at is None and message.attempts == 0 and mail.outbox == []
    assert any("Broker unreachable" in record.getMessage() for record in caplog.records)

    app.conf.task_always_eager = True  # the broker is back: beat runs the sweep
    send_pending_emails.delay()
    message.refresh_from_db()
    assert message.sent_at is not None and len(mail.outbox) == 1


# Deadline reminders


@pytest.fixture
def unit(hanoi):
    return Unit.objects.create(site=hanoi, name="Phòng Chế độ BHXH", email="chedo@hanoi.example.vn")


@pytest.fixture
def board(hanoi_board, hanoi_board_2):
    hanoi_board.email, hanoi_board_2.email = "bbt1@hanoi.example.vn", "bbt2@hanoi.example.vn"
    hanoi_board.save()
    hanoi_board_2.save()
    return ["bbt1@hanoi.example.vn", "bbt2@hanoi.example.vn"]


def assigned_question(hanoi, unit, due_at, title="Hưởng BHXH một lần"):
    question = transitions.submit(hanoi, name="A", email="a@example.vn", title=title, body="…", now=at(2026, 11, 20))
    transitions.assign(question, None, unit=unit)
    Question.objects.filter(pk=question.pk).update(due_at=due_at)
    question.refresh_from_db()
    return question


@pytest.fixture
def remind_at(monkeypatch, django_capture_on_commit_callbacks):
    """remind_at(moment): the reminders job run at ``moment``; returns how many e-mails it queued."""

    def run(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        with django_capture_on_commit_callbacks(execute=True):
            return send_deadline_reminders.delay().result

    return run


def reminders_to(question, kind):
    return sorted(
        OutboundEmail.objects.filter(subject_ref=question.tracking_code, kind=f"reminder_{kind}").values_list(
            "to", flat=True
        )
    )


def test_a_question_due_the_next_working_day_is_reminded_once(hanoi, unit, board, remind_at):
    friday = at(2026, 11, 27, 9)
    # Due Monday (the next working day after Friday): reminded. Due Tuesday: not yet.
    monday = assigned_question(hanoi, unit, at(2026, 11, 30, 16, 30), title="Đến hạn thứ Hai")
    tuesday = assigned_question(hanoi, unit, at(2026, 12, 1, 16, 30), title="Đến hạn thứ Ba")

    assert remind_at(friday) == 3  # the unit and both board members
    assert reminders_to(monday, ReminderKind.DUE_SOON) == sorted([unit.email, *board])
    assert reminders_to(tuesday, ReminderKind.DUE_SOON) == []
    message = OutboundEmail.objects.filter(subject_ref=monday.tracking_code, kind="reminder_due_soon").first()
    assert message.subject.startswith("Sắp đến hạn đơn vị trả lời") and monday.display_code in message.subject
    assert "16:30 30/11/2026" in message.body and f"/edit/{monday.pk}/" in message.body
    assert message.sent_at is not None  # through the outbox and its job

    assert remind_at(friday + dt.timedelta(hours=2)) == 0  # the next run sends nothing again
    assert Reminder.objects.filter(question=monday).count() == 1


def test_an_overdue_question_is_reminded_once(hanoi, unit, board, remind_at):
    question = assigned_question(hanoi, unit, at(2026, 11, 26, 16, 30))

    assert remind_at(at(2026, 11, 27, 9)) == 3
    assert remind_at(at(2026, 11, 30, 9)) == 0

    assert reminders_to(question, ReminderKind.OVERDUE) == sorted([unit.email, *board])
    assert reminders_to(question, ReminderKind.DUE_SOON) == []
    assert OutboundEmail.objects.get(to=unit.email).subject.startswith("Quá hạn")


def test_an_extended_deadline_is_a_new_deadline_to_remind(hanoi, unit, board, remind_at):
    question = assigned_question(hanoi, unit, at(2026, 11, 30, 16, 30))
    remind_at(at(2026, 11, 27, 9))
    Question.objects.filter(pk=question.pk).update(due_at=at(2026, 12, 3, 16, 30))

    assert remind_at(at(2026, 12, 2, 9)) == 3
    assert Reminder.objects.filter(question=question, kind=ReminderKind.DUE_SOON).count() == 2


def test_a_question_not_screened_on_its_day_is_reminded_to_report_back(hanoi, board, remind_at):
    """Seed 002 art. 11.1.a: out of scope or unclear, the asker is told "ngay trong ngày" (16:30 that day)."""
    question = transitions.submit(hanoi, name="A", email="a@example.vn", title="Hỏi", body="…", now=at(2026, 11, 27, 9))

    assert remind_at(at(2026, 11, 27, 10)) == 2  # due 16:30 today: both board members
    message = OutboundEmail.objects.filter(subject_ref=question.tracking_code, kind="reminder_due_soon").first()
    assert message.subject.startswith("Sắp đến hạn báo lại người hỏi") and "16:30 27/11/2026" in message.body
    assert remind_at(at(2026, 11, 27, 17)) == 2
    assert reminders_to(question, ReminderKind.OVERDUE) == sorted(board)


def test_a_second_worker_cannot_send_the_same_reminder(hanoi, unit, board):
    question = assigned_question(hanoi, unit, at(2026, 11, 30, 16, 30))
    Reminder.objects.create(question=question, step=question.status, kind=ReminderKind.DUE_SOON, due_at=question.due_at)

    assert reminders.remind(question, ReminderKind.DUE_SOON, at(2026, 11, 27, 9)) == []
    assert not OutboundEmail.objects.filter(kind="reminder_due_soon").exists()  # rolled back with its record


def test_without_board_addresses_the_sites_own_address_is_reminded(hanoi, remind_at):
    profile = SiteProfile.for_site(hanoi)
    profile.email = "bhxh@hanoi.example.vn"
    profile.save()
    request = InformationRequestFactory(site=hanoi, now=at(2026, 11, 25, 9))

    assert remind_at(request.due_at - dt.timedelta(hours=3)) == 1

    message = OutboundEmail.objects.get(kind="reminder_due_soon")
    assert message.to == "bhxh@hanoi.example.vn" and "yêu cầu cung cấp thông tin" in message.subject
    assert Reminder.objects.get().information_request == request


def test_run_jobs_runs_every_scheduled_job_once(hanoi, unit, board, settings, django_capture_on_commit_callbacks):
    question = assigned_question(hanoi, unit, timezone.now() - dt.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_jobs", stdout=(output := io.StringIO()))

    assert [line.split(":")[0] for line in output.getvalue().splitlines()] == list(settings.CELERY_BEAT_SCHEDULE)
    assert Reminder.objects.get(question=question).kind == ReminderKind.OVERDUE
