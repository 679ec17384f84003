"""The production recipe (deploy/) stays true to the code: its environment file names exactly the variables the
settings read, its units start modules that exist, and its Varnish configuration compiles."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
READ_BY_SETTINGS = re.compile(r"env_(?:str|bool|list)\(\s*\"([A-Z0-9_]+)\"")


def settings_variables():
    names = set()
    for path in (ROOT / "portal" / "settings").glob("*.py"):
        names |= set(READ_BY_SETTINGS.findall(path.read_text(encoding="utf-8")))
    return names


def example_variables():
    """Every variable env.example sets or shows commented out (``#NAME=``)."""
    text = (DEPLOY / "env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))


def test_the_environment_file_names_every_variable_the_settings_read_and_no_other():
    settings = settings_variables() | {"DJANGO_SETTINGS_MODULE"}
    example = example_variables()
    assert {"DATABASE_URL", "REDIS_URL", "MEDIA_STORAGE", "SECRET_KEY"} <= settings
    assert settings - example == set(), "read by the settings but missing from deploy/env.example"
    assert example - settings == set(), "in deploy/env.example but read by no setting"


def test_every_unit_reads_the_environment_file_and_starts_what_the_repository_has():
    units = sorted((DEPLOY / "systemd").glob("vss-*.service"))
    assert [unit.name for unit in units] == [
        "vss-celery-beat.service",
        "vss-celery-worker.service",
        "vss-portal@.service",
    ]
    for unit in units:
        text = unit.read_text(encoding="utf-8")
        assert "EnvironmentFile=/etc/vss-portal/portal.env" in text, unit.name
        assert "WorkingDirectory=/opt/vss-portal" in text, unit.name
        for module in re.findall(r"gunicorn (\w+)\.wsgi:application|celery -A (\w+)", text):
            package = next(name for name in module if name)
            assert (ROOT / package / "celery.py").exists() or (ROOT / package / "wsgi.py").exists(), unit.name
    assert "portal.settings.production" in (DEPLOY / "env.example").read_text(encoding="utf-8")


def test_the_production_vcl_compiles_with_the_portal_policy():
    varnishd = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)
    if varnishd is None:
        pytest.skip("varnishd is not installed (make varnish-deps)")
    done = subprocess.run(
        [varnishd, "-C", "-p", f"vcl_path={DEPLOY / 'varnish'}", "-f", str(DEPLOY / "varnish" / "production.vcl")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if "xkey" in done.stderr and "Could not find VMOD" in done.stderr:
        pytest.skip("the xkey vmod (varnish-modules) is not installed")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "node_alive" in done.stdout + done.stderr  # the compiled C (varnishd -C prints it on stderr)
