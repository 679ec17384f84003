"""Serves a stored answer to an anonymous GET, or stores the fresh one when it is the same for everyone.

Placed right after WhiteNoise and Django's ConditionalGetMiddleware, so a hit skips sessions, CSRF,
authentication, site lookup, routing and rendering, while If-None-Match still gets its 304.

What is never served from or into the cache:
- requests carrying a session or messages cookie, or an Authorization header (editors, flash messages,
  API clients acting as someone), and paths under the admin prefixes;
- answers that set a cookie (every page with a form: Django re-sends the CSRF cookie its token belongs to),
  that say private/no-store/no-cache (tracking answers), that are not 200, that stream, or whose type is
  not text, JSON or XML.
"""

import hashlib
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import get_max_age, set_response_etag

from .generation import current, response_cache

STORED_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml")
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}


class ResponseCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.namespace = hashlib.sha1(str(settings.DATABASES["default"]["NAME"]).encode()).hexdigest()[:8]

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = self.key(request)
        if key is None:
            return self.get_response(request)
        store = response_cache()
        response = store.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if self.is_shared(response):
            set_response_etag(response)
            store.set(key, response, settings.RESPONSE_CACHE["TIMEOUT"])
        return response

    def key(self, request: HttpRequest) -> str | None:
        """Site (scheme and host), path and query, today's date and the generation token; None: not cached."""
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
        digest = hashlib.sha1(url.encode()).hexdigest()
        # date.today() is the portal's day: Django sets the process time zone to TIME_ZONE.
        return f"response:{self.namespace}:{current()}:{date.today().isoformat()}:{digest}"

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
