"""One door for a rating, whichever way it comes (the widget under a page, ``POST /api/v1/ratings/``).

Abuse limits, as for the other public POSTs (``core.abuse``): the caller counts the attempt against the
client's rate limit (``satisfaction``), and a client rates one target of a site once a day (a repeat is
refused, nothing stored), counted in the shared counters so every worker and node agrees. The client's address
is only ever a counter key that expires; it is never stored with the rating.
"""

from django.db.models import Count, Q

from core.abuse import first_time

from .models import SATISFIED_LEVELS, Level, Rating
from .targets import Target

ONCE_PER_SECONDS = 24 * 3600
ALREADY_RATED = "Ông/Bà đã đánh giá nội dung này hôm nay; mỗi nội dung chỉ được đánh giá một lần trong ngày."


def first_rating_today(request, site, target: Target) -> bool:
    return first_time(request, f"satisfaction:{site.pk}:{target.key}", ONCE_PER_SECONDS)


def record(site, target: Target, level: str, comment: str) -> Rating:
    return Rating.objects.create(site=site, target=target.key, target_title=target.title, level=level, comment=comment)


def counts(ratings) -> dict:
    """Counts per level, the total and the share satisfied ("Rất hài lòng" + "Hài lòng", in %, one decimal;
    None when nothing was rated) of a queryset of ratings, in one query."""
    figures = ratings.aggregate(
        **{level.value: Count("pk", filter=Q(level=level)) for level in Level},
        total=Count("pk"),
    )
    return {
        "levels": {level.value: figures[level.value] for level in Level},
        "total": figures["total"],
        "satisfied_share": share(sum(figures[level.value] for level in SATISFIED_LEVELS), figures["total"]),
    }


def share(part: int, total: int) -> float | None:
    return round(100 * part / total, 1) if total else None
