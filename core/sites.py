"""The site a request is for, looked up once per host and kept until a site or its home page changes.

Wagtail finds it with a query on every request (``Site.find_for_request``), and compiling that query (an
annotated ``CASE`` ordering) costs more than running it: about a third of the work of an uncached home page.
The answer changes only when a site is added, removed or edited (a write to ``Site`` purges ``all``) or its home
page is republished or moved (``site-<id>``), so it is kept as a response cache fragment under those tags and
set on the request before any view asks Wagtail for it.

Only a host that names a site is kept: any other host falls back to the default site and is looked up each
time, so made-up host names never fill the store.
"""

import hashlib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from .response_cache import fragments, tags


class SiteLookupMiddleware:
    """Sets ``request._wagtail_site``, where ``Site.find_for_request`` looks first; placed after the response cache,
    so a stored answer needs no site at all."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if fragments.enabled() and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = find_site(request)  # type: ignore[attr-defined]
        return self.get_response(request)


def find_site(request: HttpRequest) -> Site | None:
    """What ``Site.find_for_request`` answers, from the store while the site and its home page are unchanged."""
    # As Wagtail reads it: without the ALLOWED_HOSTS check (a private method, missing from the type stubs).
    hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]
    port = request.get_port()
    return fragments.fragment(
        "site-for-" + hashlib.sha1(f"{hostname}:{port}".encode()).hexdigest(),  # a host name may be 253 long
        lambda: lookup(hostname, port),
        keep=lambda site: site is not None and site.hostname == hostname,
    )


def lookup(hostname: str, port: str) -> Site | None:
    try:
        site: Site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    tags.shows(tags.site(site.pk))
    return site
