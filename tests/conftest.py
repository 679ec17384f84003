"""Shared fixtures: the test database is bootstrapped once with the full register (35 sites).

Tests run in transactions rolled back after each one, so the bootstrap survives; avoid
``transactional_db``/``live_server``, which would flush it (the browser test serves its own database).
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.utils.translation import trans_real
from wagtail.models import Site

from multisite_config.models import SiteGroup, SiteRole
from portal.bootstrap import bootstrap
from portal.translations import compile_catalogues
from tests.support.sites import DANANG, HANOI


def pytest_configure(config):
    """The admin's Vietnamese compiled before any test reads it: a .po edited since the last `make install`.

    Django may have read the catalogues already while it set up (pytest-django does that first): its cache of
    them is dropped when a .mo was written, so the next gettext reads the new one.
    """
    if compile_catalogues():
        trans_real._translations.clear()
        trans_real._default = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        bootstrap(domain="localhost", port=80)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache, which outlives a test: a burst in one test (the robustness
    tests fire at every endpoint) must not leave the next one throttled."""
    cache.clear()


@pytest.fixture
def response_cache(db, settings, tmp_path):
    """The response cache switched on, answers and layout fragments (the suite runs without), nothing stored."""
    settings.RESPONSE_CACHE = {**settings.RESPONSE_CACHE, "ENABLED": True, "FRAGMENTS": True}
    caches["responses"].clear()
    yield
    caches["responses"].clear()


@pytest.fixture
def fragments_only(db, settings):
    """fragments_only(): layouts and site lookups kept, answers not (every request misses, as in the benchmark)."""

    def switch_on():
        settings.RESPONSE_CACHE = {**settings.RESPONSE_CACHE, "FRAGMENTS": True}
        caches["responses"].clear()

    yield switch_on
    caches["responses"].clear()


@pytest.fixture
def hanoi(db):
    return Site.objects.get(hostname=HANOI)


@pytest.fixture
def danang(db):
    return Site.objects.get(hostname=DANANG)


@pytest.fixture
def national(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def make_user(db):
    """make_user(role, site=None): a user in that site's group for the role (site None: the centre)."""
    counter = iter(range(1, 10_000))

    def make(role, site=None, username=None):
        user = get_user_model().objects.create_user(username or f"user{next(counter)}", password="x")
        group = SiteGroup.objects.get(role=role, site=site).group
        user.groups.add(group)
        return user

    return make


@pytest.fixture
def hanoi_editor(make_user, hanoi):
    return make_user(SiteRole.EDITORS, hanoi, "hanoi.editor")


@pytest.fixture
def hanoi_board(make_user, hanoi):
    return make_user(SiteRole.BOARD, hanoi, "hanoi.board")


@pytest.fixture
def hanoi_board_2(make_user, hanoi):
    return make_user(SiteRole.BOARD, hanoi, "hanoi.board2")


@pytest.fixture
def danang_board(make_user, danang):
    return make_user(SiteRole.BOARD, danang, "danang.board")


@pytest.fixture
def centre_user(make_user):
    return make_user(SiteRole.CENTRE, None, "centre")
