"""Configuration comes from the environment: safe defaults for `make run`, strict production settings."""

import json

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


MEDIA = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "from django.core.files.storage import default_storage as d; "
    "print(json.dumps([s.STORAGES['default']['BACKEND'], s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], "
    "s.ADMIN_CSP_DIRECTIVES['img-src'], d.url('images/a.png'), d.url('documents/a.pdf').split('?')[0]]))"
)
ON_STORE = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "s3cret",
    "MEDIA_STORAGE": "s3",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.vn",
    "AWS_STORAGE_BUCKET_NAME": "vss-media",
    "AWS_ACCESS_KEY_ID": "key",
    "AWS_SECRET_ACCESS_KEY": "secret",
}


def test_media_stay_on_local_files_by_default():
    result = run_python(MEDIA, DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="s3cret")
    assert result.returncode == 0, result.stderr
    backend, img_src, _, image_url, _ = json.loads(result.stdout)
    assert backend == "django.core.files.storage.FileSystemStorage" and image_url == "/media/images/a.png"
    assert img_src == ["'self'", "data:"]


def test_media_storage_s3_puts_images_under_the_public_domain_and_allows_only_that_origin_for_images():
    result = run_python(MEDIA, **ON_STORE, AWS_S3_CUSTOM_DOMAIN="media.baohiemxahoi.gov.vn/vss-media")
    assert result.returncode == 0, result.stderr
    backend, img_src, admin_img_src, image_url, document_url = json.loads(result.stdout)
    assert backend == "core.object_storage.ObjectStorage"
    assert image_url == "https://media.baohiemxahoi.gov.vn/vss-media/images/a.png"
    # A document's URL never takes the public domain (a CDN may read the whole bucket); it is signed.
    assert document_url == "https://s3.example.vn/vss-media/documents/a.pdf"
    assert img_src[-1] == admin_img_src[-1] == "https://media.baohiemxahoi.gov.vn"


def test_media_storage_s3_without_an_endpoint_or_a_bucket_refuses_to_start():
    for missing in ("AWS_S3_ENDPOINT_URL", "AWS_STORAGE_BUCKET_NAME"):
        env = {name: value for name, value in ON_STORE.items() if name != missing}
        result = run_python(MEDIA, **env)
        assert result.returncode != 0 and "MEDIA_STORAGE=s3 needs" in result.stderr
