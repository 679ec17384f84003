"""/healthz and /readyz (core/health.py): what a load balancer gets, from any Host, in any state of Redis."""

import socket

import pytest

from core import caches as degrading

NODE = "10.20.0.7"  # a load balancer calls a node by its address, which ALLOWED_HOSTS does not list


def closed_url(scheme: str = "redis") -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"{scheme}://127.0.0.1:{probe.getsockname()[1]}/0"


@pytest.fixture(autouse=True)
def fresh_breaker():
    degrading.breaker.reset()
    yield
    degrading.breaker.reset()


@pytest.mark.django_db
def test_healthz_answers_from_the_process_alone(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST=NODE)
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_checks_the_database_and_the_storage(client):
    response = client.get("/readyz", HTTP_HOST=NODE)
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body.values()) == {"OK"}
    assert any(name.startswith("Database") for name in body) and any(name.startswith("Storage") for name in body)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_with_redis_down_is_a_503_naming_redis_while_healthz_stays_200(client, settings):
    url = closed_url()
    settings.REDIS_URL = url
    settings.CACHES = {
        alias: {"BACKEND": "core.caches.DegradingRedisCache", "LOCATION": url, "KEY_PREFIX": alias}
        for alias in ("default", "responses", "shared")
    }
    response = client.get("/readyz", HTTP_HOST=NODE)
    assert response.status_code == 503
    failing = {name: state for name, state in response.json().items() if state != "OK"}
    assert list(failing) == [next(name for name in failing if name.startswith("Redis("))]
    assert "Unavailable" in failing[next(iter(failing))]
    assert client.get("/readyz", HTTP_HOST=NODE, HTTP_ACCEPT="text/plain").content.decode().count("Redis(") == 1
    assert client.get("/healthz", HTTP_HOST=NODE).status_code == 200


@pytest.mark.django_db
def test_readyz_with_the_real_redis_is_ready(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/12"
    response = client.get("/readyz", HTTP_HOST=NODE)
    if response.status_code == 503:
        pytest.skip("no Redis on 127.0.0.1:6379")
    assert response.status_code == 200 and any(name.startswith("Redis(") for name in response.json())


@pytest.mark.django_db
def test_readyz_with_the_broker_down_names_the_broker(client, settings):
    pytest.importorskip("kombu", reason="kombu comes with Celery (CELERY_BROKER_URL)")
    settings.CELERY_BROKER_URL = closed_url()
    settings.CELERY_TASK_ALWAYS_EAGER = False  # a real broker: jobs are queued, not run in-process
    response = client.get("/readyz", HTTP_HOST=NODE)
    assert response.status_code == 503
    failing = [name for name, state in response.json().items() if state != "OK"]
    assert len(failing) == 1 and failing[0].startswith("Broker(scheme='redis'")


@pytest.mark.django_db
def test_readyz_checks_no_broker_when_jobs_run_in_process(client, settings):
    """``make run``: no broker (``memory://``), jobs run where they are queued: nothing to be ready for."""
    settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = "memory://", True
    response = client.get("/readyz", HTTP_HOST=NODE)
    assert response.status_code == 200
    assert not [name for name in response.json() if name.startswith("Broker")]


@pytest.mark.django_db
def test_probes_are_not_redirected_to_https_nor_cached(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.RESPONSE_CACHE = {**settings.RESPONSE_CACHE, "ENABLED": True, "FRAGMENTS": True}
    for path in ("/healthz", "/readyz", "/healthz/"):
        response = client.get(path, HTTP_HOST=NODE)
        assert response.status_code == 200 and "X-Portal-Cache" not in response, path
