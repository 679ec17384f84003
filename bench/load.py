"""The load generators of `make bench`: wrk when it is installed (or can be), a Python one with threads otherwise.

Every measurement of the bench goes through here, so the figures of one run come from one tool, which the
results file names (``Loader.tool``).
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request

DURATION = int(os.environ.get("BENCH_DURATION", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))


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
