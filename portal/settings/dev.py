"""Settings for `make run` and local work: a development secret, DEBUG on unless the environment says otherwise."""

from .base import *  # noqa: F401,F403
from .base import VAR_DIR
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# E-mails written to files, one per message batch, not to the console: the demo alone sends some thirty, which
# buried what `make run` prints. Every message is also in the outbox (faq.OutboundEmail).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH") or str(VAR_DIR / "mail")
if CELERY_BROKER_URL == "memory://":  # noqa: F405 - no broker: kombu's warning that it has no host says nothing
    LOGGING["loggers"]["kombu.connection"] = {"level": "ERROR"}  # noqa: F405
