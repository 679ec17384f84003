"""A question's page in the inbox (its data, log and action forms) and retrying failed e-mails.

Each view loads its record from the sites the user handles (a 404 outside them, even if the middleware
were bypassed) and checks the permission on that record, not just on the model.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.log_actions import log

from multisite_config.record_views import HandledRecordMixin, RecordActionFormsMixin, RecordDetailView

from .. import outbox
from ..models import QuestionStatus
from .actions import ACTIONS, EMAIL_RETRY_LOG_ACTION

QUESTION_FIELDS = [
    "site",
    "status",
    "received_at",
    "due_at",
    "due_step",
    "reported_back_at",
    "name",
    "email",
    "phone",
    "publish_name",
    "topic",
    "title",
    "body",
    "is_complex",
    "unit",
    "answer",
    "answered_by",
    "refusal_reason",
    "paused_at",
    "pause_reason",
    "routing_paused_days",
    "answer_paused_days",
    "extension_days",
    "extension_reason",
    "published_at",
]
EMAIL_FIELDS = [
    "site",
    "kind",
    "subject_ref",
    "to",
    "subject",
    "body",
    "created_at",
    "attempts",
    "last_error",
    "next_attempt_at",
    "sent_at",
]

STATUS_LABELS = dict(QuestionStatus.choices)
STEP_LABELS = {"receive": gettext_lazy("Tiếp nhận"), **{action.name: action.label for action in ACTIONS}}


def event_row(event):
    """A log line with the Vietnamese names of the step and the states, as staff read them."""
    return {
        "event": event,
        "action": STEP_LABELS.get(event.action, event.action),
        "from_status": STATUS_LABELS.get(event.from_status, ""),
        "to_status": STATUS_LABELS.get(event.to_status, ""),
    }


class QuestionDetailView(RecordActionFormsMixin, RecordDetailView):
    fields = QUESTION_FIELDS

    def handled(self):
        return super().handled().select_related("site", "topic", "unit", "answered_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        question = self.object
        context.update(
            question=question,
            events=[event_row(event) for event in question.events.select_related("user")],
        )
        return context


class EmailDetailView(RecordDetailView):
    retry_url_name = None
    fields = EMAIL_FIELDS

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "retry_url_name": self.retry_url_name}


class EmailRetryView(HandledRecordMixin, View):
    """Send a failed e-mail again now (staff fixed the address or the mail server is back)."""

    http_method_names = ["post"]
    permission_required = "change"
    index_url_name = None
    edit_url_name = None

    def post(self, request, pk):
        message = self.get_object()
        if message.sent_at is not None:
            messages.info(request, _("Thư này đã được gửi."))
            return redirect(self.index_url_name)
        sent = outbox.deliver(message)
        log(
            message,
            EMAIL_RETRY_LOG_ACTION,
            user=request.user,
            data={"note": _("Đã gửi") if sent else message.last_error},
        )
        if sent:
            messages.success(request, _("Đã gửi lại thư tới %(to)s.") % {"to": message.to})
            return redirect(self.index_url_name)
        messages.error(request, _("Gửi lại không thành công: %(error)s") % {"error": message.last_error})
        return redirect(self.edit_url_name, pk)
