"""What a write to the Q&A records purges (``core/response_cache/invalidation.py``).

A question shows publicly only once published: a question received, routed or answered but not yet
published is in no public list, so submitting one purges nothing. Publishing it (and any later change to
a published one: a correction, a vote) purges its site's Q&A list and answer page; so does withdrawing it.
Information requests, their steps and the questions' steps are never public.
"""

from core.response_cache import tags
from core.response_cache.invalidation import register

from .models import InformationRequest, InformationRequestEvent, QaSettings, Question, QuestionEvent
from .models.questions import QuestionStatus


def question_tags(question: Question) -> list[str]:
    if question.status != QuestionStatus.PUBLISHED:
        return []
    return [tags.listing("qa", question.site_id)]


def private(_record: object) -> list[str]:
    return []


def connect() -> None:
    register(Question, question_tags)
    register(QaSettings, lambda settings: [tags.listing("qa", settings.site_id)])
    for model in (InformationRequest, InformationRequestEvent, QuestionEvent):
        register(model, private)
