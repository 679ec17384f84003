"""Periodic jobs of the core (the beat schedule is ``CELERY_BEAT_SCHEDULE`` in the settings)."""

import io

from celery import shared_task
from django.core.management import call_command

from .response_cache import purgers


@shared_task
def publish_scheduled() -> str:
    """Wagtail's scheduled publishing and unpublishing (``go_live_at``, ``expire_at``), run every minute.

    Wagtail publishes nothing by itself at the chosen moment: its ``publish_scheduled`` command does, and the
    purges of what it publishes follow from the same signals as an editor's click.
    """
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    return output.getvalue()


@shared_task
def send_pending_purges() -> int:
    """Purges a shared cache refused, sent again until it accepts them; returns how many are still pending."""
    return purgers.retry_pending()
