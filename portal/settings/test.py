"""Settings for the test suite: fast hashing, in-memory e-mail, no DEBUG."""

from .base import *  # noqa: F401,F403
from .base import CACHES, MEDIA_STORAGE, RESPONSE_CACHE, STATIC_ROOT, STORAGES
from .env import env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "test-only-key")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    # Files in memory, unless a node the suite starts is on the object store (tests/core/test_object_storage.py).
    "default": STORAGES["default"]
    if MEDIA_STORAGE == "s3"
    else {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# whitenoise warns on every request when STATIC_ROOT is missing; tests serve static files by finders.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Off by default, answers and layout fragments alike: tests run inside a transaction that never commits, so the
# purges (on commit) would not run; the ``response_cache`` fixture turns both on and tests run the commit callbacks.
RESPONSE_CACHE["ENABLED"] = False
RESPONSE_CACHE["FRAGMENTS"] = False
# Each test process keeps its own copies, so two runs on one machine never share one.
CACHES["responses"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "vss-test-responses"}
