"""`/api/v1/ratings/`: an anonymous satisfaction rating, and the summary of a site's (or one target's) ratings.

A rating enters through ``submissions`` like the widget's, so the once-a-day rule and the abuse limits are the
same whichever door it comes in by. Only a well-formed rating counts against the client's rate limit; a target
that is not rateable on the site is a 404 naming ``target``, a second rating of it the same day a 409 naming it;
nothing is stored in either case.
"""

from ninja import Query, Router, Status
from ninja.decorators import decorate_view

from core.abuse import check_rate
from core.api.errors import problem, problem_responses
from core.api.scoping import SiteQuery, resolve_site
from core.api.submissions import json_only, too_many_requests
from core.response_cache import tags

from . import submissions, targets
from .models import Level, Rating
from .schemas import RatingIn, RatingReceipt, SummaryFilter, SummaryOut

router = Router(tags=["Đánh giá mức độ hài lòng"])
UNKNOWN_TARGET = "Không có nội dung được đánh giá này trên trang (thủ tục, văn bản, tin bài, trang hoặc câu trả lời)."


def unknown_target():
    return problem(404, "Không tìm thấy nội dung được đánh giá.", {"target": [UNKNOWN_TARGET]})


@router.post(
    "/",
    response={201: RatingReceipt, **problem_responses(400, 404, 409, 413, 415, 429)},
    summary="Gửi đánh giá mức độ hài lòng",
)
@decorate_view(json_only)
def submit_rating(request, scope: SiteQuery, payload: RatingIn):
    """An anonymous rating of a procedure, a published answer or a page of the site: 201.

    One rating per target and client a day (409 after that); past the rate limit, 429 with `Retry-After`.
    """
    site = resolve_site(request, scope)
    throttled = check_rate(request, "satisfaction")
    if throttled:
        return too_many_requests(throttled)
    target = targets.find(site, payload.target)
    if target is None:
        return unknown_target()
    if not submissions.first_rating_today(request, site, target):
        return problem(409, "Đã đánh giá nội dung này hôm nay.", {"target": [submissions.ALREADY_RATED]})
    rating = submissions.record(site, target, payload.level, payload.comment or "")
    return Status(201, rating)


@router.get(
    "/summary/",
    response={200: SummaryOut, **problem_responses(400, 404)},
    summary="Tổng hợp mức độ hài lòng",
)
def rating_summary(request, filters: Query[SummaryFilter]):
    """Counts per level, the total and the share satisfied of a site's ratings, or of one target's."""
    site = resolve_site(request, filters)
    tags.shows(tags.listing("ratings", site.pk))
    ratings = Rating.objects.filter(site=site)
    target = None
    if filters.target:
        found = targets.find(site, filters.target)
        if found is None:
            return unknown_target()
        target = found.key
        ratings = ratings.filter(target=target)
    figures = submissions.counts(ratings)
    return {
        "site": site.hostname,
        "target": target,
        "levels": [
            {"level": level, "label": str(level.label), "count": figures["levels"][level.value]} for level in Level
        ],
        "total": figures["total"],
        "satisfied_share": figures["satisfied_share"],
    }
