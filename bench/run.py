"""`make bench`: seed or reuse a scale database, serve it as `make run` does, load each endpoint, report.

In one run: stock Wagtail's simple page (bench/stock.py), every portal endpoint with the response cache off
and then on, the diacritic-free search with one connection, and 200 simultaneous submissions on SQLite and
PostgreSQL (bench/submissions.py); every figure is also given as a ratio to the baselines of the same run.

Environment: BENCH_PAGES (default 100000), BENCH_SMALL_PAGES (1000, the second size for query counts),
BENCH_DURATION seconds per endpoint (5), BENCH_CONNECTIONS (8), BENCH_POSTGRES_URL. Databases live in
var/bench/ and are reused when they already hold the pages asked for. Results: bench/results/<timestamp>.json.
"""

import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import stock
import submissions

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PAGES = int(os.environ.get("BENCH_PAGES", "100000"))
SMALL_PAGES = int(os.environ.get("BENCH_SMALL_PAGES", "1000"))
DURATION = int(os.environ.get("BENCH_DURATION", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
BASELINES = ("static_css", "wagtail_v2_pages")
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/")


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


def ensure_wrk():
    """wrk from Debian's packages; None (use the Python load generator) when it cannot be installed."""
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        subprocess.run(["apt-get", "update", "-qq"], **quiet)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"], env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), **quiet
        )
    return shutil.which("wrk")


LUA_POST = """wrk.method = "POST"
wrk.body = {body}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Host"] = "{host}"
"""


def run_wrk(wrk, port, endpoint, question, connections=CONNECTIONS):
    command = [
        wrk,
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{DURATION}s",
        "--latency",
        "-H",
        f"Host: {endpoint['host']}",
    ]
    script = None
    if endpoint["method"] == "POST":
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            body = json.dumps(json.dumps(question, ensure_ascii=False))
            script.write(LUA_POST.format(body=body, host=endpoint["host"]))
        command += ["-s", script.name]
    output = subprocess.run(
        command + [f"http://127.0.0.1:{port}{endpoint['path']}"], capture_output=True, text=True
    ).stdout
    if script:
        os.unlink(script.name)
    return parse_wrk(output)


def to_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(output):
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99_ms": to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def run_python_load(port, endpoint, question, connections=CONNECTIONS):
    """Fallback load: one thread per connection, keep-alive-less urllib requests for DURATION seconds."""
    latencies, failures, stop = [], [0], time.monotonic() + DURATION
    body = json.dumps(question).encode() if endpoint["method"] == "POST" else None

    def worker():
        while time.monotonic() < stop:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{endpoint['path']}",
                data=body,
                method=endpoint["method"],
                headers={"Host": endpoint["host"], "Content-Type": "application/json"},
            )
            started = time.monotonic()
            try:
                urllib.request.urlopen(request, timeout=30).read()
            except OSError:
                failures[0] += 1
            latencies.append((time.monotonic() - started) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / DURATION,
        "p50_ms": cuts[49],
        "p99_ms": cuts[98],
        "requests": len(latencies),
        "non_2xx": failures[0],
    }


class Loader:
    """wrk when it can be installed, the Python load generator otherwise; one figure set per call."""

    def __init__(self):
        self.wrk = ensure_wrk()
        self.tool = "wrk" if self.wrk else "python-threads"
        if not self.wrk:
            print("!! wrk không cài được: dùng bộ tạo tải Python (con số thấp hơn wrk, chỉ so sánh tương đối).")

    def measure(self, port, endpoint, question, label, connections=CONNECTIONS):
        if self.wrk:
            measured = run_wrk(self.wrk, port, endpoint, question, connections)
        else:
            measured = run_python_load(port, endpoint, question, connections)
        print(
            f"  {label:<9} {endpoint['name']:<24} {measured['rps']:>8.1f} req/s  p50 {measured['p50_ms']:>7.1f} ms"
            f"  p99 {measured['p99_ms']:>7.1f} ms  non-2xx {measured['non_2xx']}",
            flush=True,
        )
        return measured


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


def main():
    started = time.monotonic()
    small = probe(prepare(SMALL_PAGES))
    env = prepare(PAGES)
    large = probe(env)
    endpoints = large["endpoints"]
    for endpoint, small_endpoint in zip(endpoints, small["endpoints"], strict=True):
        endpoint["queries_small"] = small_endpoint["queries"]
    stock_endpoint = stock.prepare()
    loader = Loader()
    print(f"== đo tải {DURATION} s mỗi điểm, {CONNECTIONS} kết nối, {PAGES} trang", flush=True)
    load_stock(loader, stock_endpoint)
    load_portal(env, endpoints, large["question"], loader)
    add_ratios(endpoints + [stock_endpoint], stock_endpoint["uncached"]["rps"])
    print_table(endpoints, stock_endpoint)
    print("== 200 yêu cầu gửi đồng thời (câu hỏi và góp ý)", flush=True)
    submitted = run_submissions()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    result = {
        "date": stamp,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "pages": PAGES,
        "small_pages": SMALL_PAGES,
        "duration_s": DURATION,
        "connections": CONNECTIONS,
        "server": "gunicorn 2 workers × 4 threads, portal.settings.bench, SQLite, local-memory cache",
        "load_tool": loader.tool,
        "stock_wagtail": stock_endpoint,
        "endpoints": endpoints,
        "concurrent_submissions": submitted,
        "elapsed_s": round(time.monotonic() - started),
    }
    out = ROOT / "bench" / "results" / f"{stamp}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(f"\nKết quả: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
