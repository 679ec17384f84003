"""Prometheus metrics at ``/metrics``, for internal addresses only (``METRICS_ALLOWED_NETWORKS``).

Counted while serving, in this process: requests by status and view and their latencies (django-prometheus'
middleware), and the response cache's hits and misses (``vss_response_cache_total``, read from the header the
cache sets, ``X-Portal-Cache``). Read at scrape time, one query or one Redis command each: mail waiting in the
outbox, late questions and information requests per site, and the length of the Celery queue when the broker is
Redis. They live here, in the project, because they read the apps' models (core imports no app).

With several gunicorn workers each has its own counters: see README "Health and metrics" for
``PROMETHEUS_MULTIPROC_DIR``. The scrape-time gauges come from the database and the broker, so any worker
gives the same answer.
"""

import ipaddress
import logging
import urllib.parse
from collections.abc import Callable, Iterator
from functools import lru_cache

import prometheus_client
import redis
from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotFound
from django.utils.cache import add_never_cache_headers
from django_prometheus.exports import ExportToDjangoView
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from wagtail.models import Site

from core.caches import once_a_minute
from core.proxies import client_address
from core.response_cache.middleware import OUTCOME_HEADER
from faq.models import InformationRequest, OutboundEmail, Question

logger = logging.getLogger(__name__)

RESPONSE_CACHE = prometheus_client.Counter(
    "vss_response_cache", "Answers to anonymous GETs by this node's response cache, by outcome.", ["outcome"]
)
for _outcome in ("hit", "miss"):  # both series from the start: a rate over a missing series is no data
    RESPONSE_CACHE.labels(outcome=_outcome)


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def is_internal(request: HttpRequest) -> bool:
    """The client (behind a trusted proxy: the one it forwarded for) is in ``METRICS_ALLOWED_NETWORKS``."""
    try:
        address = ipaddress.ip_address(client_address(request) or "")
    except ValueError:
        return False
    return any(address in network for network in _networks(tuple(settings.METRICS_ALLOWED_NETWORKS)))


def metrics(request: HttpRequest) -> HttpResponseBase:
    """The counters of this process (or of every worker, ``PROMETHEUS_MULTIPROC_DIR``), then the gauges read
    now; a 404 to anyone outside the allowed networks, as if there were nothing here."""
    if not is_internal(request):
        return HttpResponseNotFound()
    counted = ExportToDjangoView(request)
    response = HttpResponse(
        counted.content + prometheus_client.generate_latest(SCRAPED), content_type=prometheus_client.CONTENT_TYPE_LATEST
    )
    add_never_cache_headers(response)
    return response


class ResponseCacheMetricsMiddleware:
    """Counts the outcome the response cache wrote on each answer (placed above it, so hits pass here too)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if outcome := response.get(OUTCOME_HEADER):
            RESPONSE_CACHE.labels(outcome=outcome).inc()
        return response


class BacklogCollector(Collector):
    """Gauges read at scrape time: the outbox, late questions and requests per site, the broker's queue."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        yield GaugeMetricFamily(
            "vss_outbox_pending", "E-mails in the outbox not sent yet.", value=OutboundEmail.objects.pending().count()
        )
        yield self.late_per_site("vss_questions_late", "Open questions past their deadline, by site.", Question)
        yield self.late_per_site(
            "vss_information_requests_late",
            "Open information requests past their deadline, by site.",
            InformationRequest,
        )
        if (length := queue_length()) is not None:
            queue = GaugeMetricFamily("vss_queue_length", "Jobs waiting in the Celery queue.", labels=["queue"])
            queue.add_metric([celery_queue()], length)
            yield queue

    @staticmethod
    def late_per_site(
        name: str, documentation: str, model: type[Question] | type[InformationRequest]
    ) -> GaugeMetricFamily:
        """Every site, 0 included (a series that vanishes reads as "no data", not "none late"): one query."""
        relation = model._meta.get_field("site").remote_field.related_name  # type: ignore[union-attr]
        late = model.objects.late().values("pk")  # type: ignore[attr-defined]
        counts = Site.objects.values_list("hostname").annotate(
            late=Count(relation, filter=Q(**{f"{relation}__in": late}))
        )
        family = GaugeMetricFamily(name, documentation, labels=["site"])
        for hostname, count in counts.order_by("hostname"):
            family.add_metric([hostname], count)
        return family


def celery_queue() -> str:
    return getattr(settings, "CELERY_TASK_DEFAULT_QUEUE", "celery")


def queue_length() -> int | None:
    """LLEN of the Celery queue when the broker is Redis (where Celery keeps a queue as a list); None otherwise
    or when the broker does not answer (``/readyz`` says so)."""
    url = getattr(settings, "CELERY_BROKER_URL", "")
    if urllib.parse.urlsplit(url).scheme not in ("redis", "rediss"):
        return None
    try:
        with redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5) as broker:
            return int(broker.llen(celery_queue()))  # type: ignore[arg-type]
    except redis.exceptions.RedisError as error:
        if once_a_minute("metrics:broker"):
            logger.warning("Broker unreachable for the queue length (%s)", error)
        return None


SCRAPED = prometheus_client.CollectorRegistry(auto_describe=False)
SCRAPED.register(BacklogCollector())
