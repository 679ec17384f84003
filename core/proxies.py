"""Who the client is, when the portal sits behind reverse proxies that only ``TRUSTED_PROXIES`` names.

``X-Forwarded-For`` and ``X-Forwarded-Proto`` are believed only when the connection comes from a trusted
proxy; from anyone else they are removed before any other code reads them, so a citizen cannot choose the
address that rate limits and lockouts count against, nor claim HTTPS. ``TRUSTED_PROXIES`` is a
comma-separated list of addresses or networks (``10.0.0.0/8,127.0.0.1``); empty means no proxy: the
client is ``REMOTE_ADDR``.
"""

import ipaddress
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_REAL_IP")


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=True) for entry in entries)


def is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request: HttpRequest) -> str | None:
    """The first address, from the right of ``X-Forwarded-For``, that is not one of our trusted proxies.

    It is also django-axes' ``AXES_CLIENT_IP_CALLABLE``, which stores it in an address column.

    Walking from the right means a client that sends its own ``X-Forwarded-For`` only adds entries to the
    left of what our proxies appended, which are never reached while a trusted proxy precedes them.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(remote):
        return remote or None  # None: a request built in code (a test's force_login), not a connection
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted_proxy(hop):
            return hop
    return remote


class TrustedProxyMiddleware:
    """Drops forwarding headers that did not come from a trusted proxy (first in the middleware list)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)
