"""Sending the outbox: one attempt at a time, a backoff between failed attempts, never one message twice.

A failed message is tried again after a backoff that doubles each time (1, 2, 4 … minutes, at most an hour), up
to ``MAX_ATTEMPTS`` attempts (about two hours); past them it stays pending and visible in the admin, where staff
send it again. ``claim`` hands each attempt to one sender only: the job of the message, the periodic sweep and a
job delivered twice may all reach for it at once.
"""

import datetime as dt
import logging

from django.core.mail import send_mail
from django.utils import timezone

from .models.outbox import OutboundEmail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
FIRST_BACKOFF = dt.timedelta(minutes=1)
LONGEST_BACKOFF = dt.timedelta(hours=1)


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
