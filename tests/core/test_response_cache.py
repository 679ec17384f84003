"""The response cache serves repeat visits without touching the database and never serves stale content.

The precise purges (which write purges what) are in test_cache_purges.py.

Tests run inside a transaction that never commits, so each change is made inside
``django_capture_on_commit_callbacks(execute=True)``: the invalidation runs as it would on commit.
"""

import socket
import time
import uuid
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.response_cache import clock, store, tags
from tests.support.sites import DANANG, HANOI


def get_s_maxage(response):
    directives = dict(part.strip().partition("=")[::2] for part in response["Cache-Control"].split(","))
    return int(directives["s-maxage"])


def queries_of(client, path, host=HANOI, **headers):
    """The response to one GET and how many queries it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host, **headers)
    return response, len(queries)


def cached_twice(client, path, host=HANOI, **headers):
    """The second of two identical GETs, and how many queries it cost."""
    client.get(path, HTTP_HOST=host, **headers)
    return queries_of(client, path, host, **headers)


@pytest.mark.parametrize("path", ["/", "/tin-tuc-su-kien/", "/sitemap.xml", "/api/v1/sites/", "/api/v1/news/"])
def test_a_repeat_visit_costs_no_query(client, response_cache, path):
    first = client.get(path, HTTP_HOST=HANOI)
    response, queries = cached_twice(client, path)
    assert response.status_code == 200 and queries == 0
    assert response.content == first.content


def test_each_site_keeps_its_own_copy_of_a_path(client, response_cache, hanoi, danang):
    client.get("/", HTTP_HOST=HANOI)
    danang_home = client.get("/", HTTP_HOST=DANANG).content.decode()
    assert danang.root_page.title in danang_home and hanoi.root_page.title not in danang_home


def test_publishing_shows_at_once(client, response_cache, hanoi, add_page, django_capture_on_commit_callbacks):
    assert "Chuyển đổi số" not in cached_twice(client, "/")[0].content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        add_page(hanoi.root_page, "Chuyển đổi số", "chuyen-doi-so", show_in_menus=True)
    assert "Chuyển đổi số" in client.get("/", HTTP_HOST=HANOI).content.decode()


def test_unpublishing_answers_404_at_once(client, response_cache, hanoi, add_page, django_capture_on_commit_callbacks):
    page = add_page(hanoi.root_page, "Thông báo tuyển dụng", "tuyen-dung")
    assert cached_twice(client, "/tuyen-dung/")[0].status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get("/tuyen-dung/", HTTP_HOST=HANOI).status_code == 404


def test_a_purge_made_through_another_worker_is_seen(client, response_cache, hanoi, monkeypatch):
    """Another worker or node purges through the shared store: this process's stored answer is not served."""
    assert cached_twice(client, "/")[1] == 0
    store.purge({tags.site(hanoi.pk)})
    assert queries_of(client, "/")[1] > 0
    later = time.time() + store.CLOCK_SKEW + 1  # past the margin that keeps an answer of a fresh purge out
    monkeypatch.setattr(time, "time", lambda: later)
    assert cached_twice(client, "/")[1] == 0


def test_an_answer_rendered_while_its_tag_is_purged_is_kept_by_no_cache(client, response_cache, hanoi, monkeypatch):
    """The render may have read the rows before the write: neither this cache nor Varnish may keep it."""
    real_render = store.versions

    def purged_during_render(shown):
        store.purge({tags.site(hanoi.pk)})
        return real_render(shown)

    monkeypatch.setattr(store, "versions", purged_during_render)
    response, _ = queries_of(client, "/")
    assert get_s_maxage(response) == 0
    monkeypatch.setattr(store, "versions", real_render)
    assert queries_of(client, "/")[1] > 0


def test_a_change_rolled_back_purges_nothing(
    client, response_cache, hanoi, add_page, django_capture_on_commit_callbacks
):
    """The purge runs on commit only (here the callback is captured, never executed)."""
    assert cached_twice(client, "/")[1] == 0
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        add_page(hanoi.root_page, "Trang nháp", "trang-nhap", show_in_menus=True)
    assert callbacks and queries_of(client, "/")[1] == 0


def test_writes_that_never_show_purge_nothing(response_cache, client, django_capture_on_commit_callbacks):
    """Sessions and log entries are written while serving: they must not flush every page."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        session = SessionStore()
        session["x"] = 1
        session.save()
    assert callbacks == []


def test_editors_are_never_served_a_stored_page(client, response_cache, hanoi_editor):
    client.force_login(hanoi_editor)
    _, queries = cached_twice(client, "/")
    assert queries > 0


@pytest.mark.parametrize("path", ["/hoi-dap/dat-cau-hoi/", "/yeu-cau-cung-cap-thong-tin/"])
def test_pages_with_a_form_are_never_stored(client, response_cache, path):
    """Their CSRF token belongs to one visitor's cookie: another visitor's copy would fail on submit."""
    response, queries = cached_twice(client, path)
    assert response.status_code == 200 and queries > 0


def test_private_answers_are_never_stored(client, response_cache):
    response, queries = cached_twice(client, "/api/v1/questions/track/ABCDEFGHJK/")
    assert "no-store" in response["Cache-Control"] and queries > 0


def test_a_stored_answer_still_honours_if_none_match(client, response_cache):
    etag = client.get("/api/v1/sites/", HTTP_HOST=HANOI)["ETag"]
    response, queries = cached_twice(client, "/api/v1/sites/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and queries == 0


def test_answers_are_kept_until_the_moment_an_app_names(client, response_cache, monkeypatch):
    """A comment window opening in ten minutes: the answer, here and in Varnish, lasts ten minutes at most."""
    moment = timezone.now() + timedelta(minutes=10)
    monkeypatch.setattr(clock, "next_public_change", lambda: moment)
    response = client.get("/", HTTP_HOST=HANOI)
    assert 595 <= get_s_maxage(response) <= 600
    monkeypatch.setattr(timezone, "now", lambda: moment + timedelta(seconds=1))
    assert queries_of(client, "/")[1] > 0


def test_answers_are_kept_at_most_until_midnight(client, response_cache):
    """A document takes effect on a calendar day: nothing rendered today is served tomorrow."""
    now = timezone.localtime()
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    assert get_s_maxage(client.get("/", HTTP_HOST=HANOI)) <= (midnight - now).total_seconds()


def redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_answers_and_purges_are_shared_through_redis(
    client, settings, response_cache, hanoi, add_page, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        **settings.CACHES,
        "responses": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        },
    }
    try:
        assert cached_twice(client, "/")[1] == 0
        with django_capture_on_commit_callbacks(execute=True):
            add_page(hanoi.root_page, "Chuyển đổi số", "chuyen-doi-so", show_in_menus=True)
        assert caches["responses"].get(store.version_key(tags.layout(hanoi.pk))) is not None
        assert "Chuyển đổi số" in client.get("/", HTTP_HOST=HANOI).content.decode()
    finally:
        caches["responses"].clear()
