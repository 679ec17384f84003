"""The project: settings, URLs, the assembled API, and the Celery application every process loads with it."""

from .celery import app as celery_app

__all__ = ("celery_app",)
