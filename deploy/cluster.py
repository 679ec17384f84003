"""`make cluster`: the portal as it runs at national scale, on one machine.

Two application nodes (gunicorn, as `make serve` runs one) share a PostgreSQL database and a Redis, and
Varnish in front of them keeps whole answers, spreads the misses over the nodes and drops what the app
names in its purges (deploy/varnish/portal.vcl, the cache contract of issue 13). One Celery worker and one
beat run the background jobs with that Redis as the broker (portal/celery.py). SQLite is refused: each
node would need the same file, and two machines never share one.

The Varnish part is also what the tests and the benchmark start (``start_varnish``, ``stop``), so this
module needs only the standard library: it is imported with the repository root on ``sys.path``, and run
as a script by `make cluster`, where the project's Python runs migrate, bootstrap and gunicorn.
"""

import contextlib
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PORTAL_VCL = ROOT / "deploy" / "varnish" / "portal.vcl"
LOG_DIR = ROOT / "var" / "cluster"
LOOPBACK = ("127.0.0.1", "::1")
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/vss_portal_cluster"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
DEFAULT_NODE_PORTS = (8101, 8102)
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql", "postgis"}
STARTUP_SECONDS = 60
STOP_SECONDS = 15

# Run by the project's Python (psycopg is one of its requirements, not of this module): creates the
# cluster's database when the server does not have it yet, as `make run` creates its SQLite file.
CREATE_DATABASE = """
import sys
import psycopg
from psycopg import sql

server_url, name = sys.argv[1:]
with psycopg.connect(server_url, autocommit=True) as connection:
    if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"Đã tạo cơ sở dữ liệu {name}.")
"""


def varnishd_path() -> str | None:
    """varnishd, when it and the xkey vmod (Debian's varnish-modules) are installed; otherwise None.

    /usr/sbin is not on an ordinary user's PATH on Debian, hence the second place looked at. The vmods are
    looked for beside varnishd's prefix, in the directories Debian (multiarch) and other builds use.
    """
    varnishd = shutil.which("varnishd") or ("/usr/sbin/varnishd" if os.access("/usr/sbin/varnishd", os.X_OK) else None)
    if varnishd is None:
        return None
    prefix = Path(varnishd).resolve().parent.parent
    patterns = ("lib/varnish/vmods", "lib64/varnish/vmods", "lib/*/varnish/vmods")
    if not any(any(prefix.glob(f"{pattern}/libvmod_xkey.so")) for pattern in patterns):
        return None
    return varnishd


def acl_entry(entry: str) -> str:
    """One address or network as VCL writes it (``"10.0.0.0"/8``); anything else is refused here, not by VCC."""
    network = ipaddress.ip_network(entry, strict=True)
    if network.num_addresses == 1:
        return f'"{network.network_address}";'
    return f'"{network.network_address}"/{network.prefixlen};'


def main_vcl(backend_ports: Sequence[int], purge_acl: Sequence[str] = LOOPBACK) -> str:
    """The deployment's half of the configuration: backends, their director and the purge ACL, then the policy.

    Varnish is the edge here (nothing in front of it terminates TLS), so a client's X-Forwarded-Proto is
    dropped: the nodes trust Varnish and would otherwise believe a client claiming HTTPS.
    """
    if not backend_ports:
        raise ValueError("Varnish needs at least one backend")
    if '"' in str(PORTAL_VCL):
        raise ValueError(f"cannot include a VCL path with a quote: {PORTAL_VCL}")
    backends = "\n".join(
        f'backend node_{index} {{ .host = "127.0.0.1"; .port = "{int(port)}"; }}'
        for index, port in enumerate(backend_ports, 1)
    )
    members = "\n".join(f"    nodes.add_backend(node_{index});" for index in range(1, len(backend_ports) + 1))
    allowed = "\n".join(f"    {acl_entry(entry)}" for entry in purge_acl)
    return f"""vcl 4.1;
# Written by deploy/cluster.py on each start; the cache policy is in {PORTAL_VCL.name}.
import directors;

{backends}

acl purgers {{
{allowed}
}}

sub vcl_init {{
    new nodes = directors.round_robin();
{members}
}}

sub vcl_recv {{
    set req.backend_hint = nodes.backend();
    # Varnish is the edge: a client's X-Forwarded-Proto would be believed by the nodes, which trust Varnish.
    unset req.http.X-Forwarded-Proto;
}}

include "{PORTAL_VCL}";
"""


def spawn(command: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start ``command`` in a process group of its own, output to ``log``.

    Its own group, so that ``stop`` can end whatever it forked (varnishd's child, gunicorn's workers) and
    so that Ctrl-C in the terminal reaches only `make cluster`, which then stops the parts in order.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as output:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(*processes: subprocess.Popen[bytes]) -> None:
    """SIGTERM (varnishd stops its child, gunicorn lets its workers finish), then SIGKILL to anything left.

    All are signalled before any is waited for: a gunicorn node takes a few seconds to wind down, and
    nodes stopped one after the other would add them up.
    """
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for process in processes:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(max(deadline - time.monotonic(), 0))
        with contextlib.suppress(ProcessLookupError):  # raised when the group is empty: all it started has ended
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def answers(port: int, method: str = "GET", path: str = "/", host: str = "localhost") -> int | None:
    """The HTTP status ``127.0.0.1:port`` answers with, or None when nothing answers yet."""
    request = f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as connection:
            connection.sendall(request)
            status_line = connection.makefile("rb").readline().split()
    except OSError:
        return None
    return int(status_line[1]) if len(status_line) >= 2 and status_line[1].isdigit() else None


def wait_until_answering(name: str, process: subprocess.Popen[bytes], port: int, log: Path, **probe: str) -> int:
    """Wait for the first HTTP answer (``probe``: as ``answers`` takes it); stop and raise when none comes."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        status = answers(port, **probe)
        if status is not None:
            return status
        time.sleep(0.2)
    stop(process)
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-15:]) if log.exists() else ""
    raise RuntimeError(f"{name} did not answer on port {port} (log {log}):\n{tail}")


def start_varnish(
    listen_port: int,
    backend_ports: Sequence[int],
    workdir: Path,
    purge_acl: Sequence[str] = LOOPBACK,
) -> subprocess.Popen[bytes]:
    """varnishd on 127.0.0.1:``listen_port`` in front of ``backend_ports``, answering when this returns.

    ``workdir`` holds the main VCL, varnishd's log (``varnishd.log``) and its instance files (``-n``), so
    several can run side by side (tests, benchmark, cluster). ``-j none``: the files belong to whoever
    starts it, and the unix jail would leave varnishd, dropped to the varnish user, unable to read them.
    Readiness is a PURGE without a key: varnishd answers it itself (400 or 403) once its child serves,
    whether or not the backends are up, and it changes nothing.
    """
    varnishd = varnishd_path()
    if varnishd is None:
        raise RuntimeError("varnishd or the xkey vmod is missing: run `make varnish-deps`")
    workdir = workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    vcl = workdir / "main.vcl"
    vcl.write_text(main_vcl(backend_ports, purge_acl))
    log = workdir / "varnishd.log"
    command = [
        varnishd,
        "-F",
        "-j",
        "none",
        "-n",
        str(workdir),
        "-a",
        f"127.0.0.1:{listen_port}",
        "-T",
        "127.0.0.1:0",
        "-f",
        str(vcl),
        "-s",
        "malloc,256m",
    ]
    process = spawn(command, log)
    wait_until_answering("varnishd", process, listen_port, log, method="PURGE")
    return process


def free_port(preferred: int = 0) -> int:
    """``preferred`` when nothing listens there, otherwise a port the system has free."""
    for port in (preferred, 0) if preferred else (0,):
        with socket.socket() as probe:
            # As gunicorn and varnishd bind: connections of a previous run left in TIME_WAIT do not count.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise RuntimeError("no free port")


def is_free(port: int) -> bool:
    return free_port(port) == port


def project_python() -> str:
    """The project's virtualenv (where Django, gunicorn and psycopg are), else the running interpreter."""
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def check_database_url(url: str) -> None:
    scheme = urlsplit(url).scheme.split("+")[0]
    if scheme in {"sqlite", "spatialite"}:
        raise SystemExit(
            f"make cluster cần một máy chủ cơ sở dữ liệu dùng chung (PostgreSQL), không dùng được SQLite "
            f"(DATABASE_URL={url}): hai nút sẽ mỗi nút một tệp riêng. "
            f"Bỏ DATABASE_URL để dùng {DEFAULT_DATABASE_URL}, hoặc đặt một địa chỉ postgres://."
        )


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database ``url`` names when the server does not have it."""
    parts = urlsplit(url)
    if parts.scheme.split("+")[0] not in POSTGRES_SCHEMES:
        return
    name = parts.path.lstrip("/")
    server_url = urlunsplit(("postgresql", parts.netloc, "/postgres", parts.query, ""))
    result = subprocess.run([project_python(), "-c", CREATE_DATABASE, server_url, name], cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"Không tạo hoặc không mở được cơ sở dữ liệu {name} trên {parts.hostname}:{parts.port}.")


def check_redis(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme != "redis" or not parts.hostname:
        return
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=3).close()
    except OSError as error:
        raise SystemExit(
            f"Redis không trả lời ở {parts.hostname}:{parts.port or 6379} (REDIS_URL={url}): {error}"
        ) from None


def node_ports() -> list[int]:
    """CLUSTER_NODE_PORTS (two ports, both must be free), else 8101 and 8102, or free ones when taken."""
    configured = os.environ.get("CLUSTER_NODE_PORTS")
    if configured:
        ports = [int(port) for port in configured.split(",")]
        if len(ports) != 2 or not all(is_free(port) for port in ports):
            raise SystemExit(f"CLUSTER_NODE_PORTS={configured}: cần hai cổng đang trống.")
        return ports
    first = free_port(DEFAULT_NODE_PORTS[0])
    with socket.socket() as holder:  # keeps the first port taken while the second is chosen
        holder.bind(("127.0.0.1", first))
        second = free_port(DEFAULT_NODE_PORTS[1])
    return [first, second]


def node_environment(database_url: str, redis_url: str, varnish_port: int) -> dict[str, str]:
    """What each node (and migrate, bootstrap, collectstatic) needs to run behind this Varnish."""
    domain = os.environ.get("PORTAL_DOMAIN") or "localhost"
    return dict(
        os.environ,
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        # Purges go to the one Varnish; the nodes reach it on loopback, which its ACL allows.
        CACHE_PURGE_URLS=f"http://127.0.0.1:{varnish_port}/",
        # Client addresses (rate limits, lockouts) come from the X-Forwarded-For that Varnish appends to.
        TRUSTED_PROXIES="127.0.0.1",
        # Public links (sites' ports, sitemaps, feeds) carry the port visitors use: Varnish's.
        PORTAL_PORT=str(varnish_port),
        # The jobs' broker: the same Redis unless one of its own is named.
        CELERY_BROKER_URL=os.environ.get("CELERY_BROKER_URL") or redis_url,
        WAGTAILADMIN_BASE_URL=os.environ.get("WAGTAILADMIN_BASE_URL") or f"http://{domain}:{varnish_port}",
        DEBUG=os.environ.get("DEBUG") or "0",  # as `make serve`: hashed, compressed static files
    )


def prepare(env: dict[str, str], varnish_port: int) -> None:
    """What `make run` does before serving: migrate, the sites and the demo (ports: Varnish's), static files."""
    python = project_python()
    for arguments in (
        ["migrate", "--noinput"],
        ["bootstrap_portal", "--demo", "--port", str(varnish_port)],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):
        subprocess.run([python, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


def start_node(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """gunicorn with `make serve`'s worker model (2 workers × 4 threads); the portal's request log (vss.requests)
    goes with the rest."""
    command = [
        project_python(),
        "-m",
        "gunicorn",
        "portal.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--threads",
        "4",
        # gunicorn's control socket has one default path per user: two nodes would take it from each other.
        "--no-control-socket",
    ]
    process = spawn(command, log, env)
    host = env.get("PORTAL_DOMAIN") or "localhost"
    status = wait_until_answering("gunicorn", process, port, log, path="/robots.txt", host=host)
    if status >= 500:
        stop(process)
        raise RuntimeError(f"the node on port {port} answers {status}: see {log}")
    return process


def start_jobs(env: dict[str, str], parts: dict[str, subprocess.Popen[bytes]]) -> None:
    """One Celery worker (answering when it logs "ready.") and one beat, the only one of the cluster.

    Beat keeps when each job last ran in a file under the cluster's logs, not in the repository.
    """
    celery = [project_python(), "-m", "celery", "-A", "portal"]
    log = LOG_DIR / "celery-worker.log"
    parts["Celery worker"] = worker = spawn([*celery, "worker", "--concurrency", "2", "--loglevel", "INFO"], log, env)
    deadline = time.monotonic() + STARTUP_SECONDS
    while not (log.exists() and "ready." in log.read_text(errors="replace")):
        if worker.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the Celery worker did not start: see {log}")
        time.sleep(0.2)
    print(f"Celery worker: 2 tiến trình, nhật ký {shown(log)}", flush=True)
    log = LOG_DIR / "celery-beat.log"
    schedule = LOG_DIR / "celerybeat-schedule"
    parts["Celery beat"] = spawn([*celery, "beat", "--loglevel", "INFO", "--schedule", str(schedule)], log, env)
    print(f"Celery beat: lịch CELERY_BEAT_SCHEDULE, nhật ký {shown(log)}", flush=True)


def shown(path: Path) -> Path:
    """A path as whoever typed `make cluster` in the repository finds it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def interrupted(signum: int, frame: FrameType | None) -> None:
    """The first SIGINT or SIGTERM stops the cluster; any that follows (a second Ctrl-C, `timeout` passing its own
    SIGTERM on) is ignored from here on, so it cannot break off the stopping half-way."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def serve(env: dict[str, str], ports: list[int], varnish_port: int, parts: dict[str, subprocess.Popen[bytes]]) -> int:
    """Start node A, node B, Varnish, the worker and beat (recording each in ``parts``), then wait until one ends."""
    for name, port in zip(("A", "B"), ports, strict=True):
        log = LOG_DIR / f"node-{name.lower()}.log"
        parts[f"Nút {name}"] = start_node(port, env, log)
        print(
            f"Nút {name}:   http://127.0.0.1:{port}/  gunicorn 2 tiến trình × 4 luồng, nhật ký {shown(log)}", flush=True
        )
    workdir = LOG_DIR / "varnish"
    parts["Varnish"] = start_varnish(varnish_port, ports, workdir)
    log = workdir / "varnishd.log"
    print(f"Varnish: http://127.0.0.1:{varnish_port}/  trước nút A và B, nhật ký {shown(log)}", flush=True)
    start_jobs(env, parts)
    domain = env.get("PORTAL_DOMAIN") or "localhost"
    print(
        f"Cổng quốc gia http://{domain}:{varnish_port}/, tỉnh http://hanoi.{domain}:{varnish_port}/ … "
        f"Nhật ký trong {shown(LOG_DIR)}/. Ctrl-C để dừng.",
        flush=True,
    )
    while not (ended := [name for name, process in parts.items() if process.poll() is not None]):
        time.sleep(0.5)
    print(f"{ended[0]} đã dừng (mã {parts[ended[0]].returncode}): dừng cả cụm.", file=sys.stderr, flush=True)
    return 1


def main() -> int:
    """Prepare the database, start the nodes, Varnish and the jobs, serve until interrupted, then stop them all."""
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    redis_url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    check_database_url(database_url)
    if varnishd_path() is None:
        raise SystemExit("Thiếu varnishd hoặc vmod xkey: chạy `make varnish-deps` (cài varnish, varnish-modules).")
    varnish_port = int(os.environ.get("CLUSTER_PORT") or 8080)
    if not is_free(varnish_port):
        raise SystemExit(f"Cổng {varnish_port} đang bận: đặt CLUSTER_PORT sang một cổng trống.")
    ports = node_ports()
    check_redis(redis_url)

    # `kill`, systemd or make passing on a SIGTERM: the same clean stop as Ctrl-C.
    previous = signal.signal(signal.SIGTERM, interrupted)
    previous_interrupt = signal.signal(signal.SIGINT, interrupted)
    parts: dict[str, subprocess.Popen[bytes]] = {}
    try:
        ensure_database(database_url)
        env = node_environment(database_url, redis_url, varnish_port)
        prepare(env, varnish_port)
        return serve(env, ports, varnish_port, parts)
    except KeyboardInterrupt:
        print("\nĐang dừng cụm…", flush=True)
        return 0
    except (RuntimeError, subprocess.CalledProcessError) as error:
        print(f"Không khởi động được cụm: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        # A second Ctrl-C must not leave half of the cluster running; stop() ends in SIGKILL anyway.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if "Varnish" in parts:
            stop(parts.pop("Varnish"))  # first: no new request reaches a node being stopped
        stop(*parts.values())
        signal.signal(signal.SIGINT, previous_interrupt)
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
