"""Questions from the public and requests for information, each belonging to one site."""
from .outbox import OutboundEmail
from .questions import QaSettings, Question, QuestionEvent, QuestionStatus, tracking_code

__all__ = ["OutboundEmail", "QaSettings", "Question", "QuestionEvent", "QuestionStatus", "tracking_code"]
