"""`/api/v1/questions/` (the published answers of a site, the question form, tracking by code) and
`/api/v1/information-requests/` (a request under the Law on Access to Information, art. 24, and tracking it
by code).

Questions and requests enter through ``faq.transitions.submit`` and ``faq.information_requests.submit`` like
those of the HTML forms, so the deadline, the log and the acknowledgement e-mail are the same whichever door
they come in by. Both POSTs refuse what is not JSON and unknown fields, bound every field, and count only
well-formed submissions against the client's rate limit; their answers carry the tracking code and the
deadline, never the sender's personal data.
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
from core.ids import normalise_code
from core.response_cache import tags
from multisite_config.topics import find_topic

from . import information_requests, transitions
from .models import InformationRequest, Question
from .schemas import (
    InformationRequestIn,
    InformationRequestReceipt,
    InformationRequestTrackingOut,
    PublishedQuestionOut,
    QuestionFilter,
    QuestionIn,
    QuestionReceipt,
    TrackingOut,
)
from .tracking import tracked_record

questions_router = Router(tags=["Hỏi đáp"])
information_requests_router = Router(tags=["Yêu cầu cung cấp thông tin"])
# Operations that came from the app's former API modules keep the ``operation_id`` they were published with:
# clients generated from the schema name their methods after it.


@questions_router.get(
    "/",
    response={200: list[PublishedQuestionOut], **problem_responses(400, 404)},
    summary="Câu hỏi đã được trả lời và đăng công khai",
)
@paginate
def list_questions(request, filters: Query[QuestionFilter]):
    """Published questions and answers of a site, the most recently published first."""
    site = resolve_site(request, filters)
    tags.shows(tags.listing("qa", site.pk))
    questions = (
        Question.objects.published().filter(site=site).select_related("site", "topic").order_by("-published_at", "-pk")
    )
    if filters.q:
        questions = questions.search(filters.q)
    if filters.topic:
        questions = questions.filter(topic=find_topic(filters.topic, "query"))
    return questions


@questions_router.post(
    "/", response={201: QuestionReceipt, **problem_responses(400, 404, 413, 415, 429)}, summary="Gửi câu hỏi"
)
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
    return Status(201, question)


@questions_router.get(
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
    return question


@information_requests_router.post(
    "/",
    response={201: InformationRequestReceipt, **problem_responses(400, 404, 413, 415, 429)},
    operation_id="faq_api_requests_submit_request",
    summary="Gửi yêu cầu cung cấp thông tin",
)
@decorate_view(json_only)
def submit_request(request, scope: SiteQuery, payload: InformationRequestIn):
    """A request to the site named by `?site=` or the Host header: 201 with its code and deadline.

    Answered within 3 working days of receipt, or the requester is told within those 3 days that the
    answer needs up to 15 (art. 30). Past the rate limit: 429 with `Retry-After`.
    """
    site = resolve_site(request, scope)
    throttled = check_rate(request, "information_request")
    if throttled:
        return too_many_requests(throttled)
    info_request = information_requests.submit(site, **payload.dict())
    return Status(201, info_request)


@information_requests_router.get(
    "/track/{tracking_code}/",
    response={200: InformationRequestTrackingOut, **problem_responses(400, 404, 429)},
    summary="Tra cứu tình trạng yêu cầu cung cấp thông tin",
)
@decorate_view(never_cache)
def track_request(request, tracking_code: str, scope: SiteQuery):
    """Where a request stands: status and dates only, no content and no personal data. Codes are accepted as
    typed (``abcde-fghjk``, ``ABCDEFGHJK``); a request is found only on the site that received it.

    Every lookup counts against the client's rate limit, so codes cannot be guessed in bulk; the answer is
    never cached, as it concerns one person's request.
    """
    return tracked_record(
        request,
        scope,
        tracking_code,
        find=InformationRequest.objects.tracked,
        missing="Không có yêu cầu cung cấp thông tin nào mang mã này trên trang.",
    )
