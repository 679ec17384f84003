"""E-mails to askers and requesters: queued in the outbox inside the transaction, sent after it commits.

A message is written to ``OutboundEmail`` together with the change that caused it, then sent once the
transaction commits. If the mail server fails, the question stays saved, the message stays pending with
its error, the admin shows it, and ``manage.py send_pending_emails`` (or the next notification) retries.
"""

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from multisite_config.models import SiteProfile

from .models.outbox import OutboundEmail
from .models.questions import Question

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
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
    message = OutboundEmail.objects.create(
        site=record.site,
        kind=kind,
        subject_ref=record.tracking_code,
        to=record.email,
        subject=SUBJECTS[kind].format(code=record.display_code),
        body=render_to_string(f"faq/emails/{kind}.txt", context),
    )
    transaction.on_commit(lambda: deliver(message))
    return message


def record_context(record):
    if isinstance(record, Question):
        return {"question": record, "track_url": tracking_url(record)}
    return {"info_request": record}


def tracking_url(question):
    return f"{question.site.root_url}/hoi-dap/tra-cuu/?ma={question.display_code}"


def deliver(message):
    """Try to send one message; record success or the error, never raise."""
    message.attempts += 1
    try:
        send_mail(message.subject, message.body, None, [message.to])
    except Exception as error:  # any transport failure: keep the message for a retry
        logger.warning("E-mail %s to %s failed: %s", message.pk, message.to, error)
        message.last_error = str(error)[:1000]
        message.save(update_fields=["attempts", "last_error"])
        return False
    message.sent_at, message.last_error = timezone.now(), ""
    message.save(update_fields=["attempts", "sent_at", "last_error"])
    return True


def retry_pending():
    """Send every pending message that has attempts left; returns (sent, still failing)."""
    sent = failing = 0
    for message in OutboundEmail.objects.pending().filter(attempts__lt=MAX_ATTEMPTS).order_by("created_at"):
        if deliver(message):
            sent += 1
        else:
            failing += 1
    return sent, failing
