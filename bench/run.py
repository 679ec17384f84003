"""`make bench`: seed or reuse a scale database, serve it as `make run` does, load each endpoint, report.

In one run: stock Wagtail's simple page (bench/stock.py), every portal endpoint with the response cache off
and then on, the diacritic-free search with one connection, 200 simultaneous submissions on SQLite and
PostgreSQL (bench/submissions.py), and the mixed load of readers and writers over the 35 sites, in process and
through Varnish (bench/mixed.py); every figure is also given as a ratio to the baselines of the same run.

Environment: BENCH_PAGES (default 100000), BENCH_SMALL_PAGES (1000, the second size for query counts),
BENCH_DURATION seconds per endpoint and per mixed-load phase (5), BENCH_CONNECTIONS (8), BENCH_POSTGRES_URL,
BENCH_REDIS_URL, BENCH_MIXED=0 (skip the mixed load), BENCH_ONLY=mixed (only the mixed load). Databases live in
var/bench/ (and vss_bench_mixed on PostgreSQL) and are reused when they already hold the pages asked for.
Results: bench/results/<timestamp>.json.
"""

import json
import os
import platform
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import mixed
import stock
import submissions
from load import CONNECTIONS, DURATION, Loader

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PAGES = int(os.environ.get("BENCH_PAGES", "100000"))
SMALL_PAGES = int(os.environ.get("BENCH_SMALL_PAGES", "1000"))
BASELINES = ("static_css", "wagtail_v2_pages")
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/")
MIXED = os.environ.get("BENCH_MIXED", "1") != "0"
ONLY = os.environ.get("BENCH_ONLY", "")


def database_env(pages):
    path = ROOT / "var" / "bench" / f"scale-{pages}.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    return dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{path}",
        DJANGO_SETTINGS_MODULE="portal.settings.bench",
        STATIC_ROOT=str(ROOT / "var" / "bench" / "static"),
        RESPONSE_CACHE_DIR=str(ROOT / "var" / "bench" / "response-cache"),
    )


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(pages):
    """Migrate, bootstrap with the demo content, top up to ``pages``: each step is idempotent."""
    env = database_env(pages)
    print(f"== cơ sở dữ liệu {pages} trang: {env['DATABASE_URL']}", flush=True)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "bootstrap_portal", "--demo")
    manage(env, "seed_scale", "--pages", str(pages))
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    return env


def probe(env):
    """Query counts with the response cache off: they are what a page costs when it is not stored."""
    output = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "probe.py")],
        cwd=ROOT,
        env=dict(env, RESPONSE_CACHE="0"),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def portal_command(port):
    """gunicorn with `make serve`'s worker model (2 workers × 4 threads) and its access log."""
    return [
        GUNICORN,
        "portal.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--threads",
        "4",
        "--access-logfile",
        "-",
    ]


def start_server(command, env, port, ready_path="/api/v1/sites/", host="localhost", cwd=ROOT):
    """Start ``command`` and wait until ``ready_path`` answers."""
    with open(ROOT / "var" / "bench" / "gunicorn.log", "a") as log:  # the server keeps its own copy of the handle
        server = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(150):
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}{ready_path}", headers={"Host": host})
            urllib.request.urlopen(request, timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn không khởi động được: xem var/bench/gunicorn.log")


def serving(command, env, port, loader, measure, **ready):
    server = start_server(command, env, port, **ready)
    try:
        measure(port)
    finally:
        server.terminate()
        server.wait(timeout=20)


def load_stock(loader, stock_endpoint):
    """Stock Wagtail's simple page, on its own server, just before the portal is measured."""
    port = free_port()
    serving(
        stock.server_command(port),
        stock.stock_env(),
        port,
        loader,
        lambda port: stock_endpoint.update(uncached=loader.measure(port, stock_endpoint, None, "gốc")),
        ready_path=stock.PATH,
        host=stock.HOST,
        cwd=stock.STOCK,
    )


def load_portal(env, endpoints, question, loader):
    """Every endpoint with the response cache off, then every GET with it on (each on a fresh server)."""

    def uncached(port):
        for endpoint in endpoints:
            endpoint["uncached"] = loader.measure(port, endpoint, question, "không cache")
        search = next(endpoint for endpoint in endpoints if endpoint["name"] == "document_search_folded")
        search["one_connection"] = loader.measure(port, search, question, "1 kết nối", connections=1)

    def cached(port):
        for endpoint in endpoints:
            if endpoint["method"] == "GET" and endpoint["name"] != "wagtail_v2_pages":  # static: the ceiling here too
                endpoint["cached"] = loader.measure(port, endpoint, question, "có cache")

    port = free_port()
    serving(portal_command(port), dict(env, RESPONSE_CACHE="0"), port, loader, uncached)
    port = free_port()
    serving(portal_command(port), dict(env, RESPONSE_CACHE="1"), port, loader, cached)


def add_ratios(endpoints, stock_rps):
    """Uncached figures against stock Wagtail (v2 list, simple page); cached ones against the static file."""
    by_name = {endpoint["name"]: endpoint for endpoint in endpoints}
    v2_rps = by_name["wagtail_v2_pages"]["uncached"]["rps"]
    static_rps = by_name["static_css"]["cached"]["rps"]  # measured on the same server as the cached figures
    for endpoint in endpoints:
        endpoint["uncached"]["vs_wagtail_v2"] = round(endpoint["uncached"]["rps"] / v2_rps, 2)
        endpoint["uncached"]["vs_stock_page"] = round(endpoint["uncached"]["rps"] / stock_rps, 2)
        if "cached" in endpoint:
            endpoint["cached"]["vs_static"] = round(endpoint["cached"]["rps"] / static_rps, 3)


def cell(figures, key, width, digits=1):
    value = (figures or {}).get(key)
    return f"{value:>{width}.{digits}f}" if value is not None else f"{'–':>{width}}"


def print_table(endpoints, stock_endpoint):
    print(
        f"\n{'endpoint':<24} {'req/s':>8} {'p50 ms':>7} {'×v2':>6} {'×trang':>7} │ {'cache r/s':>9} {'p50 ms':>7}"
        f" {'×static':>7} │ {'SQL@' + str(SMALL_PAGES):>9} {'SQL@' + str(PAGES):>10}"
    )
    for e in [stock_endpoint] + endpoints:
        plain, cached = e["uncached"], e.get("cached")
        print(
            f"{e['name']:<24} {plain['rps']:>8.1f} {plain['p50_ms']:>7.1f} {cell(plain, 'vs_wagtail_v2', 6, 2)} "
            f"{cell(plain, 'vs_stock_page', 7, 2)} │ {cell(cached, 'rps', 9)} {cell(cached, 'p50_ms', 7)} "
            f"{cell(cached, 'vs_static', 7, 3)} │ {e['queries_small'] if e['queries_small'] is not None else '–':>9} "
            f"{e['queries'] if e['queries'] is not None else '–':>10}"
        )


def run_submissions():
    """200 simultaneous question and comment POSTs on SQLite, and on PostgreSQL when a server answers."""
    results = [submissions.run()]
    if postgres_answers():
        results.append(submissions.run(POSTGRES_URL))
    for result in results:
        print(
            f"  {result['database']:<11} gửi {result['posted']}, lưu {result['created']}, mất {result['lost']}, "
            f"trùng {result['duplicates']}, mã trùng {result.get('duplicate_codes', 0)}, "
            f"trạng thái {result['status_counts']}",
            flush=True,
        )
    return results


def postgres_answers():
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        return True
    except OSError:
        return False


def measure_endpoints(loader):
    """Every endpoint at both sizes, stock Wagtail, the cached and uncached figures, the submission burst."""
    small = probe(prepare(SMALL_PAGES))
    env = prepare(PAGES)
    large = probe(env)
    endpoints = large["endpoints"]
    for endpoint, small_endpoint in zip(endpoints, small["endpoints"], strict=True):
        endpoint["queries_small"] = small_endpoint["queries"]
    stock_endpoint = stock.prepare()
    print(f"== đo tải {DURATION} s mỗi điểm, {CONNECTIONS} kết nối, {PAGES} trang", flush=True)
    load_stock(loader, stock_endpoint)
    load_portal(env, endpoints, large["question"], loader)
    add_ratios(endpoints + [stock_endpoint], stock_endpoint["uncached"]["rps"])
    print_table(endpoints, stock_endpoint)
    print("== 200 yêu cầu gửi đồng thời (câu hỏi và góp ý)", flush=True)
    return {
        "pages": PAGES,
        "small_pages": SMALL_PAGES,
        "server": "gunicorn 2 workers × 4 threads, portal.settings.bench, SQLite, local-memory cache",
        "stock_wagtail": stock_endpoint,
        "endpoints": endpoints,
        "concurrent_submissions": run_submissions(),
    }


def main():
    if ONLY not in ("", "mixed"):
        raise SystemExit(f"BENCH_ONLY={ONLY}: chỉ nhận 'mixed' (hoặc để trống để chạy tất cả)")
    started = time.monotonic()
    loader = Loader()
    result = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "duration_s": DURATION,
        "connections": CONNECTIONS,
        "load_tool": loader.tool,
    }
    if ONLY != "mixed":
        result.update(measure_endpoints(loader))
    if ONLY == "mixed" or MIXED:
        result["mixed"] = mixed.run(loader)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    result = {"date": stamp, **result, "elapsed_s": round(time.monotonic() - started)}
    out = ROOT / "bench" / "results" / f"{stamp}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(f"\nKết quả: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
