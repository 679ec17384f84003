"""Purges sent to the shared HTTP cache in front of the nodes (Varnish with xkey, or another by settings).

``RESPONSE_CACHE["PURGE_URLS"]`` lists the caches (every Varnish, or a CDN's purge endpoint);
``RESPONSE_CACHE["PURGER"]`` names the class that speaks to them. ``XkeyPurger`` sends what
``deploy/varnish/portal.vcl`` accepts: ``PURGE /`` with the tags in a header; a CDN with surrogate keys
takes a subclass that changes the method, header or URL. A purge that fails is kept (``PendingPurge``),
logged, and sent again before the next one and by ``manage.py send_pending_purges``.
"""

import logging
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from ..models import PendingPurge

logger = logging.getLogger(__name__)


class PurgeFailed(Exception):
    pass


class Purger(Protocol):
    def purge(self, url: str, tags: list[str]) -> None: ...


class XkeyPurger:
    """``PURGE`` with ``xkey-purge: <tags>`` (varnish-modules' xkey); any answer but 200 is a failure."""

    method = "PURGE"
    header = "xkey-purge"
    timeout = 3.0

    def purge(self, url: str, tags: list[str]) -> None:
        request = urllib.request.Request(url, method=self.method, headers={self.header: " ".join(tags)})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                status = answer.status
        except (OSError, urllib.error.URLError) as error:
            raise PurgeFailed(str(error)) from error
        if status != 200:
            raise PurgeFailed(f"HTTP {status}")


def purger() -> Purger:
    return import_string(settings.RESPONSE_CACHE["PURGER"])()


def send(tags: set[str]) -> None:
    """Sends ``tags`` to every shared cache, after the purges still pending; keeps what fails."""
    urls = settings.RESPONSE_CACHE["PURGE_URLS"]
    if not urls or not tags:
        return
    retry_pending()
    sender = purger()
    for url in urls:
        try:
            sender.purge(url, sorted(tags))
        except PurgeFailed as error:
            logger.warning("Purge of %s at %s failed (%s); kept to be sent again", sorted(tags), url, error)
            PendingPurge.objects.create(url=url, tags=" ".join(sorted(tags)), last_error=str(error)[:500])


def retry_pending() -> int:
    """Sends the kept purges again, oldest first, until one fails; returns how many are still pending.

    Stopping at the first failure keeps a write from waiting on every kept purge while a cache is down.
    """
    sender = purger()
    for pending in PendingPurge.objects.all():
        try:
            sender.purge(pending.url, pending.tags.split())
        except PurgeFailed as error:
            pending.attempts += 1
            pending.last_error = str(error)[:500]
            pending.save(update_fields=["attempts", "last_error"])
            break
        pending.delete()
    return PendingPurge.objects.count()
