"""What the mixed load of `make bench` (bench/mixed.py) counts and writes is what its report says.

Its hit ratios rest on two things checked here: an answer of the portal's response cache costs no SQL query
(bench/query_count_wsgi.py says how many an answer cost), and the Lua script wrk runs, like the Python fallback,
counts X-Cache and that header on every answer. The writers' publication is checked on the test database.
"""

import importlib
import shutil
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from home.models import NewsPage
from tests.home.factories import NewsPageFactory
from tests.support.sites import HANOI

# What the stub answers on each path: the headers Varnish and the counting nodes would add.
STUB_HEADERS = {
    "/varnish-hit": {"X-Cache": "HIT", "X-Bench-Queries": "7"},  # the node's count travels with the stored copy
    "/varnish-miss-node-cache": {"X-Cache": "MISS", "X-Bench-Queries": "0"},
    "/rendered": {"X-Bench-Queries": "12"},
    "/unmarked": {},
}


@pytest.fixture
def mixed(monkeypatch):
    """bench/mixed.py as `make bench` imports it (its siblings on sys.path), loading for one second."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[2] / "bench"))
    module = importlib.import_module("mixed")
    monkeypatch.setattr(module, "DURATION", 1)
    return module


@pytest.fixture
def stub():
    """An HTTP server answering each STUB_HEADERS path with those headers; counts what it served per path."""
    served = Counter()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as gunicorn and Varnish

        def do_GET(self):
            served[self.path] += 1
            self.send_response(200)
            for name, value in STUB_HEADERS[self.path].items():
                self.send_header(name, value)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], served
    server.shutdown()
    server.server_close()


def assert_counted(measured, served, connections):
    """Each answer counted once, a Varnish miss twice (as a miss, then by its node's header); the server may have
    sent a few answers the load tool stopped waiting for."""
    cache = measured["cache"]
    assert sum(cache.values()) - cache["x_cache_miss"] == measured["requests"] > 0
    expected = {
        "x_cache_hit": served["/varnish-hit"],
        "x_cache_miss": served["/varnish-miss-node-cache"],
        "no_sql": served["/varnish-miss-node-cache"],
        "sql": served["/rendered"],
        "unmarked": served["/unmarked"],
    }
    for name, count in expected.items():
        assert count > 0 and 0 <= count - cache[name] <= connections, (name, cache)
    assert cache["no_sql"] == cache["x_cache_miss"]  # the only path that misses in Varnish comes from the node cache


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed")
def test_the_lua_script_counts_x_cache_and_the_query_header_on_every_answer(mixed, stub):
    port, served = stub
    urls = [("localhost", path) for path in STUB_HEADERS]
    measured = mixed.with_hit_ratio(mixed.wrk_mix(shutil.which("wrk"), port, urls))
    assert_counted(measured, served, mixed.CONNECTIONS)
    assert measured["hit_source"] == "X-Cache"
    cache = measured["cache"]
    assert measured["hit_ratio"] == round(cache["x_cache_hit"] / (cache["x_cache_hit"] + cache["x_cache_miss"]), 3)


def test_the_python_fallback_counts_as_the_lua_script_does(mixed, stub):
    port, served = stub
    measured = mixed.python_mix(port, [("localhost", path) for path in STUB_HEADERS])
    assert_counted(measured, served, mixed.CONNECTIONS)


def test_without_x_cache_a_hit_is_an_answer_without_sql(mixed):
    measured = mixed.with_hit_ratio(
        {"cache": {"x_cache_hit": 0, "x_cache_miss": 0, "no_sql": 3, "sql": 1, "unmarked": 0}}
    )
    assert measured["hit_ratio"] == 0.75 and measured["hit_source"] == "X-Bench-Queries: 0"


@pytest.fixture
def wsgi_get(response_cache):
    """GET through bench.query_count_wsgi as gunicorn calls it; the test's connection stays open, as the test
    client keeps it (Django would close it at the request's end, inside the test's transaction)."""
    from bench.query_count_wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    def get(path, host=HANOI):
        environ, answer = {}, {}
        setup_testing_defaults(environ)
        environ.update(PATH_INFO=path, HTTP_HOST=host, REQUEST_METHOD="GET")
        body = application(
            environ, lambda status, headers, exc_info=None: answer.update(status=status, headers=headers)
        )
        b"".join(body)
        body.close()
        return answer["status"], dict(answer["headers"])

    yield get
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("path", ["/", "/tin-tuc-su-kien/", "/api/v1/news/"])
def test_an_answer_of_the_response_cache_is_the_one_marked_without_sql(wsgi_get, path):
    status, first = wsgi_get(path)
    assert status.startswith("200") and int(first["X-Bench-Queries"]) > 0
    status, repeat = wsgi_get(path)
    assert status.startswith("200") and repeat["X-Bench-Queries"] == "0"


def test_the_editor_publishes_a_new_lead_on_a_live_article(hanoi):
    from bench import writers

    article = NewsPageFactory(site=hanoi)
    articles = writers.live_articles()
    assert article.pk in articles[HANOI]
    for number in (1, 2):
        host, pk, _ms = writers.publish_random_news(None, {HANOI: [article.pk]}, number)
        assert (host, pk) == (HANOI, article.pk)
    article = NewsPage.objects.get(pk=article.pk)
    assert article.lead == f"Sa pô của tin {article.title} (cập nhật lần 2)"  # one suffix: the last revision's
    assert article.live and article.live_revision == article.latest_revision and not article.has_unpublished_changes
