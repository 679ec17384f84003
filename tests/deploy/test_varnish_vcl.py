"""deploy/varnish/portal.vcl keeps what the cache contract allows and nothing else, and purges by tag.

Varnish runs for real (``deploy.cluster.start_varnish``, the same main VCL `make cluster` writes) in front of
a stub backend whose answers carry the headers each test chooses, and which records every request it gets:
"the backend saw one request" is how a hit is told from a miss, beside the ``X-Cache`` header.
"""

import http.client
import os
import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from deploy import cluster

needs_varnish = pytest.mark.skipif(
    cluster.varnishd_path() is None,
    reason="varnishd or the xkey vmod is missing (`make varnish-deps` installs varnish and varnish-modules)",
)
SHARED = {"Cache-Control": "public, max-age=60, s-maxage=300"}


class StubBackend(ThreadingHTTPServer):
    """Answers every path with the headers ``answers[path]`` names (SHARED and a tag by default)."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), StubHandler)
        self.answers = {}
        self.seen = []
        self.lock = threading.Lock()

    def requests_for(self, path):
        with self.lock:
            return [request for request in self.seen if request["path"] == path]


class StubHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        server = self.server
        with server.lock:
            server.seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers)})
            count = len([request for request in server.seen if request["path"] == self.path])
        body = f"{self.path} #{count}".encode()
        self.send_response(200)
        for name, value in server.answers.get(self.path, {**SHARED, "xkey": "all stub"}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_POST = answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def backend():
    server = StubBackend()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def start(backend, workdir, **options):
    port = cluster.free_port()
    return port, cluster.start_varnish(port, [backend.server_address[1]], workdir, **options)


@pytest.fixture(scope="module")
def varnish(backend, tmp_path_factory):
    """The port of a Varnish with the default purge ACL (loopback)."""
    port, process = start(backend, tmp_path_factory.mktemp("varnish"))
    yield port
    cluster.stop(process)


def request(port, path, method="GET", host="portal.test", headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()
    finally:
        connection.close()


def x_cache(port, path, **options):
    return request(port, path, **options)[1]["x-cache"]


@needs_varnish
def test_a_second_anonymous_get_is_a_hit_and_the_backend_sees_one(varnish, backend):
    assert x_cache(varnish, "/tin-tuc/") == "MISS"
    status, headers, body = request(varnish, "/tin-tuc/")
    assert (status, headers["x-cache"], body) == (200, "HIT", b"/tin-tuc/ #1")
    assert request(varnish, "/tin-tuc/", method="HEAD")[1]["x-cache"] == "HIT"
    assert len(backend.requests_for("/tin-tuc/")) == 1


@needs_varnish
def test_the_tags_stay_in_the_cache(varnish, backend):
    backend.answers["/tagged/"] = {**SHARED, "xkey": "all site-3 page-12"}
    for expected in ("MISS", "HIT"):
        headers = request(varnish, "/tagged/")[1]
        assert headers["x-cache"] == expected
        assert "xkey" not in headers


@needs_varnish
def test_each_host_is_an_object_of_its_own(varnish, backend):
    assert request(varnish, "/lien-he/", host="hanoi.portal.test")[2] == b"/lien-he/ #1"
    assert request(varnish, "/lien-he/", host="danang.portal.test")[2] == b"/lien-he/ #2"
    assert x_cache(varnish, "/lien-he/", host="hanoi.portal.test") == "HIT"
    assert x_cache(varnish, "/lien-he/", host="HaNoi.Portal.Test") == "HIT"  # one object whatever the spelling
    assert [request["headers"]["Host"] for request in backend.requests_for("/lien-he/")] == [
        "hanoi.portal.test",
        "danang.portal.test",
    ]


@needs_varnish
@pytest.mark.parametrize(
    "path, options",
    [
        ("/admin/pages/", {}),
        ("/admin", {}),
        ("/documents/7/quyet-dinh.pdf", {}),
        ("/hoi-dap/dat-cau-hoi/", {"method": "POST", "body": b"a=1", "headers": {"Cookie": "csrftoken=abc"}}),
        ("/api/v1/me/", {"headers": {"Authorization": "Bearer token"}}),
        ("/editor-view/", {"headers": {"Cookie": "csrftoken=abc; sessionid=s3cret"}}),
        ("/flash/", {"headers": {"Cookie": "messages=xyz"}}),
    ],
)
def test_personal_requests_always_reach_the_backend(varnish, backend, path, options):
    for _ in range(2):
        assert request(varnish, path, **options)[1]["x-cache"] == "MISS"
    seen = backend.requests_for(path)
    assert len(seen) == 2
    if "Cookie" in options.get("headers", {}):  # a passed request keeps its cookies: the app needs them
        assert seen[0]["headers"]["Cookie"] == options["headers"]["Cookie"]


@needs_varnish
def test_a_csrf_cookie_alone_is_dropped_and_the_request_hits(varnish, backend):
    for expected in ("MISS", "HIT"):
        assert x_cache(varnish, "/with-csrf/", headers={"Cookie": "csrftoken=abc; _ga=1"}) == expected
    (seen,) = backend.requests_for("/with-csrf/")
    assert "Cookie" not in seen["headers"]


@needs_varnish
@pytest.mark.parametrize(
    "answer",
    [
        {**SHARED, "Set-Cookie": "csrftoken=abc; Path=/"},
        {"Cache-Control": "private, max-age=60"},
        {"Cache-Control": "no-store"},
        {"Cache-Control": "no-cache, max-age=60"},
        {},  # no Cache-Control at all: the app has not said it may be shared
    ],
    ids=["set-cookie", "private", "no-store", "no-cache", "silent"],
)
def test_personal_answers_are_not_stored(varnish, backend, answer):
    path = f"/personal-{len(backend.answers)}/"
    backend.answers[path] = answer
    for _ in range(2):
        assert x_cache(varnish, path) == "MISS"
    assert len(backend.requests_for(path)) == 2


@needs_varnish
def test_s_maxage_sets_how_long_a_copy_is_kept(varnish, backend):
    backend.answers["/short/"] = {"Cache-Control": "public, max-age=600, s-maxage=1", "xkey": "all"}
    request(varnish, "/short/")
    assert x_cache(varnish, "/short/") == "HIT"
    time.sleep(1.2)
    request(varnish, "/short/")  # expired: served from grace while one fetch refreshes it
    deadline = time.monotonic() + 5
    while len(backend.requests_for("/short/")) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(backend.requests_for("/short/")) == 2
    assert request(varnish, "/short/")[2] == b"/short/ #2"


@needs_varnish
def test_a_purge_drops_exactly_the_objects_tagged_with_its_keys(varnish, backend):
    backend.answers["/page-1/"] = {**SHARED, "xkey": "all purge-page-1 layout-1"}
    backend.answers["/page-2/"] = {**SHARED, "xkey": "all purge-page-2 layout-1"}
    backend.answers["/page-3/"] = {**SHARED, "xkey": "all purge-page-3"}
    for path in ("/page-1/", "/page-2/", "/page-3/"):
        request(varnish, path)

    status, _, body = request(varnish, "/", method="PURGE", headers={"xkey-purge": "purge-page-1 purge-page-2"})
    assert (status, body.strip()) == (200, b"Invalidated 2 objects")
    assert x_cache(varnish, "/page-1/") == "MISS"
    assert x_cache(varnish, "/page-2/") == "MISS"
    assert x_cache(varnish, "/page-3/") == "HIT"
    assert [len(backend.requests_for(path)) for path in ("/page-1/", "/page-2/", "/page-3/")] == [2, 2, 1]


@needs_varnish
def test_a_purge_without_keys_is_refused(varnish):
    assert request(varnish, "/", method="PURGE")[0] == 400


@needs_varnish
def test_a_purge_from_an_address_outside_the_acl_is_refused(backend, tmp_path):
    port, process = start(backend, tmp_path, purge_acl=["10.9.9.9", "192.0.2.0/24"])
    try:
        backend.answers["/guarded/"] = {**SHARED, "xkey": "all guarded"}
        request(port, "/guarded/")
        assert request(port, "/", method="PURGE", headers={"xkey-purge": "guarded all"})[0] == 403
        assert x_cache(port, "/guarded/") == "HIT"
        assert len(backend.requests_for("/guarded/")) == 1
    finally:
        cluster.stop(process)


@needs_varnish
def test_the_client_address_reaches_the_backend_in_x_forwarded_for(varnish, backend):
    request(varnish, "/whoami/", headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"})
    (seen,) = backend.requests_for("/whoami/")
    # Varnish appends the address it saw; the app reads from the right, past its trusted proxies.
    assert seen["headers"]["X-Forwarded-For"] == "203.0.113.9, 127.0.0.1"
    # Nothing terminates TLS in front of this Varnish: a client's claim of HTTPS is not passed on.
    assert "X-Forwarded-Proto" not in seen["headers"]


@needs_varnish
def test_stop_leaves_no_varnish_process(backend, tmp_path):
    """varnishd forks a child that serves; stopping the manager must end the whole group."""
    _, process = start(backend, tmp_path)
    cluster.stop(process)
    assert process.returncode is not None
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)


def test_the_cluster_refuses_sqlite_before_starting_anything(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"started a process: {args}")

    monkeypatch.setenv("DATABASE_URL", "sqlite:///var/portal.sqlite3")
    monkeypatch.setattr(cluster.subprocess, "Popen", refuse)
    monkeypatch.setattr(cluster.subprocess, "run", refuse)
    handlers = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    with pytest.raises(SystemExit) as refused:
        cluster.main()
    assert "PostgreSQL" in str(refused.value) and "SQLite" in str(refused.value)
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == handlers
