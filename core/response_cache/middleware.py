"""Serves a stored answer to an anonymous GET, or stores the fresh one with the tags of what it shows.

Placed right after WhiteNoise and Django's ConditionalGetMiddleware, so a hit skips sessions, CSRF,
authentication, site lookup, routing and rendering, while If-None-Match still gets its 304.

Every answer that may be shared leaves with the tags it shows (``RESPONSE_CACHE["TAG_HEADER"]``, ``xkey``
for Varnish) and ``s-maxage`` up to the next moment the clock changes it, so the shared cache in front keeps
it exactly as long as this one and drops it on the same purges.

What is never served from or into the cache:
- requests carrying a session or messages cookie, or an Authorization header (editors, flash messages,
  API clients acting as someone), and paths under the admin prefixes;
- answers that set a cookie (every page with a form: Django re-sends the CSRF cookie its token belongs to),
  that say private/no-store/no-cache (tracking answers), that are not 200, that stream, or whose type is
  not text, JSON or XML.
"""

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control, set_response_etag

from . import clock, store, tags

STORED_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml")
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
# Says whether this node's cache answered: the benchmark counts hits by it (Varnish adds its own X-Cache).
OUTCOME_HEADER = "X-Portal-Cache"


class ResponseCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = self.key(request)
        if key is None:
            return self.get_response(request)
        found = store.get(key)
        if found is not None:
            response, expires_at = found
            keep_for(response, max(int(expires_at - timezone.now().timestamp()), 0))
            response[OUTCOME_HEADER] = "hit"
            return response
        started = time.time()
        with tags.collecting() as shown:
            response = self.get_response(request)
        if not self.is_shared(response):
            return response
        shown |= {tags.ALL} | site_tags(request)
        response[settings.RESPONSE_CACHE["TAG_HEADER"]] = " ".join(sorted(shown))
        response[OUTCOME_HEADER] = "miss"
        set_response_etag(response)
        seconds = clock.seconds_to_keep()
        stored = seconds > 0 and store.put(key, response, shown, started, seconds)
        # Rendered while something it shows was purged: it may hold the old rows, so no cache keeps it.
        keep_for(response, seconds if stored else 0)
        return response

    def key(self, request: HttpRequest) -> str | None:
        """Site (scheme and host), path and query; None when the request is not answered from the cache."""
        config = settings.RESPONSE_CACHE
        if not config["ENABLED"] or request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
            return None
        if request.path.startswith(config["EXCLUDED_PREFIXES"]):
            return None
        if any(name in request.COOKIES for name in config["PERSONAL_COOKIES"]):
            return None
        try:
            host = request.get_host().lower()
        except DisallowedHost:
            return None  # the views below answer it with their own 400
        url = f"{request.scheme}://{host}{request.get_full_path()}"
        return f"response:{store.namespace()}:{hashlib.sha1(url.encode()).hexdigest()}"

    def is_shared(self, response: HttpResponseBase) -> bool:
        """True when the answer is the same for every anonymous visitor and may be kept.

        ``Vary: Cookie`` alone does not forbid it: reading the (empty) session of a visitor without a session
        cookie adds it, and visitors with one never reach the cache. A page with a CSRF token is refused by its
        cookie: Django sends the token's cookie with every answer that used the token.
        """
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if not response.get("Content-Type", "").startswith(STORED_TYPES):
            return False
        directives = {part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")}
        return not (directives & UNCACHEABLE_DIRECTIVES) and get_max_age(response) != 0


def site_tags(request: HttpRequest) -> set[str]:
    """The site the answer was about, when a view looked it up (Wagtail keeps it on the request)."""
    site = getattr(request, "_wagtail_site", None)
    return {tags.site(site.pk)} if site is not None else set()


def keep_for(response: HttpResponseBase, seconds: int) -> None:
    """How long caches may keep the answer: browsers revalidate pages (API answers keep their minute)."""
    if get_max_age(response) is None:
        patch_cache_control(response, public=True, max_age=0)
    patch_cache_control(response, public=True, s_maxage=seconds)
