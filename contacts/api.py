"""`/api/v1/contacts/` and `/api/v1/reception/`: a site's official contacts and its citizen reception.

Both are scoped to one site (``?site=`` or the Host header) and read through ``contacts.directory``, the same
functions as the HTML pages, so a province's data never shows under another and the query count stays flat.
"""

from ninja import Router
from ninja.pagination import paginate

from core.api.errors import problem_responses
from core.api.scoping import SiteQuery, resolve_site

from .directory import site_reception, site_units
from .schemas import ReceptionOut, UnitOut

contacts_router = Router(tags=["Liên hệ"])
reception_router = Router(tags=["Tiếp công dân"])


@contacts_router.get(
    "/", response={200: list[UnitOut], **problem_responses(400, 404)}, summary="Đơn vị và lãnh đạo của trang"
)
@paginate
def list_units(request, scope: SiteQuery):
    """The site's units (the office, departments, local offices) with address, phone, fax, e-mail, website and
    leaders: official contacts, public by law (seed 002, art. 11)."""
    return site_units(resolve_site(request, scope))


@reception_router.get(
    "/",
    response={200: ReceptionOut, **problem_responses(400, 404)},
    summary="Tiếp công dân: nội quy, địa điểm, thời gian, lịch",
)
def reception(request, scope: SiteQuery):
    """The site's citizen reception rules, place, regular hours and the leaders' upcoming schedule (seed 004)."""
    return site_reception(resolve_site(request, scope))
