"""What a load balancer and an operator ask a node: is the process alive (``/healthz``), can it serve (``/readyz``).

``/healthz`` answers 200 from the process alone, with no query: a node whose database is down is alive, and
restarting it would not help. ``/readyz`` runs django-health-check's checks of what a request needs: the
database, the default storage (a file written and deleted), Redis when ``REDIS_URL`` is set (a PING: the cache
itself hides an outage, by design, ``core/caches.py``) and the Celery broker when there is one (a connection
opened and closed; not the in-process ``memory://`` of ``make run``). It answers 200, or 503 with each failing
part named, as JSON (``Accept: text/plain`` gets the same as lines of text).

Both are answered by ``ProbeMiddleware``, placed before anything that reads the Host header or the site: a load
balancer calls a node by its address, which ``ALLOWED_HOSTS`` does not list and no site is named after, and over
plain HTTP, which production would redirect. Neither is kept by any cache. ``settings.PROBE_VIEWS`` names the
views it answers this way (the project adds its ``/metrics``, which Prometheus scrapes the same way).
"""

import dataclasses
import datetime
import urllib.parse
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import redis.asyncio
from asgiref.sync import async_to_sync
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.module_loading import import_string
from health_check.base import HealthCheck
from health_check.checks import Database, Storage
from health_check.contrib.redis import Redis
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

# Seconds a dependency has to answer before it counts as down: a probe must answer well within the load
# balancer's own timeout.
PROBE_TIMEOUT = 2.0


@dataclasses.dataclass
class Broker(HealthCheck):
    """The Celery broker accepts a connection (kombu, the transport Celery itself uses: Redis or RabbitMQ).

    Whether a worker runs is not asked: a node that can queue jobs is ready even while the workers restart.
    """

    url: str = dataclasses.field(repr=False)
    timeout = datetime.timedelta(seconds=PROBE_TIMEOUT)

    def __repr__(self) -> str:
        parts = urllib.parse.urlsplit(self.url)
        return f"Broker(scheme={parts.scheme!r}, host={parts.hostname!r}, port={parts.port!r})"

    def run(self) -> None:
        from kombu import Connection  # with Celery: only a node given CELERY_BROKER_URL has it to check

        connection = Connection(self.url, connect_timeout=PROBE_TIMEOUT)
        try:
            connection.ensure_connection(max_retries=0, timeout=PROBE_TIMEOUT)  # 0: one try, no retry
        except Exception as error:  # kombu raises the transport's own errors (redis, amqp, socket)
            raise ServiceUnavailable(f"broker unreachable ({type(error).__name__})") from error
        finally:
            connection.release()


def redis_client(url: str) -> Callable[[], redis.asyncio.Redis]:
    return lambda: redis.asyncio.Redis.from_url(url, socket_connect_timeout=PROBE_TIMEOUT, socket_timeout=PROBE_TIMEOUT)


class ReadyView(HealthCheckView):
    """django-health-check's view with the checks this node's settings call for, and 503 (not 500) when one
    fails: the node is fine, what it depends on is not, and a load balancer reads 503 as "not now"."""

    def get_checks(self) -> Iterator[HealthCheck]:
        yield Database()
        yield Storage()
        if settings.REDIS_URL:
            yield Redis(client_factory=redis_client(settings.REDIS_URL))
        broker = getattr(settings, "CELERY_BROKER_URL", "")
        if broker and not getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):  # memory://: jobs run in-process
            yield Broker(url=broker)

    async def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            response.status_code = 503
        return response

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        """JSON where the library would render its HTML page (a browser, ``curl`` without ``Accept``)."""
        return self.render_to_response_json(kwargs.get("status", 200))


def healthz(request: HttpRequest) -> HttpResponse:
    response = JsonResponse({"status": "ok"})
    add_never_cache_headers(response)
    return response


readyz = async_to_sync(ReadyView.as_view())


@cache
def probe_views(paths: tuple[tuple[str, str], ...]) -> dict[str, Callable[[HttpRequest], HttpResponseBase]]:
    return {path: import_string(view) for path, view in paths}


class ProbeMiddleware:
    """Answers the paths of ``settings.PROBE_VIEWS`` before the Host header, the site, sessions or HTTPS are looked
    at (placed right after ``TrustedProxyMiddleware``); every other request goes on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        probe = probe_views(tuple(settings.PROBE_VIEWS.items())).get(request.path_info.rstrip("/") or "/")
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe(request)
        return self.get_response(request)
