"""Stock Wagtail in the same run: the project `wagtail start` makes, on SQLite, with 35 sites × 100 pages.

The issue's baseline for public pages is "a simple page" of an unmodified Wagtail 8 project served the way the
portal is (gunicorn 2 workers × 4 threads, DEBUG off); measuring it beside the portal, on the same machine in
the same minutes, keeps the ratio meaningful on a shared machine whose absolute figures move by ±40 %.
"""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOCK = ROOT / "var" / "bench" / "stock"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
SITES, PAGES_PER_SITE = 35, 100
HOST, PATH = "site7.localhost", "/page-50/"

LOCAL_SETTINGS = """DEBUG = False
SECRET_KEY = "bench-only-stock-wagtail"
ALLOWED_HOSTS = ["*"]
"""

SEED = f"""
from wagtail.models import Page, Site
from home.models import HomePage
root = Page.get_first_root_node()
if not Site.objects.filter(hostname="site0.localhost").exists():
    for number in range({SITES}):
        home = root.add_child(instance=HomePage(title=f"Site {{number}}", slug=f"site-{{number}}"))
        Site.objects.create(hostname=f"site{{number}}.localhost", port=80, root_page=home)
        for page in range(1, {PAGES_PER_SITE}):
            home.add_child(instance=HomePage(title=f"Page {{page}}", slug=f"page-{{page}}"))
"""


def stock_env():
    return dict(os.environ, DJANGO_SETTINGS_MODULE="stock.settings.production", PYTHONPATH=str(STOCK))


def manage(*args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=STOCK, env=stock_env(), check=True, stdout=subprocess.DEVNULL)


def prepare():
    """Create the stock project once (`wagtail start`), migrate, seed the pages, collect its static files."""
    if not (STOCK / "manage.py").exists():
        STOCK.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "wagtail"), "start", "stock", str(STOCK)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (STOCK / "stock" / "settings" / "local.py").write_text(LOCAL_SETTINGS)
    print("== Wagtail gốc (wagtail start): 35 trang × 100 trang con", flush=True)
    manage("migrate", "--noinput", "--verbosity", "0")
    manage("shell", "-c", SEED)
    manage("collectstatic", "--noinput", "--verbosity", "0")
    return {
        "name": "stock_wagtail_page",
        "method": "GET",
        "host": HOST,
        "path": PATH,
        "status": 200,
        "queries": None,
        "queries_small": None,
    }


def server_command(port):
    """gunicorn as for the portal: 2 workers × 4 threads."""
    return [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "stock.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--threads",
        "4",
        "--chdir",
        str(STOCK),
    ]
