"""A comment window opening or closing purges its draft from the shared cache once, at the next run of the job."""

import datetime as dt

import pytest
from django.utils import timezone

from core.response_cache import tags
from legal.models import DraftDocumentPage
from legal.tasks import purge_comment_windows
from tests.legal.factories import DraftFactory

pytestmark = pytest.mark.django_db


class RecordingPurger:
    """A shared cache that takes every purge and remembers its tags."""

    sent: list[set[str]] = []

    def purge(self, url, tags):
        type(self).sent.append(set(tags))


@pytest.fixture
def shared_cache(response_cache, settings):
    RecordingPurger.sent = []
    settings.RESPONSE_CACHE = {
        **settings.RESPONSE_CACHE,
        "PURGE_URLS": ["http://varnish.test/"],
        "PURGER": "tests.legal.test_jobs.RecordingPurger",
    }
    return RecordingPurger


@pytest.fixture
def clock(monkeypatch):
    start = timezone.now()

    def run_at(seconds):
        monkeypatch.setattr(timezone, "now", lambda: start + dt.timedelta(seconds=seconds))
        return purge_comment_windows.delay().result

    run_at.start = start
    return run_at


def test_each_opening_and_closing_purges_its_draft_once(hanoi, shared_cache, clock):
    draft = DraftFactory(site=hanoi, window="upcoming")
    assert clock(0) == 0 and shared_cache.sent == []

    DraftDocumentPage.objects.filter(pk=draft.pk).update(
        opens_at=clock.start + dt.timedelta(seconds=30), closes_at=clock.start + dt.timedelta(seconds=150)
    )
    assert clock(60) == 1  # opened at 30 s
    assert tags.page(draft.pk) in shared_cache.sent[-1] and tags.listing("pages", hanoi.pk) in shared_cache.sent[-1]
    assert clock(120) == 0 and len(shared_cache.sent) == 1  # nothing changed since
    assert clock(180) == 1 and len(shared_cache.sent) == 2  # closed at 150 s


def test_a_change_is_purged_by_one_run_only(hanoi, shared_cache, clock):
    draft = DraftFactory(site=hanoi, window="upcoming")
    clock(0)
    DraftDocumentPage.objects.filter(pk=draft.pk).update(opens_at=clock.start + dt.timedelta(seconds=30))

    assert clock(60) == 1
    assert clock(60) == 0  # a second beat, or a run that overlapped, at the same moment
    assert len(shared_cache.sent) == 1


def test_a_draft_that_is_not_live_purges_nothing(hanoi, shared_cache, clock):
    draft = DraftFactory(site=hanoi, window="upcoming")
    clock(0)
    DraftDocumentPage.objects.filter(pk=draft.pk).update(live=False, opens_at=clock.start + dt.timedelta(seconds=30))

    assert clock(60) == 0 and shared_cache.sent == []
