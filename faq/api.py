"""`/api/v1/questions/`: the published answers of a site, the question form, and tracking by code.

Questions enter through ``faq.transitions.submit`` like those of the HTML form, so the deadline, the log
and the acknowledgement e-mail are the same whichever door a question comes in by.
"""

from django.http import Http404
from django.views.decorators.cache import never_cache
from ninja import Query, Router, Status
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from core.abuse import check_rate
from core.api.errors import problem_responses
from core.api.scoping import SiteQuery, resolve_site
from core.api.submissions import json_only, too_many_requests
from multisite_config.topics import find_topic

from . import transitions
from .models import Question, QuestionStatus
from .models.tracking import normalise_code
from .schemas import PublishedQuestionOut, QuestionFilter, QuestionIn, QuestionReceipt, TrackingOut, answer_url

router = Router(tags=["Hỏi đáp"])


@router.get(
    "/",
    response={200: list[PublishedQuestionOut], **problem_responses(400, 404)},
    summary="Câu hỏi đã được trả lời và đăng công khai",
)
@paginate
def list_questions(request, filters: Query[QuestionFilter]):
    """Published questions and answers of a site, the most recently published first."""
    site = resolve_site(request, filters)
    questions = (
        Question.objects.published().filter(site=site).select_related("site", "topic").order_by("-published_at", "-pk")
    )
    if filters.q:
        questions = questions.search(filters.q)
    if filters.topic:
        questions = questions.filter(topic=find_topic(filters.topic, "query"))
    return questions


@router.post("/", response={201: QuestionReceipt, **problem_responses(400, 404, 413, 415, 429)}, summary="Gửi câu hỏi")
@decorate_view(json_only)
def submit_question(request, scope: SiteQuery, payload: QuestionIn):
    """A question to the site: 201 with the tracking code the asker uses to follow it.

    Only a well-formed question counts against the client's rate limit, so someone correcting a typo is
    not locked out; a malformed one is refused before anything is stored.
    """
    site = resolve_site(request, scope)
    topic = find_topic(payload.topic, "body") if payload.topic else None
    throttled = check_rate(request, "question")
    if throttled:
        return too_many_requests(throttled)
    question = transitions.submit(
        site,
        name=payload.name,
        email=payload.email,
        phone=payload.phone or "",
        topic=topic,
        title=payload.title,
        body=payload.body,
        publish_name=payload.publish_consent,
    )
    return Status(
        201,
        QuestionReceipt(
            tracking_code=question.display_code,
            status=question.status,
            received_at=question.received_at,
            due_by=question.due_at,
        ),
    )


@router.get(
    "/track/{tracking_code}/",
    response={200: TrackingOut, **problem_responses(400, 404, 429)},
    summary="Tra cứu tình trạng câu hỏi",
)
@decorate_view(never_cache)
def track_question(request, tracking_code: str, scope: SiteQuery):
    """Where a question stands. Codes are accepted as typed (``abcde-fghjk``).

    Every lookup counts against the client's rate limit, so codes cannot be guessed in bulk; the answer
    is never cached, as it concerns one person's question.
    """
    site = resolve_site(request, scope)
    throttled = check_rate(request, "track")
    if throttled:
        return too_many_requests(throttled)
    question = (
        Question.objects.filter(site=site, tracking_code=normalise_code(tracking_code)).select_related("site").first()
    )
    if question is None:
        raise Http404("Không có câu hỏi nào mang mã tra cứu này trên trang.")
    return tracking(question)


def tracking(question):
    published = question.status == QuestionStatus.PUBLISHED
    return TrackingOut(
        tracking_code=question.display_code,
        status=question.status,
        status_label=question.get_status_display(),
        received_at=question.received_at,
        due_by=question.due_at if question.is_open else None,
        paused=question.paused_at is not None,
        pause_reason=question.pause_reason if question.paused_at else None,
        refusal_reason=question.refusal_reason if question.status == QuestionStatus.REFUSED else None,
        answer=question.answer if published else None,
        published_at=question.published_at if published else None,
        url=answer_url(question) if published else None,
    )
