"""Fixtures for news: articles published under a site's news section, the national board, shares."""

import pytest

from home.news import NewsIndexPage
from multisite_config.models import SiteRole
from tests.home.factories import NewsPageFactory
from tests.multisite_config.factories import TopicFactory


@pytest.fixture
def news_index():
    """news_index(site): the site's "Tin tức – Sự kiện" section."""
    return lambda site: NewsIndexPage.objects.child_of(site.root_page).get()


@pytest.fixture
def add_news(db):
    """add_news(site, title, day=1, **fields): a published article dated ``day`` November 2026."""

    def add(site, title, day=1, live=True, **fields):
        return NewsPageFactory(site=site, title=title, day=day, live=live, **fields)

    return add


@pytest.fixture
def national_board(make_user, national):
    return make_user(SiteRole.BOARD, national, "national.board")


@pytest.fixture
def topic(db):
    return TopicFactory(slug="bao-hiem-y-te", name="Bảo hiểm y tế")
