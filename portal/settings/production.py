"""Production settings: refuse to start without a real secret; HTTPS-only cookies and strict security headers."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import LOGGING, SECRET_KEY
from .env import env_bool, env_str

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

DEBUG = env_bool("DEBUG", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Staff accounts (multisite_config/accounts.py): a second factor for every staff account, no demo.
REQUIRE_2FA = env_bool("REQUIRE_2FA", True)
DEMO_ALLOWED = False

# JSON lines for the log collector (core/logs.py), unless LOG_FORMAT=text is asked for.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
for _handler in LOGGING["handlers"].values():
    _handler["formatter"] = LOG_FORMAT
