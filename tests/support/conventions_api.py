"""A test-only URLconf: a small API built with the shared conventions, in front of the real URLs.

/api/v1/ has no site-scoped or paginated endpoint yet, and none is invented for the public API. The
endpoints here are what the news, documents or questions routers will look like (``SiteQuery`` +
``resolve_site`` + ``@paginate``), assembled by the same ``portal_api`` factory as the public API, so
the tests exercise exactly the code those routers will reuse. Use with ``pytest.mark.urls(__name__)``.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path
from ninja import Schema
from ninja.pagination import paginate
from wagtail.models import Page, Site

from core.api.scoping import SiteQuery, resolve_site
from portal.api import portal_api
from portal.urls import urlpatterns as portal_urlpatterns

PREFIX = "/api/v1/_conventions/"

api = portal_api(title="Conventions (tests only)", version="test", urls_namespace="test-conventions")


class PageOut(Schema):
    id: int
    title: str


class SiteOut(Schema):
    id: int
    hostname: str


@api.get("/pages/", response=list[PageOut])
@paginate
def site_pages(request, scope: SiteQuery):
    """A site-scoped list: the pages under the site's root."""
    site = resolve_site(request, scope)
    return Page.objects.descendant_of(site.root_page, inclusive=True).order_by("path")


@api.get("/sites/", response=list[SiteOut])
@paginate
def all_sites(request):
    """A list longer than the default page (35 sites), to see the default limit at work."""
    return Site.objects.order_by("hostname")


@api.get("/forbidden/", include_in_schema=False)
def forbidden(request):
    raise PermissionDenied


@api.get("/crash/", include_in_schema=False)
def crash(request):
    raise RuntimeError("secret internals: /srv/portal/settings.py")


urlpatterns = [path(PREFIX.lstrip("/"), api.urls), *portal_urlpatterns]
