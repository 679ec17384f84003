"""Questions from the public and requests for information, each belonging to one site."""

from .information_requests import (
    DeliveryForm,
    InformationCategory,
    InformationRequest,
    InformationRequestEvent,
    RefusalReason,
    RequestChannel,
    RequestStatus,
)
from .outbox import OutboundEmail
from .pages import QuestionIndexPage
from .questions import QaSettings, Question, QuestionEvent, QuestionStatus
from .reminders import Reminder, ReminderKind
from .tracking import tracking_code

__all__ = [
    "DeliveryForm",
    "InformationCategory",
    "InformationRequest",
    "InformationRequestEvent",
    "OutboundEmail",
    "QaSettings",
    "Question",
    "QuestionEvent",
    "QuestionIndexPage",
    "QuestionStatus",
    "RefusalReason",
    "Reminder",
    "RequestChannel",
    "ReminderKind",
    "RequestStatus",
    "tracking_code",
]
