"""Site scoping for API lists and submissions: ``?site=<hostname>`` or the request's Host header.

A site-scoped endpoint takes ``scope: SiteQuery`` (or a filter schema that subclasses ``SiteFilter``)
and calls ``resolve_site(request, scope)``.
"""

from typing import Annotated

from django.http import Http404, HttpRequest
from ninja import Query, Schema
from pydantic import Field, StringConstraints
from wagtail.models import Site

# Letters, digits, dots and hyphens only: anything else (a NUL byte, "%ff", spaces) is a 400 naming
# ``site`` before it reaches the database, where some backends reject it with an error of their own.
Hostname = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, max_length=253, pattern=r"^[A-Za-z0-9.-]+$"),
]


class SiteFilter(Schema):
    """The query parameter every site-scoped endpoint takes."""

    site: Hostname | None = Field(
        None,
        description="Tên miền của trang, ví dụ `hanoi.localhost`; mặc định theo Host.",
    )


def resolve_site(request: HttpRequest, scope: SiteFilter | None = None) -> Site:
    """The site a request is about; an unknown ``?site=`` is a 404, never a silent fallback. It is kept on the
    request (``api_site``) for the absolute addresses of the answer's files (``core.api.fields.file_url``)."""
    if scope is not None and scope.site is not None:
        site = Site.objects.filter(hostname=scope.site).select_related("root_page").first()
        if site is None:
            raise Http404(f"Không có trang nào mang tên miền “{scope.site}”.")
    else:
        site = Site.find_for_request(request)
        if site is None:
            raise Http404("Không xác định được trang.")
    request.api_site = site  # type: ignore[attr-defined]
    return site


SiteQuery = Query[SiteFilter]
