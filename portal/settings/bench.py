"""Settings for `make bench`: production-like (DEBUG off, hashed static files through whitenoise) over plain
HTTP on 127.0.0.1, with public rate limits raised so the load tool measures the endpoint, not the 429."""

from .base import *  # noqa: F401,F403
from .env import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "bench-only-key-never-served-publicly")
PUBLIC_RATE_LIMITS = {kind: (10**9, 60) for kind in ("question", "information_request", "comment", "track", "rating")}
# Mail is discarded: the console backend would write every acknowledgement into the server's output.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
