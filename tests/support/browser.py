"""A portal served by gunicorn on its own SQLite file, and Debian's Chromium to read it: what every browser test
needs.

The server runs on its own database, migrated and bootstrapped here: the suite's test database lives in
transactions that a separate server process cannot see, and live_server would flush it.
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.support.processes import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    """Run a management command; its errors reach pytest's captured output, its chatter does not."""
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, timeout=300
    )


def wait_until_serving(port, server, log_path, seconds=30):
    """Poll robots.txt (no proxy: the request must stay on loopback) until the server answers or dies."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the portal server exited with status {server.returncode}; see {log_path}")
        try:
            with opener.open(f"http://127.0.0.1:{port}/robots.txt", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the portal server did not answer on port {port} within {seconds} s")


def is_local(url):
    host = urlsplit(url).hostname or ""
    return host in ("127.0.0.1", "localhost") or host.endswith(".localhost")


@contextlib.contextmanager
def served_portal(tmp, *, demo=False, setup=()):
    """Yield ``url(host, path="/")`` of a portal bootstrapped (with the demo when asked) in ``tmp``, after the
    ``setup`` commands; ``url.manage(*args)`` runs a management command on that database later."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed (make browser-deps)")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "localhost,.localhost,127.0.0.1",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "RESPONSE_CACHE_DIR": str(tmp / "response-cache"),
        "PORTAL_PORT": str(port),
    }
    manage(env, "migrate", "--noinput")
    manage(env, "bootstrap_portal", *(["--demo"] if demo else []), "--domain", "localhost", "--port", str(port))
    for command in setup:
        manage(env, *command)
    manage(env, "collectstatic", "--noinput")
    gunicorn = ["gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    with open(tmp / "server.log", "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", *gunicorn, "--threads", "4", "--no-control-socket"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_serving(port, server, tmp / "server.log")

        def url(host, path="/"):
            return f"http://{host}:{port}{path}"

        url.manage = lambda *args: manage(env, *args)  # type: ignore[attr-defined]
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@contextlib.contextmanager
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=TIMEOUT_MS)
        yield browser
        browser.close()


@contextlib.contextmanager
def loopback_tab(browser, viewport, refused=None):
    """A fresh tab that may only reach loopback; every other request is aborted (and listed in ``refused``)."""
    context = browser.new_context(viewport=viewport)
    context.set_default_timeout(TIMEOUT_MS)

    def guard(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            if refused is not None:
                refused.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    yield context.new_page()
    context.close()
