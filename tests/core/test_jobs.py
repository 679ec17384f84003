"""The core's periodic jobs: Wagtail's scheduled publishing and unpublishing, purges sent again until accepted."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Page

from core.models import PendingPurge
from core.tasks import publish_scheduled, send_pending_purges
from tests.home.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


class RecordingPurger:
    sent: list[tuple[str, list[str]]] = []

    def purge(self, url, tags):
        type(self).sent.append((url, tags))


def test_scheduled_pages_go_live_and_expire_when_the_job_runs(hanoi):
    expiring = NewsPageFactory(site=hanoi, title="Hết hạn")
    Page.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))
    scheduled = NewsPageFactory(site=hanoi, title="Hẹn giờ")
    scheduled.unpublish()
    scheduled.title = "Hẹn giờ đăng"
    scheduled.save_revision(approved_go_live_at=timezone.now() - dt.timedelta(minutes=1))

    publish_scheduled.delay()

    assert not Page.objects.get(pk=expiring.pk).live
    scheduled = Page.objects.get(pk=scheduled.pk)
    assert scheduled.live and scheduled.title == "Hẹn giờ đăng"


def test_pending_purges_are_sent_again_by_the_job(settings):
    RecordingPurger.sent = []
    settings.RESPONSE_CACHE = {**settings.RESPONSE_CACHE, "PURGER": "tests.core.test_jobs.RecordingPurger"}
    PendingPurge.objects.create(url="http://varnish.test/", tags="page-1 site-2", last_error="HTTP 503")

    assert send_pending_purges.delay().result == 0

    assert RecordingPurger.sent == [("http://varnish.test/", ["page-1", "site-2"])]
    assert not PendingPurge.objects.exists()
