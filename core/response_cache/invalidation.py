"""A new generation token after every committed write that may show on a public page or in the API.

Listening to every model's saves and deletes (rather than a list of models that are public) errs on the safe
side: a model added next year invalidates the cache without anyone remembering to register it. Models that
never reach public output and are written during ordinary reads (sessions, logs, renditions made while a page
renders, search and reference indexes, the mail outbox) are ignored so that serving a page does not flush the
cache. The token is dropped when the transaction commits: dropping it before would let a request that read the
old rows store them under the next token.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_unpublished, post_page_move

from .generation import invalidate


def is_ignored(sender: type[Model], update_fields: Iterable[str] | None = None) -> bool:
    if sender._meta.label in settings.RESPONSE_CACHE["IGNORED_MODELS"]:
        return True
    return bool(update_fields and set(update_fields) <= {"last_login"})


def content_changed(sender: type[Model], update_fields: Iterable[str] | None = None, **kwargs: Any) -> None:
    if not is_ignored(sender, update_fields):
        transaction.on_commit(invalidate, using=kwargs.get("using"))


def connect() -> None:
    """Called from CmsConfig.ready(): signals for saves, deletes, m2m changes, unpublishing and moves."""
    for signal in (post_save, post_delete, m2m_changed, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"response-cache-{id(signal)}")
