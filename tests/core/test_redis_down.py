"""With ``REDIS_URL`` set and Redis unreachable the portal is slower, never broken (core/caches.py).

Redis is "down" here by pointing every cache at a loopback port nobody listens on; one test runs against the
real Redis of the machine (db 12) to show the same backend still caches.
"""

import logging
import socket
import time

import pytest
import redis
from django.core.cache import caches
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core import caches as degrading
from core.models import SharedCounter
from core.response_cache import store
from faq.models import Question
from home.news import NewsIndexPage, NewsPage
from tests.support.sites import HANOI
from tests.support.submissions import QUESTION, ask

BACKEND = "core.caches.DegradingRedisCache"
ARTICLE = nested_form_data(
    {
        "title": "Tin khi Redis ngừng",
        "slug": "tin-qua-admin",
        "lead": "Sa pô của tin.",
        "body": rich_text("<p>Nội dung.</p>"),
        "royalties": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "1",
    }
)
REAL_REDIS = "redis://127.0.0.1:6379/12"


def add_url(site):
    news_index = NewsIndexPage.objects.child_of(site.root_page).get()
    return reverse("wagtailadmin_pages:add", args=["home", "newspage", news_index.pk])


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_caches(url: str, prefix: str = "") -> dict:
    return {
        alias: {"BACKEND": BACKEND, "LOCATION": url, "KEY_PREFIX": f"{prefix}{alias}"}
        for alias in ("default", "responses", "shared")
    }


@pytest.fixture(autouse=True)
def fresh_breaker():
    """Every test starts with Redis trusted, no warning given yet and no purge waiting."""
    degrading.breaker.reset()
    degrading.once_a_minute.reset()
    store._unsent.clear()
    yield
    degrading.breaker.reset()
    degrading.once_a_minute.reset()
    store._unsent.clear()


@pytest.fixture
def redis_down(settings):
    url = f"redis://127.0.0.1:{closed_port()}/0"
    settings.REDIS_URL = url
    settings.CACHES = redis_caches(url)
    settings.RESPONSE_CACHE = {**settings.RESPONSE_CACHE, "ENABLED": True, "FRAGMENTS": True}
    return url


@pytest.fixture
def real_redis_caches():
    """The caches on the real Redis under a prefix of this test, whose keys are deleted afterwards."""
    prefix = f"test-{time.time_ns()}-"
    yield redis_caches(REAL_REDIS, prefix)
    try:
        server = redis.Redis.from_url(REAL_REDIS, socket_connect_timeout=0.5)
        for key in server.scan_iter(f"{prefix}*"):
            server.delete(key)
    except redis.exceptions.ConnectionError:
        pass  # no Redis: nothing was written


@pytest.fixture
def real_redis(settings, real_redis_caches):
    settings.REDIS_URL = REAL_REDIS
    settings.CACHES = real_redis_caches
    if not caches["default"].add("ping", 1) and not caches["default"].available():
        pytest.skip("no Redis on 127.0.0.1:6379")
    return REAL_REDIS


@pytest.mark.django_db
def test_pages_and_the_api_answer_and_the_outage_is_logged_once(client, redis_down, caplog):
    caplog.set_level(logging.WARNING, logger="core")
    for _ in range(5):
        home = client.get("/", HTTP_HOST=HANOI)
        news = client.get("/api/v1/news/", HTTP_HOST=HANOI)
        assert home.status_code == 200 and news.status_code == 200
        assert "Hà Nội" in home.content.decode()
    warnings = [record for record in caplog.records if record.name == "core.caches"]
    assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()


@pytest.mark.django_db
def test_after_a_failure_redis_is_left_alone_until_retry_after(redis_down, monkeypatch):
    cache = caches["responses"]
    assert cache.get("x") is None and not cache.available()

    def must_not_connect(*args, **kwargs):
        raise AssertionError("asked Redis while the breaker is open")

    monkeypatch.setattr(type(cache._cache), "get_client", must_not_connect)
    assert cache.get("x", "miss") == "miss" and cache.get_many(["x"]) == {} and cache.set_many({"x": 1}) == ["x"]
    with pytest.raises(degrading.CacheUnavailable):
        cache.incr("x")


@pytest.mark.django_db
def test_questions_are_stored_and_rate_limited_in_the_database(client, redis_down, settings, hanoi, caplog):
    caplog.set_level(logging.WARNING, logger="core")
    settings.PUBLIC_RATE_LIMITS = {"question": (2, 600)}
    statuses = [ask(client).status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
    assert Question.objects.filter(site=hanoi, email=QUESTION["email"]).count() == 2
    assert SharedCounter.objects.filter(count=3).exists()
    assert [r.name for r in caplog.records if "database" in r.getMessage()] == ["core.counters"]


@pytest.mark.django_db
def test_an_editors_publish_succeeds_and_its_purge_waits_for_redis(
    client, redis_down, settings, hanoi_board, hanoi, real_redis_caches, django_capture_on_commit_callbacks
):
    client.force_login(hanoi_board)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(add_url(hanoi), ARTICLE)
    assert response.status_code == 302
    assert NewsPage.objects.get(slug="tin-qua-admin").live
    assert store._unsent  # the purge the cache could not take is kept

    # Redis answers again: the next read sends the kept purge before anything is served.
    settings.CACHES = real_redis_caches
    kept = set(store._unsent)
    if store.get("response:none") is None and store._unsent:
        pytest.skip("no Redis on 127.0.0.1:6379")
    assert set(store.response_cache().get_many([store.version_key(tag) for tag in kept])) == {
        store.version_key(tag) for tag in kept
    }


@pytest.mark.django_db
def test_the_real_redis_still_caches(client, real_redis, settings):
    settings.RESPONSE_CACHE = {**settings.RESPONSE_CACHE, "ENABLED": True, "FRAGMENTS": True}
    cache = caches["default"]
    cache.set("k", {"a": 1}, 60)
    cache.add("n", 0, 60)
    assert cache.get("k") == {"a": 1} and cache.incr("n") == 1
    assert client.get("/", HTTP_HOST=HANOI)["X-Portal-Cache"] == "miss"
    assert client.get("/", HTTP_HOST=HANOI)["X-Portal-Cache"] == "hit"
