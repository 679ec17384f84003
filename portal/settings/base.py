"""Settings shared by every environment; each value comes from the environment with a safe default."""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
PORTAL_DOMAIN = env_str("PORTAL_DOMAIN", "localhost")
# The port public links carry (80/443 omit it), when the environment names one; `make run` serves on PORT (8000).
# Unset, `bootstrap_portal` keeps each site's port and gives new sites PORTAL_DEFAULT_PORT (portal/bootstrap.py).
PORTAL_PORT = int(env_str("PORTAL_PORT") or env_str("PORT") or 0) or None
PORTAL_DEFAULT_PORT = 8000
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1", PORTAL_DOMAIN, f".{PORTAL_DOMAIN}"])

INSTALLED_APPS = [
    "home",
    "legal",
    "faq",
    "contacts",
    "ratings",
    "complaints",
    "multisite_config",
    "core",
    "portal",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "rest_framework",
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "core.proxies.TrustedProxyMiddleware",
    # PROBE_VIEWS (/healthz, /readyz, /metrics), answered before the Host header or the site is read (core/health.py).
    "core.health.ProbeMiddleware",
    # One line per request on the logger vss.requests (core/logs.py; probes above are not logged).
    "core.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.headers.PortalCSPMiddleware",
    "core.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.metrics.ResponseCacheMetricsMiddleware",
    "core.response_cache.middleware.ResponseCacheMiddleware",
    "core.sites.SiteLookupMiddleware",
    "core.api.errors.ProblemJsonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.api.caching.ApiCacheControlMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "multisite_config.two_factor.TwoFactorRequiredMiddleware",
    "multisite_config.accounts.IdleAdminSessionMiddleware",
    "multisite_config.middleware.AdminSiteConfinementMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "core" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]


def _sqlite_default():
    """SQLite under var/, in WAL mode with a busy timeout so concurrent writers wait instead of failing."""
    VAR_DIR.mkdir(exist_ok=True)
    return f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"


# Connections are kept for a minute by each worker thread, SQLite's too: opening one reads the whole schema
# (about 370 tables and indexes), which cost an uncached page more than its own queries (~3 ms of CPU each).
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL") or _sqlite_default(), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # core.caches.DegradingRedisCache: while Redis is unreachable every read is a miss and every write is dropped
    # (pages are rendered from the database, slower, never a 500); short socket timeouts and a pause of
    # RETRY_AFTER seconds after a failure keep a dead Redis cheap.
    _REDIS_OPTIONS = {
        "socket_connect_timeout": float(env_str("REDIS_CONNECT_TIMEOUT", "0.5")),
        "socket_timeout": float(env_str("REDIS_TIMEOUT", "1.0")),
        "RETRY_AFTER": float(env_str("REDIS_RETRY_AFTER", "10")),
    }
    CACHES = {
        "default": {"BACKEND": "core.caches.DegradingRedisCache", "LOCATION": REDIS_URL, "OPTIONS": _REDIS_OPTIONS},
        "responses": {
            "BACKEND": "core.caches.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "responses",
            "OPTIONS": _REDIS_OPTIONS,
        },
        # Counters every worker and node shares (core/counters.py; without Redis they are a database table).
        "shared": {
            "BACKEND": "core.caches.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "shared",
            "OPTIONS": _REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "vss-portal"},
        # Files under var/: every worker of the machine shares the stored answers and their tags' versions
        # (a worker's own memory would keep answers another worker's write had purged).
        "responses": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("RESPONSE_CACHE_DIR") or str(VAR_DIR / "cache" / "responses"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }
# Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (core/proxies.py); none by default.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])

# Health and metrics (README "Health and metrics"): the paths answered before the Host, site or HTTPS checks
# (core/health.py), and the networks whose clients may read /metrics (anyone else gets a 404). Behind a trusted
# proxy the client is the address it forwarded for (core/proxies.py).
PROBE_VIEWS = {"/healthz": "core.health.healthz", "/readyz": "core.health.readyz", "/metrics": "portal.metrics.metrics"}
METRICS_ALLOWED_NETWORKS = env_list(
    "METRICS_ALLOWED_NETWORKS",
    ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
)

# Whole answers to anonymous public GETs (core/response_cache): see that package for what is kept, the tags
# each answer carries and what a write purges. A shared cache in front (Varnish, deploy/varnish/portal.vcl)
# reads the tags from TAG_HEADER and takes the purges PURGER sends to each of PURGE_URLS.
RESPONSE_CACHE = {
    "ENABLED": env_bool("RESPONSE_CACHE", True),
    # The layout every page of a site shares, kept in the same store (core/response_cache/fragments.py): with
    # RESPONSE_CACHE=0 answers are rendered each time but still reuse it.
    "FRAGMENTS": env_bool("RESPONSE_CACHE_FRAGMENTS", True),
    "ALIAS": "responses",
    "TIMEOUT": 24 * 3600,
    "TAG_HEADER": env_str("CACHE_TAG_HEADER", "xkey"),
    "PURGE_URLS": env_list("CACHE_PURGE_URLS", []),
    "PURGER": env_str("CACHE_PURGER", "core.response_cache.purgers.XkeyPurger"),
    "PERSONAL_COOKIES": ("sessionid", "messages"),
    "EXCLUDED_PREFIXES": ("/admin/", "/documents/"),
    # Written while serving or never shown publicly: a write to them must not flush every cached page.
    "IGNORED_MODELS": {
        "sessions.Session",
        "admin.LogEntry",
        "wagtailcore.PageLogEntry",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.Revision",
        "wagtailcore.ReferenceIndex",
        "wagtailcore.TaskState",
        "wagtailcore.WorkflowState",
        "wagtailcore.PageSubscription",
        "wagtailimages.Rendition",
        "wagtailsearch.IndexEntry",
        "wagtailsearch.SQLiteFTSIndexEntry",
        "wagtailusers.UserProfile",
        # Staff accounts, their groups and permissions, editorial comments and workflows: admin only (no public
        # page names a user: a news article's author is a text field).
        "auth.User",
        "auth.Group",
        "wagtailcore.GroupPagePermission",
        "wagtailcore.GroupCollectionPermission",
        "wagtailcore.GroupSitePermission",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
        "wagtailcore.Task",
        "wagtailcore.GroupApprovalTask",
        "wagtailcore.Workflow",
        "wagtailcore.WorkflowTask",
        "wagtailcore.WorkflowPage",
        "wagtailcore.WorkflowContentType",
        "wagtailcore.UploadedFile",
        "wagtailadmin.EditingSession",
        "faq.OutboundEmail",
        "faq.Reminder",
        "cms.JobCheckpoint",
        "cms.SharedCounter",
        "cms.PendingPurge",
        "axes.AccessAttempt",
        "axes.AccessLog",
        "axes.AccessFailureLog",
        "otp_totp.TOTPDevice",
        "otp_static.StaticDevice",
        "otp_static.StaticToken",
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Content-Security-Policy (core/headers.py): public pages run scripts and styles from the portal only, no
# inline script (a nonce is there for one that a template may need); the admin allows Wagtail's inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
ADMIN_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}

# Staff accounts (multisite_config/accounts.py): lockout and the demo-password guard first, then the usual
# model backend.
AUTHENTICATION_BACKENDS = [
    "multisite_config.accounts.StaffSignInBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Whether `bootstrap_portal --demo` may run and the demo's published passwords may sign in (off in production).
DEMO_ALLOWED = True
# An admin session lapses after this many seconds without a request (30 minutes).
ADMIN_IDLE_TIMEOUT = int(env_str("ADMIN_IDLE_TIMEOUT", "1800"))
# Lockout (django-axes): failures per account and, separately, per client address, in the database.
AXES_FAILURE_LIMIT = int(env_str("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env_str("LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "core.proxies.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cms/locked_out.html"
AXES_VERBOSE = False
# Two-factor sign-in (django-otp: TOTP and recovery codes, multisite_config/two_factor.py): every staff account
# must enrol and enter a code after its password when REQUIRE_2FA is on (on in production, off in the demo).
REQUIRE_2FA = env_bool("REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "Cổng BHXH"  # the name authenticator apps show beside the code

LANGUAGE_CODE = "vi"
# Our catalogue (portal/translations.py) over Wagtail's thin Vietnamese one; the admin offers no other language.
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAILADMIN_USER_LOGIN_FORM = "multisite_config.login_form.LoginForm"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Vietnamese numbers (5.000 ký tự): Django's vi formats plus the grouping they lack (core/numbers.py).
FORMAT_MODULE_PATH = ["core.formats"]
# New pages get ASCII slugs (bhxh-ha-noi, not bhxh-hà-nội): the admin's slug field folds Vietnamese (core/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media and documents (README, "Media on object storage"): files under MEDIA_ROOT on this machine by default;
# with MEDIA_STORAGE=s3, a bucket on an S3-compatible store (MinIO, a cloud bucket) that every node shares,
# through django-storages (core/object_storage.py). Image renditions use the default storage too (no
# WAGTAILIMAGES_RENDITION_STORAGE). The bucket stays private: documents are read by the nodes with their keys
# and streamed after the portal's check; only image files get public URLs, under AWS_S3_CUSTOM_DOMAIN (host
# and path of a public base, e.g. a CDN, served over https) or the bucket's address on the endpoint. Their
# origin is added to the pages' and the admin's img-src.
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
    AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
    if not (AWS_S3_ENDPOINT_URL and AWS_STORAGE_BUCKET_NAME):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_S3_ENDPOINT_URL and AWS_STORAGE_BUCKET_NAME.")
    _public_domain = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    STORAGES["default"] = {
        "BACKEND": "core.object_storage.ObjectStorage",
        "OPTIONS": {
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "access_key": env_str("AWS_ACCESS_KEY_ID"),
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY"),
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "public_domain": _public_domain,
            # Wagtail names a second upload of "bao-cao.pdf" anew; django-storages would overwrite the first.
            "file_overwrite": False,
            "querystring_expire": 300,
        },
    }
    _images = urlsplit(f"https://{_public_domain}" if _public_domain else AWS_S3_ENDPOINT_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_images.scheme}://{_images.netloc}")
    ADMIN_CSP_DIRECTIVES["img-src"].append(f"{_images.scheme}://{_images.netloc}")
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE is local (the default) or s3.")

NINJA_PAGINATION_PER_PAGE = 20
NINJA_PAGINATION_MAX_LIMIT = 100
NINJA_PAGINATION_CLASS = "core.api.pagination.LimitOffset"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Public submissions per client address and window (count, seconds); past it the answer is 429 with
# Retry-After (core/abuse.py). Lookups and ratings are cheap and legitimately repeated, so they get more.
PUBLIC_RATE_LIMITS = {
    "question": (5, 600),
    "information_request": (5, 600),
    "comment": (10, 600),
    "track": (30, 600),
    "rating": (30, 600),
    "satisfaction": (20, 600),
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"no-reply@{PORTAL_DOMAIN}")
# With EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend, the server comes from these.
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10  # a slow mail server must not hold a public request: the outbox retries later

WAGTAIL_SITE_NAME = "Cổng Thông tin điện tử Bảo hiểm xã hội Việt Nam"


def _base_url(domain, port):
    """The portal's address as links in e-mails carry it: https on 443, no port on 80 or 443."""
    scheme = "https" if port == 443 else "http"
    return f"{scheme}://{domain}" if port in (80, 443) else f"{scheme}://{domain}:{port}"


# Links in workflow and reminder e-mails: the host and port that serve the portal, unless set whole.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or _base_url(PORTAL_DOMAIN, PORTAL_PORT or PORTAL_DEFAULT_PORT)
WAGTAIL_WORKFLOW_ENABLED = True
# An editor's search in the admin must only ever return pages of their own site.
WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS = True
from .search import WAGTAILSEARCH_BACKENDS  # noqa: E402,F401 - chosen from the environment (portal/settings/search.py)

# Every download goes through Wagtail's view and its before_serve_document check (multisite_config/documents.py),
# never to a storage URL that would bypass it.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "txt", "zip"]

# Background jobs (portal/celery.py; README "Jobs"): Celery with Redis as the broker, beat for the schedules.
# CELERY_BROKER_URL, else REDIS_URL (the cache's server: one service less than RabbitMQ). With neither (the
# `make run` default) the broker is "memory://": each task runs in-process when queued, and `manage.py run_jobs`
# runs every beat job once.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == "memory://"
CELERY_TASK_IGNORE_RESULT = True  # no result backend: a job records its outcome in the database it changes
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # the worker logs through LOGGING, as the web nodes do
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request that queues a job waits about a second at most for a broker that is down, instead of retrying for ever
# (kombu's default for a new connection): the sweeps do the job later.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
# A job taken by a worker that dies is delivered again (each job is safe to run twice).
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE = {
    "send-pending-emails": {"task": "faq.tasks.send_pending_emails", "schedule": 60.0},
    "send-deadline-reminders": {"task": "faq.tasks.send_deadline_reminders", "schedule": 15 * 60.0},
    "publish-scheduled-pages": {"task": "core.tasks.publish_scheduled", "schedule": 60.0},
    "purge-comment-windows": {"task": "legal.tasks.purge_comment_windows", "schedule": 60.0},
    "send-pending-purges": {"task": "core.tasks.send_pending_purges", "schedule": 60.0},
}

# Logs (README "Logs", core/logs.py): one line per request (vss.requests) and per job (vss.jobs) on stdout, the
# rest (warnings and errors) on stderr; as JSON with LOG_FORMAT=json (production's default) or as readable text.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.logs.JsonFormatter"}, "text": {"()": "core.logs.TextFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT},
        "events": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": LOG_FORMAT},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "vss.requests": {"handlers": ["events"], "level": "INFO", "propagate": False},
        "vss.jobs": {"handlers": ["events"], "level": "INFO", "propagate": False},
        # A failed probe is answered with its reason (503); the traceback on every probe would flood the log.
        "health_check": {"level": "ERROR"},
    },
}

# No avatars fetched from gravatar.com: the portal's network may not reach it, and the admin's
# Content-Security-Policy allows images from the portal only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No call from editors' browsers to releases.wagtail.org: upgrades are the team's job, and the admin's
# Content-Security-Policy allows connections to the portal only.
WAGTAIL_ENABLE_UPDATE_CHECK = False
