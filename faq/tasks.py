"""Background jobs of the Q&A service (Celery; the beat schedule is ``CELERY_BEAT_SCHEDULE`` in the settings)."""

from celery import shared_task

from core.jobs import enqueue

from . import outbox, reminders


@shared_task(bind=True, max_retries=outbox.MAX_ATTEMPTS)
def deliver_email(self, message_id):
    """Send one outbox message; when the mail server fails, try again at its backoff (``next_attempt_at``).

    Run in-process (no broker), a failure is not retried on the spot, which would hold the citizen's request
    through every attempt: the periodic sweep (``manage.py run_jobs`` or ``send_pending_emails``) retries it.
    """
    message = outbox.claim(message_id)
    if message is None or outbox.deliver(message):
        return
    if message.attempts < outbox.MAX_ATTEMPTS and not self.request.is_eager:
        raise self.retry(eta=message.next_attempt_at)


@shared_task
def send_pending_emails():
    """The sweep: messages whose job never reached the broker, or whose retry is due; returns (sent, failing)."""
    return outbox.retry_pending()


@shared_task
def send_deadline_reminders():
    """Reminders of questions and requests due within a working day or late (``faq.reminders``), each e-mail
    sent by its own job; returns how many e-mails were queued."""
    messages = reminders.send_due()
    for message in messages:
        enqueue(deliver_email, message.pk)
    return len(messages)
