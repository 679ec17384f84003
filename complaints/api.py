"""``/api/v1/complaints/``: where a complaint, denunciation, petition or feedback case stands, by its code.

Scoped like every resource (``?site=`` or the Host header): a case is found on the site handling it now or on
a site that received it and sent it on, so the citizen's code keeps working after a transfer. Every lookup
counts against the client's rate limit, so codes cannot be guessed in bulk; the answer is never cached.
"""

from django.views.decorators.cache import never_cache
from ninja import Router
from ninja.decorators import decorate_view

from core.api.errors import problem_responses
from core.api.scoping import SiteQuery
from faq.tracking import tracked_record

from .models import ComplaintCase
from .schemas import CaseTrackingOut

complaints_router = Router(tags=["Khiếu nại, tố cáo"])


@complaints_router.get(
    "/track/{tracking_code}/",
    response={200: CaseTrackingOut, **problem_responses(400, 404, 429)},
    summary="Tra cứu tình trạng đơn khiếu nại, tố cáo, kiến nghị, phản ánh",
)
@decorate_view(never_cache)
def track_case(request, tracking_code: str, scope: SiteQuery):
    """Status and dates only: no content, no personal data. Codes are accepted as typed (``abcde-fghjk``)."""
    return tracked_record(
        request,
        scope,
        tracking_code,
        find=ComplaintCase.objects.tracked,
        missing="Không có đơn nào mang mã tra cứu này trên trang.",
    )
