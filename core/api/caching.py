"""HTTP caching headers for API reads: Cache-Control on answers and errors; ETag/304 come from Django."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control

API_PREFIX = "/api/"
PUBLIC_MAX_AGE = 60


class ApiCacheControlMiddleware:
    """Marks successful anonymous API GETs as publicly cacheable for a minute, and errors as not storable.

    Django's ConditionalGetMiddleware, placed before this one, adds the ETag and answers a matching
    If-None-Match with 304. Errors say ``no-store`` because without any Cache-Control a shared cache may
    keep a 404 on its own heuristics, hiding a site or a record for a while after it is published.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX) and request.method in ("GET", "HEAD"):
            patch_cache_control(response, **cache_directives(request, response))
        return response


def cache_directives(request: HttpRequest, response: HttpResponseBase) -> dict[str, bool | int]:
    if response.status_code >= 400:
        return {"no_store": True}
    if response.status_code != 200 or response.has_header("Cache-Control"):
        return {}  # the view chose its own caching (a private tracking answer is never cached)
    if request.user.is_authenticated:
        return {"private": True, "no_cache": True}
    return {"public": True, "max_age": PUBLIC_MAX_AGE}
