"""Security headers every answer carries: a Content-Security-Policy (one for the public, one for the admin)
and a Permissions-Policy.

Public pages run no inline script at all (the print buttons use ``static/cms/js/portal.js``), so their
policy allows scripts from the portal itself only, plus a per-request nonce for an inline script that a
template may one day need (``{{ request.csp_nonce }}``). Wagtail's admin writes inline scripts and style
attributes of its own that take no nonce, so ``/admin/`` gets a second policy that allows them, still
limited to the portal's origin. Settings: ``CONTENT_SECURITY_POLICY`` (public) and ``ADMIN_CSP_DIRECTIVES``.
"""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# Browser features no page of the portal uses; denied so that no injected content can use them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
        "browsing-topics",
    )
)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under ``/admin/``."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            return PolicyParts(settings.ADMIN_CSP_DIRECTIVES, parts.update, parts.replace, parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
