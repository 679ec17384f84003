"""`make bench`: seed or reuse a scale database, serve it as `make run` does, load each endpoint, report.

Environment: BENCH_PAGES (default 10000), BENCH_SMALL_PAGES (1000, the second size for query counts),
BENCH_DURATION seconds per endpoint (5), BENCH_CONNECTIONS (8). Databases live in var/bench/ and are
reused when they already hold the pages asked for. Results: bench/results/<UTC timestamp>.json.
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
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PAGES = int(os.environ.get("BENCH_PAGES", "10000"))
SMALL_PAGES = int(os.environ.get("BENCH_SMALL_PAGES", "1000"))
DURATION = int(os.environ.get("BENCH_DURATION", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
BASELINES = ("static_css", "wagtail_v2_pages")


def database_env(pages):
    path = ROOT / "var" / "bench" / f"scale-{pages}.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    return dict(os.environ, DATABASE_URL=f"sqlite:///{path}", DJANGO_SETTINGS_MODULE="cms.settings.bench",
                STATIC_ROOT=str(ROOT / "var" / "bench" / "static"))


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
    output = subprocess.run([PYTHON, str(ROOT / "bench" / "probe.py")], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env, port):
    """gunicorn with `make serve`'s worker model (2 workers × 4 threads); waits until it answers."""
    log = open(ROOT / "var" / "bench" / "gunicorn.log", "w")
    server = subprocess.Popen([GUNICORN, "cms.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2",
                               "--threads", "4", "--access-logfile", "-"], cwd=ROOT, env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/sites/", timeout=2)
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
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"],
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), **quiet)
    return shutil.which("wrk")


LUA_POST = """wrk.method = "POST"
wrk.body = {body}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Host"] = "{host}"
"""


def run_wrk(wrk, port, endpoint, question):
    command = [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", "-H", f"Host: {endpoint['host']}"]
    script = None
    if endpoint["method"] == "POST":
        script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        script.write(LUA_POST.format(body=json.dumps(json.dumps(question, ensure_ascii=False)),
                                     host=endpoint["host"]))
        script.close()
        command += ["-s", script.name]
    output = subprocess.run(command + [f"http://127.0.0.1:{port}{endpoint['path']}"], capture_output=True,
                            text=True).stdout
    if script:
        os.unlink(script.name)
    return parse_wrk(output)


def to_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(output):
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "p50_ms": to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
            "p99_ms": to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
            "requests": int(re.search(r"(\d+) requests in", output).group(1)),
            "non_2xx": int(errors.group(1)) if errors else 0}


def run_python_load(port, endpoint, question):
    """Fallback load: CONNECTIONS threads with keep-alive-less urllib requests for DURATION seconds."""
    latencies, failures, stop = [], [0], time.monotonic() + DURATION
    body = json.dumps(question).encode() if endpoint["method"] == "POST" else None

    def worker():
        while time.monotonic() < stop:
            request = urllib.request.Request(f"http://127.0.0.1:{port}{endpoint['path']}", data=body,
                                             method=endpoint["method"],
                                             headers={"Host": endpoint["host"], "Content-Type": "application/json"})
            started = time.monotonic()
            try:
                urllib.request.urlopen(request, timeout=30).read()
            except OSError:
                failures[0] += 1
            latencies.append((time.monotonic() - started) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100)
    return {"rps": len(latencies) / DURATION, "p50_ms": cuts[49], "p99_ms": cuts[98], "requests": len(latencies),
            "non_2xx": failures[0]}


def load_all(env, endpoints, question):
    wrk = ensure_wrk()
    tool = "wrk" if wrk else "python-threads"
    if not wrk:
        print("!! wrk không cài được: dùng bộ tạo tải Python (con số thấp hơn wrk, chỉ so sánh tương đối).")
    port = free_port()
    server = start_server(env, port)
    try:
        for endpoint in endpoints:
            measured = run_wrk(wrk, port, endpoint, question) if wrk else run_python_load(port, endpoint, question)
            endpoint.update(measured)
            print(f"  {endpoint['name']:<24} {measured['rps']:>8.1f} req/s  p50 {measured['p50_ms']:>7.1f} ms"
                  f"  p99 {measured['p99_ms']:>7.1f} ms  non-2xx {measured['non_2xx']}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return tool


def add_ratios(endpoints):
    rps = {endpoint["name"]: endpoint["rps"] for endpoint in endpoints}
    for endpoint in endpoints:
        endpoint["vs_static"] = round(endpoint["rps"] / rps["static_css"], 3)
        endpoint["vs_wagtail_v2"] = round(endpoint["rps"] / rps["wagtail_v2_pages"], 2)


def print_table(endpoints):
    print(f"\n{'endpoint':<24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'×static':>8} {'×v2':>6} "
          f"{'SQL@' + str(SMALL_PAGES):>9} {'SQL@' + str(PAGES):>10}")
    for e in endpoints:
        print(f"{e['name']:<24} {e['rps']:>8.1f} {e['p50_ms']:>8.1f} {e['p99_ms']:>8.1f} {e['vs_static']:>8.3f} "
              f"{e['vs_wagtail_v2']:>6.2f} {e['queries_small']:>9} {e['queries']:>10}")


def main():
    started = time.monotonic()
    small = probe(prepare(SMALL_PAGES))
    env = prepare(PAGES)
    large = probe(env)
    endpoints = large["endpoints"]
    for endpoint, small_endpoint in zip(endpoints, small["endpoints"]):
        endpoint["queries_small"] = small_endpoint["queries"]
    print(f"== đo tải {DURATION} s mỗi điểm, {CONNECTIONS} kết nối, {PAGES} trang", flush=True)
    tool = load_all(env, endpoints, large["question"])
    add_ratios(endpoints)
    print_table(endpoints)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    result = {"date": stamp, "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                         "python": platform.python_version()},
              "pages": PAGES, "small_pages": SMALL_PAGES, "duration_s": DURATION, "connections": CONNECTIONS,
              "server": "gunicorn 2 workers × 4 threads, cms.settings.bench, SQLite", "load_tool": tool,
              "endpoints": endpoints, "elapsed_s": round(time.monotonic() - started)}
    out = ROOT / "bench" / "results" / f"{stamp}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(f"\nKết quả: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
