"""`python bench/submissions.py [--database-url URL] [--count 200]`: a burst of public submissions, none lost.

Issue 6, item 4: N question and comment POSTs sent at the same instant to the portal served as `make serve`
serves it (gunicorn, 2 workers × 4 threads, settings ``portal.settings.bench``) must each be answered 201 and
stored exactly once, and every question must get its own tracking code. On SQLite this rests on WAL, BEGIN
IMMEDIATE and the busy timeout of portal/settings/base.py; this is where that is shown to hold.

The database is fresh: a new SQLite file (default ``var/bench/submissions-<pid>.sqlite3``), or a database
``vss_submissions_<pid>`` created on the PostgreSQL server a ``postgres://`` URL names; it is migrated and
bootstrapped with the demo (whose open drafts take the comments), and removed afterwards whatever happens.
Only the JSON API is posted to: the HTML forms need a CSRF cookie and a timing token issued at least three
seconds earlier, that is a browser session, and they store through the same ``submit`` functions.

Every request carries a marker (the run's id and its own index) in its body. A separate Django process lists
the stored rows that carry the run's marker, so a lost, doubled or mismatched record is named, not guessed.
``bench/run.py`` calls ``run(database_url, count)``; the test suite calls ``measure`` on a database it
prepared itself (a copy of its own), which is why preparing and measuring are separate.
"""

import argparse
import http.client
import json
import math
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SETTINGS = "portal.settings.bench"
SERVER_LOG = ROOT / "var" / "bench" / "submissions-gunicorn.log"
REQUEST_TIMEOUT = 120  # seconds: far beyond SQLite's 20 s busy timeout, so a wait is told from a hang
QUESTION_HOSTS = ("localhost", "hanoi.localhost", "danang.localhost")
COMMENT_HOSTS = ("localhost", "hanoi.localhost")  # where the demo puts its open draft
MARKER_INDEX = re.compile(r"\[KT-[0-9a-f]+-(\d+)\]")


def run(database_url=None, count=200):
    """Fresh database, demo data, gunicorn, ``count`` simultaneous POSTs, the stored rows checked: the figures."""
    with fresh_database(database_url) as env:
        prepare(env)
        return measure(env, count)


def django_env(database_url, cache_dir):
    """The environment of every process of the run: the bench settings (rate limits raised, mail discarded).

    ``cache_dir`` holds the run's own response cache: the default one under var/ is shared by every server
    on the machine, and this run's writes would purge tags of the others.
    """
    static_root = ROOT / "var" / "bench" / "static"
    static_root.mkdir(parents=True, exist_ok=True)
    return dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE=SETTINGS,
        STATIC_ROOT=str(static_root),
        RESPONSE_CACHE_DIR=str(cache_dir),
    )


def engine(env):
    return "postgresql" if env["DATABASE_URL"].startswith(("postgres://", "postgresql://")) else "sqlite"


@contextmanager
def fresh_database(database_url=None):
    """The environment for a database created here and removed on the way out, even after a failure."""
    pid = os.getpid()
    database_url = database_url or f"sqlite:///{ROOT / 'var' / 'bench' / f'submissions-{pid}.sqlite3'}"
    scheme = urlsplit(database_url).scheme
    if scheme in ("postgres", "postgresql"):
        database = postgresql_database(database_url, f"vss_submissions_{pid}")
    elif scheme == "sqlite":
        database = sqlite_file(database_url)
    else:
        raise SystemExit(f"Chỉ hỗ trợ sqlite:/// và postgres://, không hỗ trợ {scheme}://")
    cache_dir = ROOT / "var" / "bench" / f"submissions-{pid}-cache"
    try:
        with database as url:
            yield django_env(url, cache_dir)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)


@contextmanager
def sqlite_file(database_url):
    """A SQLite file that must not exist yet (fresh means fresh), deleted with its WAL files afterwards."""
    path = Path(urlsplit(database_url).path[1:])  # sqlite:////absolute or sqlite:///relative, as dj-database-url
    if path.exists():
        raise SystemExit(f"{path} đã có: cần một tệp cơ sở dữ liệu mới")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        yield f"sqlite:///{path.resolve()}"
    finally:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)


@contextmanager
def postgresql_database(server_url, name, template=None):
    """Database ``name`` (a copy of ``template`` if given) on the server of ``server_url``, dropped afterwards.

    The URL's own database (``postgres`` when it names none) is only used to connect for CREATE and DROP.
    """
    import psycopg

    parts = urlsplit(server_url)
    admin_url = urlunsplit(parts._replace(path="/" + (parts.path.strip("/") or "postgres")))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env, *args):
    """A management command; its chatter is dropped, its errors reach the terminal."""
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(env):
    print(f"== chuẩn bị {engine(env)}: migrate, bootstrap_portal --demo", flush=True)
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "bootstrap_portal", "--demo")


def measure(env, count=200, log_path=SERVER_LOG):
    """Serve the prepared database, fire ``count`` POSTs at once, then check what was stored against the answers."""
    marker = f"KT-{secrets.token_hex(4)}"
    before = stored_rows(env, marker)
    port = free_port()
    server = start_server(env, port, log_path)
    try:
        drafts = open_drafts(port)
        requests = build_requests(count, marker, drafts)
        print(f"== {engine(env)}: {count} yêu cầu POST cùng lúc (JSON API)", flush=True)
        answers, elapsed = fire(port, requests)
    finally:
        stop_server(server)
    result = summarise(engine(env), requests, answers, before, stored_rows(env, marker), elapsed)
    print(json.dumps(result, ensure_ascii=False, indent=1), flush=True)
    return result


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env, port, log_path):
    """gunicorn with `make serve`'s worker model (2 workers × 4 threads); returns once it answers."""
    log_path = Path(log_path)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--access-logfile",
                "-",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn đã dừng (mã {server.returncode}): xem {log_path}")
        try:
            opener.open(f"http://127.0.0.1:{port}/api/v1/sites/", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise RuntimeError(f"gunicorn không trả lời sau 60 s: xem {log_path}")


def stop_server(server):
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def get_json(port, host, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host, "Accept": "application/json"})
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        connection.close()


def open_drafts(port):
    """(host, draft id) of a draft open for comment on each of COMMENT_HOSTS, found through the public API."""
    drafts = []
    for host in COMMENT_HOSTS:
        status, body = get_json(port, host, "/api/v1/drafts/?state=open&limit=1")
        if status == 200 and body["items"]:
            drafts.append((host, body["items"][0]["id"]))
    if not drafts:
        raise RuntimeError("Không có dự thảo nào đang lấy ý kiến: cơ sở dữ liệu chưa có nội dung trình diễn?")
    return drafts


def build_requests(count, marker, drafts):
    """Half questions, half comments, spread over sites; each body carries ``[marker-index]``."""
    requests = []
    for index in range(count):
        tag = f"[{marker}-{index:04d}]"
        person = {"name": f"Người gửi thử {index}", "email": f"nguoi.gui.{index}@example.vn"}
        if index % 2 == 0:
            host = QUESTION_HOSTS[index // 2 % len(QUESTION_HOSTS)]
            payload = {
                **person,
                "title": "Hỏi về cấp lại thẻ bảo hiểm y tế",
                "publish_consent": False,
                "body": f"Tôi bị mất thẻ bảo hiểm y tế, xin hỏi thủ tục và thời hạn cấp lại thẻ. {tag}",
            }
            requests.append({"kind": "question", "host": host, "path": "/api/v1/questions/", "payload": payload})
        else:
            host, draft_id = drafts[index // 2 % len(drafts)]
            payload = {
                **person,
                "publish_name": False,
                "body": f"Đề nghị rút ngắn thời hạn đăng tải thông tin xuống một ngày làm việc. {tag}",
            }
            requests.append(
                {"kind": "comment", "host": host, "path": f"/api/v1/drafts/{draft_id}/comments/", "payload": payload}
            )
    return requests


def fire(port, requests):
    """Every request on its own connection, opened beforehand; a barrier releases them all at once.

    Returns one answer per request ({"status", "ms", "body"}; status "timeout" or "error" when no HTTP
    answer came) and the seconds from the release to the last answer.
    """
    answers = [None] * len(requests)
    barrier = threading.Barrier(len(requests) + 1)

    def send(index, request):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        try:
            connection.connect()
        except OSError:
            connection = None
        barrier.wait()
        answers[index] = post(connection, request)

    threads = [threading.Thread(target=send, args=item) for item in enumerate(requests)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.monotonic()
    for thread in threads:
        thread.join()
    return answers, time.monotonic() - started


def post(connection, request):
    started = time.monotonic()
    if connection is None:
        return {"status": "error", "ms": 0.0, "body": None}
    try:
        connection.request(
            "POST",
            request["path"],
            body=json.dumps(request["payload"]).encode(),
            headers={"Host": request["host"], "Content-Type": "application/json"},
        )
        response = connection.getresponse()
        raw = response.read()
        status = response.status
    except TimeoutError:
        status, raw = "timeout", b""
    except (OSError, http.client.HTTPException):
        status, raw = "error", b""
    finally:
        connection.close()
    try:
        body = json.loads(raw) if raw else None
    except ValueError:
        body = None
    return {"status": status, "ms": (time.monotonic() - started) * 1000, "body": body}


def stored_rows(env, marker):
    """What the database holds, read by a separate Django process (the server's caches play no part)."""
    output = subprocess.run(
        [PYTHON, __file__, "--stored", marker], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output)


def read_stored_rows(marker):
    """Inside Django: row counts, and the questions and comments whose body carries ``marker``."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from faq.models import Question
    from legal.models import DraftComment

    return {
        "questions": Question.objects.count(),
        "comments": DraftComment.objects.count(),
        "marked_questions": list(Question.objects.filter(body__contains=marker).values_list("tracking_code", "body")),
        "marked_comments": list(DraftComment.objects.filter(body__contains=marker).values_list("pk", "body")),
    }


def summarise(database, requests, answers, before, after, elapsed):
    """The figures, and every way the stored rows can disagree with what was sent and answered."""
    stored = defaultdict(list)  # request index -> stored keys (tracking code or comment id)
    for key, body in after["marked_questions"] + after["marked_comments"]:
        stored[int(MARKER_INDEX.search(body).group(1))].append(key)
    codes = [code for code, _ in after["marked_questions"]]
    latencies = sorted(answer["ms"] for answer in answers if isinstance(answer["status"], int))
    return {
        "database": database,
        "posted": len(requests),
        "questions": sum(request["kind"] == "question" for request in requests),
        "comments": sum(request["kind"] == "comment" for request in requests),
        "created": after["questions"] + after["comments"] - before["questions"] - before["comments"],
        "status_counts": dict(sorted(Counter(str(answer["status"]) for answer in answers).items())),
        "duplicates": sum(len(keys) - 1 for keys in stored.values()),
        "duplicate_codes": len(codes) - len(set(codes)),
        "lost": sum(1 for index in range(len(requests)) if not stored[index]),
        "receipt_mismatches": receipt_mismatches(requests, answers, stored),
        "elapsed_s": round(elapsed, 2),
        "p50_ms": percentile(latencies, 0.50),
        "p99_ms": percentile(latencies, 0.99),
        "client": "JSON API, http.client, one thread and connection per request, released by a barrier",
    }


def percentile(ordered, share):
    """Nearest-rank percentile of sorted latencies, in ms; None when no request got an HTTP answer."""
    if not ordered:
        return None
    return round(ordered[max(0, math.ceil(share * len(ordered)) - 1)], 1)


def receipt_mismatches(requests, answers, stored):
    """201 answers whose tracking code or comment id is not the one stored for that request."""
    mismatches = 0
    for index, (request, answer) in enumerate(zip(requests, answers, strict=True)):
        if answer["status"] != 201:
            continue
        body = answer["body"] or {}
        key = body.get("tracking_code", "").replace("-", "") if request["kind"] == "question" else body.get("id")
        mismatches += stored[index] != [key]
    return mismatches


def succeeded(result):
    return (
        result["status_counts"] == {"201": result["posted"]}
        and result["created"] == result["posted"]
        and result["lost"] == result["duplicates"] == result["duplicate_codes"] == 0
        and result["receipt_mismatches"] == 0
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        help="sqlite:///<tệp mới> hoặc postgres://<máy chủ> (mặc định: tệp SQLite mới trong var/bench/)",
    )
    parser.add_argument("--count", type=int, default=200, help="số yêu cầu POST gửi cùng lúc (mặc định 200)")
    parser.add_argument("--stored", metavar="MARKER", help=argparse.SUPPRESS)  # the checking process
    options = parser.parse_args()
    if options.stored:
        print(json.dumps(read_stored_rows(options.stored)))
        return 0
    return 0 if succeeded(run(options.database_url, options.count)) else 1


if __name__ == "__main__":
    sys.exit(main())
