"""Wagtail's stable pages API (v2), read-only, for generic page content; it filters by `?site=` itself.

Only the pages endpoint is mounted: v2's documents and images endpoints list every site's files with no
site filter (attachments of unpublished pages included), which the contract does not offer.
"""
import re

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

SITE_PARAMETER = re.compile(r"^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$")


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Stock v2 pages, with query values checked before they reach the database.

    PostgreSQL refuses text holding a NUL byte with an error of its own, which stock Wagtail turns into
    a 500; here such a value, or a ``site`` that is not ``host[:port]``, is a 400 naming the parameter.
    """

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in request.GET.items():
            if "\x00" in name or "\x00" in value:
                raise BadRequestError(f"query parameter '{name}' contains a NUL byte")
        site = request.GET.get("site")
        if site is not None and not SITE_PARAMETER.match(site):
            raise BadRequestError("query parameter 'site' must be a hostname, optionally with ':port'")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
