"""Configuration comes from the environment: safe defaults for `make run`, strict production settings."""

from tests.support.processes import run_python

SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECRET_KEY, s.DEBUG, s.LANGUAGE_CODE, s.TIME_ZONE, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
    "s.SECURE_HSTS_SECONDS, s.SECURE_CONTENT_TYPE_NOSNIFF, s.SECURE_REFERRER_POLICY, s.X_FRAME_OPTIONS)"
)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(SHOW, DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_is_strict():
    result = run_python(SHOW, DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="s3cret")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "s3cret",
        "False",
        "vi",
        "Asia/Ho_Chi_Minh",
        "True",
        "True",
        "31536000",
        "True",
        "strict-origin-when-cross-origin",
        "DENY",
    ]


def test_dev_has_a_development_secret_and_covers_localhost_subdomains():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(bool(s.SECRET_KEY), s.ALLOWED_HOSTS)"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True") and "'.localhost'" in result.stdout


def test_sqlite_default_runs_in_wal_mode_with_a_busy_timeout_and_kept_connections(tmp_path):
    """Kept: opening a connection reads the whole schema, which cost an uncached page more than its queries."""
    code = (
        "import django; django.setup(); from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "c.execute('PRAGMA busy_timeout'); print(c.fetchone()[0]); print(connection.settings_dict['CONN_MAX_AGE'])"
    )
    result = run_python(
        code, DJANGO_SETTINGS_MODULE="portal.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3"
    )
    assert result.returncode == 0, result.stderr
    journal, timeout_ms, kept_s = result.stdout.split()
    assert journal == "wal" and int(timeout_ms) >= 5000 and int(kept_s) >= 60


def test_redis_url_selects_the_redis_cache():
    code = "import django; django.setup(); from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    with_redis = run_python(code, DJANGO_SETTINGS_MODULE="portal.settings.dev", REDIS_URL="redis://127.0.0.1:6379/1")
    without = run_python(code, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert with_redis.stdout.strip() == "core.caches.DegradingRedisCache"
    assert without.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


def test_production_requires_a_second_factor_locks_out_and_has_no_demo():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.REQUIRE_2FA, s.DEMO_ALLOWED, s.AXES_FAILURE_LIMIT, int(s.AXES_COOLOFF_TIME.total_seconds()), "
        "s.ADMIN_IDLE_TIMEOUT, 'multisite_config.two_factor.TwoFactorRequiredMiddleware' in s.MIDDLEWARE, "
        "'core.headers.PortalCSPMiddleware' in s.MIDDLEWARE)"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="s3cret")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "10", "1800", "1800", "True", "True"]
