"""E-mails to askers and requesters: queued in the outbox inside the transaction, sent by a job after it commits.

A message is written to ``OutboundEmail`` together with the change that caused it; once the transaction
commits, a background job (``faq.tasks.deliver_email``) sends it. If the mail server fails, the question stays
saved, the message stays pending with its error (the admin shows it) and is tried again after a backoff
(``faq.outbox``). If the broker is down, the job is not queued and the periodic sweep
(``faq.tasks.send_pending_emails``, or ``manage.py send_pending_emails``) sends the message instead.
"""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from core.jobs import enqueue
from multisite_config.models import SiteProfile

from .models.outbox import OutboundEmail
from .models.questions import Question
from .tasks import deliver_email

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
    message = OutboundEmail.objects.create(**fields)
    transaction.on_commit(lambda: enqueue(deliver_email, message.pk))
    return message


def record_context(record):
    if isinstance(record, Question):
        return {"question": record, "track_url": tracking_url(record)}
    return {"info_request": record, "track_url": tracking_url(record)}


def tracking_url(record):
    """The public tracking page of a question or a request, on its own site, with its code filled in."""
    path = "/hoi-dap/tra-cuu/" if isinstance(record, Question) else reverse("information-request-track")
    return f"{record.site.root_url}{path}?ma={record.display_code}"
