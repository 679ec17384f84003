"""E-mails to askers and requesters: queued in the outbox inside the transaction, sent by a job after it commits.

A message is written to ``OutboundEmail`` together with the change that caused it; once the transaction
commits, a background job (``faq.tasks.deliver_email``) sends it. If the mail server fails, the question stays
saved, the message stays pending with its error (the admin shows it) and is tried again after a backoff that
doubles each time (1, 2, 4 … minutes, at most an hour), up to ``MAX_ATTEMPTS`` attempts, about two hours; past
them staff send it again from the admin. If the broker is down, the job is not queued and the periodic sweep
(``faq.tasks.send_pending_emails``, or ``manage.py send_pending_emails``) sends the message instead.
"""

import datetime as dt
import logging

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.jobs import enqueue
from multisite_config.models import SiteProfile

from .models.outbox import OutboundEmail
from .models.questions import Question

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
FIRST_BACKOFF = dt.timedelta(minutes=1)
LONGEST_BACKOFF = dt.timedelta(hours=1)
SUBJECTS = {
    "received": "Đã tiếp nhận câu hỏi {code}",
    "refused": "Câu hỏi {code} không được tiếp nhận",
    "extended": "Câu hỏi {code} được gia hạn trả lời",
    "answered": "Trả lời câu hỏi {code}",
    "request_received": "Đã tiếp nhận yêu cầu cung cấp thông tin {code}",
    "request_gathering": "Thời hạn cung cấp thông tin theo yêu cầu {code}",
    "request_extended": "Gia hạn cung cấp thông tin theo yêu cầu {code}",
    "request_provided": "Cung cấp thông tin theo yêu cầu {code}",
    "request_refused": "Từ chối cung cấp thông tin theo yêu cầu {code}",
    "request_redirected": "Hướng dẫn về yêu cầu cung cấp thông tin {code}",
}


def notify(record, kind):
    """Queue the e-mail of ``kind`` to the person behind ``record`` and send it once the transaction commits.

    ``record`` is a question or an information request: both carry a site, a tracking code and the
    person's e-mail. Question templates get ``question`` and its tracking link; request templates get
    ``info_request`` (``request`` would read as the HTTP request in a template).
    """
    profile = SiteProfile.for_site(record.site)
    context = {"profile": profile, **record_context(record)}
    return queue(
        site=record.site,
        kind=kind,
        subject_ref=record.tracking_code,
        to=record.email,
        subject=SUBJECTS[kind].format(code=record.display_code),
        body=render_to_string(f"faq/emails/{kind}.txt", context),
    )


def queue(**fields):
    """Write one message to the outbox and have it sent by a job once the transaction commits."""
    from .tasks import deliver_email  # the tasks module sends through this one

    message = OutboundEmail.objects.create(**fields)
    transaction.on_commit(lambda: enqueue(deliver_email, message.pk))
    return message


def record_context(record):
    if isinstance(record, Question):
        return {"question": record, "track_url": tracking_url(record)}
    return {"info_request": record}


def tracking_url(question):
    return f"{question.site.root_url}/hoi-dap/tra-cuu/?ma={question.display_code}"


def backoff(attempts):
    """How long to wait after ``attempts`` failed attempts: 1 minute, doubled each time, at most an hour."""
    return min(FIRST_BACKOFF * 2 ** max(attempts - 1, 0), LONGEST_BACKOFF)


def claim(message_id, now=None):
    """Take message ``message_id`` for one attempt, or None when it is sent, out of attempts, or not yet due.

    The claim sets ``next_attempt_at`` to when a retry would be due (an update that only one worker can win),
    so the job and the sweep, or two workers given the same job, never send one message twice.
    """
    now = now or timezone.now()
    due = OutboundEmail.objects.due(now, MAX_ATTEMPTS).filter(pk=message_id)
    message = due.first()
    if message is None:
        return None
    until = now + backoff(message.attempts + 1)
    if not due.filter(attempts=message.attempts).update(next_attempt_at=until):
        return None
    message.next_attempt_at = until
    return message


def deliver(message):
    """Try to send one message now; record success, or the error and when to try again; never raise."""
    message.attempts += 1
    try:
        send_mail(message.subject, message.body, None, [message.to])
    except Exception as error:  # any transport failure: keep the message for a retry
        logger.warning("E-mail %s failed (attempt %s): %s", message.pk, message.attempts, error)
        message.last_error = str(error)[:1000]
        message.next_attempt_at = timezone.now() + backoff(message.attempts)
        message.save(update_fields=["attempts", "last_error", "next_attempt_at"])
        return False
    message.sent_at, message.last_error, message.next_attempt_at = timezone.now(), "", None
    message.save(update_fields=["attempts", "sent_at", "last_error", "next_attempt_at"])
    return True


def retry_pending():
    """Send every pending message whose attempt is due; returns (sent, still failing)."""
    now = timezone.now()
    sent = failing = 0
    for message_id in OutboundEmail.objects.due(now, MAX_ATTEMPTS).order_by("created_at").values_list("pk", flat=True):
        message = claim(message_id, now)
        if message is None:
            continue
        if deliver(message):
            sent += 1
        else:
            failing += 1
    return sent, failing
