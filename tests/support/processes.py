"""Other processes of the portal for the tests: a fresh interpreter (settings are read once per process) or
manage.py with an environment of its own (a second node, an operator's command)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_python(code, **env):
    """Run code in a fresh interpreter so each settings module is imported from scratch."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS", "REDIS_URL"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def manage(env, *arguments, timeout=300):
    """Run ``manage.py *arguments`` as another process of the portal (a second node, an operator's command) with
    exactly the environment ``env``; the completed process, its output captured as text."""
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
