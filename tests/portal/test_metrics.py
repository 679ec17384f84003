"""/metrics (portal/metrics.py): internal addresses only, and the values operators alert on."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from faq.models import OutboundEmail, Question
from tests.faq.factories import AskedQuestionFactory
from tests.support.sites import DANANG, HANOI

pytestmark = pytest.mark.django_db


def scrape(client, **meta):
    response = client.get("/metrics", HTTP_HOST="10.20.0.7", **meta)
    return response, response.content.decode()


def value(text: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{key}="{label}"' for key, label in labels.items())
    pattern = rf"^{re.escape(name)}{re.escape('{' + wanted + '}') if labels else ''} (\S+)$"
    found = re.search(pattern, text, re.MULTILINE)
    assert found, f"{name} {labels} not in the metrics"
    return float(found.group(1))


def test_from_loopback_the_backlogs_are_counted(client, hanoi):
    late = AskedQuestionFactory(site=hanoi)
    Question.objects.filter(pk=late.pk).update(due_at=timezone.now() - dt.timedelta(days=1))
    AskedQuestionFactory(site=hanoi)  # due later: not late
    OutboundEmail.objects.all().delete()
    for sent_at in (None, None, timezone.now()):
        OutboundEmail.objects.create(site=hanoi, kind="ack", subject_ref="X", to="a@example.vn", sent_at=sent_at)

    response, text = scrape(client, REMOTE_ADDR="127.0.0.1")

    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert value(text, "vss_outbox_pending") == 2
    assert value(text, "vss_questions_late", site=HANOI) == 1
    assert value(text, "vss_questions_late", site=DANANG) == 0
    assert value(text, "vss_information_requests_late", site=HANOI) == 0
    assert "django_http_requests_total_by_view_transport_method_total" in text


def test_cache_hits_and_misses_are_counted(client, response_cache):
    before = value(scrape(client, REMOTE_ADDR="127.0.0.1")[1], "vss_response_cache_total", outcome="hit")
    assert client.get("/", HTTP_HOST=HANOI)["X-Portal-Cache"] == "miss"
    assert client.get("/", HTTP_HOST=HANOI)["X-Portal-Cache"] == "hit"
    text = scrape(client, REMOTE_ADDR="127.0.0.1")[1]
    assert value(text, "vss_response_cache_total", outcome="hit") == before + 1


def test_the_queue_length_is_read_from_a_redis_broker(client, settings):
    redis = pytest.importorskip("redis")
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/13"
    settings.CELERY_TASK_DEFAULT_QUEUE = "vss-test-metrics-queue"
    try:
        broker = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=0.5)
        broker.delete("vss-test-metrics-queue")
        broker.rpush("vss-test-metrics-queue", "a", "b", "c")
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    try:
        text = scrape(client, REMOTE_ADDR="127.0.0.1")[1]
    finally:
        broker.delete("vss-test-metrics-queue")
    assert value(text, "vss_queue_length", queue="vss-test-metrics-queue") == 3


def test_without_a_redis_broker_there_is_no_queue_length(client, settings):
    settings.CELERY_BROKER_URL = ""
    assert "vss_queue_length{" not in scrape(client, REMOTE_ADDR="127.0.0.1")[1]


def test_a_public_address_gets_a_404(client):
    assert scrape(client, REMOTE_ADDR="203.0.113.5")[0].status_code == 404


def test_behind_a_trusted_proxy_the_real_client_is_judged(client, settings):
    settings.TRUSTED_PROXIES = ["10.1.0.0/16"]
    forwarded_public = scrape(client, REMOTE_ADDR="10.1.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5")[0]
    forwarded_internal = scrape(client, REMOTE_ADDR="10.1.0.2", HTTP_X_FORWARDED_FOR="192.168.3.4")[0]
    assert forwarded_public.status_code == 404 and forwarded_internal.status_code == 200


def test_the_allowed_networks_come_from_settings(client, settings):
    settings.METRICS_ALLOWED_NETWORKS = ["192.0.2.0/24"]
    assert scrape(client, REMOTE_ADDR="127.0.0.1")[0].status_code == 404
    assert scrape(client, REMOTE_ADDR="192.0.2.9")[0].status_code == 200
