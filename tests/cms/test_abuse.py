"""Rate limit, honeypot and timing checks for public submissions."""
import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from cms import abuse


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


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
