"""Rate limit, honeypot and timing checks for public submissions."""

import datetime as dt
import os
import time

import pytest
from django.core.cache import cache, caches
from django.test import RequestFactory
from django.utils import timezone

from core import abuse, counters, proxies
from core.models import SharedCounter

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


def request_from(address, **headers):
    return RequestFactory().post("/", REMOTE_ADDR=address, **headers)


@pytest.mark.django_db
def test_rate_limit_per_client_and_kind(settings):
    settings.PUBLIC_RATE_LIMITS = {"question": (2, 600)}
    first = request_from("10.0.0.1")
    assert abuse.check_rate(first, "question") is None
    assert abuse.check_rate(first, "question") is None
    throttled = abuse.check_rate(first, "question")
    assert isinstance(throttled, abuse.Throttled) and 0 < throttled.retry_after <= 600
    assert abuse.check_rate(request_from("10.0.0.2"), "question") is None  # another client
    assert abuse.check_rate(first, "comment") is None  # another kind


def test_honeypot_refused():
    assert abuse.form_problem({abuse.HONEYPOT_FIELD: "http://spam", abuse.TIMING_FIELD: abuse.form_token()})


def test_too_fast_refused_and_human_pace_accepted(monkeypatch):
    token = abuse.form_token()
    assert "quá nhanh" in abuse.form_problem({abuse.TIMING_FIELD: token})
    real_time = time.time
    monkeypatch.setattr(abuse.time, "time", lambda: real_time() + 30)
    assert abuse.form_problem({abuse.TIMING_FIELD: token}) is None


def test_forged_or_missing_token_refused():
    assert abuse.form_problem({}) is not None
    assert abuse.form_problem({abuse.TIMING_FIELD: "1700000000:forged"}) is not None


@pytest.mark.django_db
def test_the_count_is_shared_by_every_worker(settings):
    """Without Redis the counters are rows of the database, which every worker reads: the count of one
    client is what a second process would see, and past the limit every worker refuses."""
    settings.PUBLIC_RATE_LIMITS = {"question": (2, 600)}
    client = request_from("10.0.0.9")
    assert abuse.check_rate(client, "question") is None
    assert abuse.check_rate(client, "question") is None
    row = SharedCounter.objects.get(name__startswith="rate:question:10.0.0.9:")
    assert row.count == 2
    assert abuse.check_rate(client, "question") is not None


@pytest.mark.django_db
def test_a_lapsed_counter_starts_again(settings):
    assert counters.bump("thu", 600) == 1 and counters.bump("thu", 600) == 2
    SharedCounter.objects.filter(name="thu").update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert counters.bump("thu", 600) == 1


@pytest.mark.django_db
def test_with_redis_down_the_database_counts(settings):
    """A Redis outage makes counting slower, never a 500."""
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
    }
    assert counters.bump("redis-down", 600) == 1
    assert SharedCounter.objects.filter(name="redis-down").exists()


@pytest.mark.django_db
def test_forwarded_for_counts_only_behind_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.1.0.0/16"]
    spoofed = request_from("203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert proxies.client_address(spoofed) == "203.0.113.7"  # a citizen cannot choose its address
    proxied = request_from("10.1.0.5", HTTP_X_FORWARDED_FOR="198.51.100.1, 192.0.2.44, 10.1.0.9")
    assert proxies.client_address(proxied) == "192.0.2.44"  # the first hop our proxies did not add


def test_forwarding_headers_from_anyone_else_are_dropped(settings):
    settings.TRUSTED_PROXIES = ["10.1.0.0/16"]
    seen = {}
    middleware = proxies.TrustedProxyMiddleware(lambda request: seen.update(request.META))
    middleware(request_from("203.0.113.7", HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="1.2.3.4"))
    assert "HTTP_X_FORWARDED_PROTO" not in seen and "HTTP_X_FORWARDED_FOR" not in seen
    middleware(request_from("10.1.0.5", HTTP_X_FORWARDED_PROTO="https"))
    assert seen["HTTP_X_FORWARDED_PROTO"] == "https"


@pytest.mark.django_db
def test_counts_in_redis_when_it_is_configured(settings):
    """The production path: REDIS_URL set, the counters in Redis (the server of our machines)."""
    settings.REDIS_URL = REDIS_URL
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-abuse-{time.time_ns()}",
        },
    }
    try:
        caches["shared"].get("ping")
    except Exception:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.PUBLIC_RATE_LIMITS = {"question": (1, 600)}
    assert abuse.check_rate(request_from("10.0.0.3"), "question") is None
    assert abuse.check_rate(request_from("10.0.0.3"), "question") is not None
    assert not SharedCounter.objects.exists()  # counted in Redis, not in the database
