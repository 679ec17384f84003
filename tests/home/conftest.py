"""Fixtures for news: articles published under a site's news section, the national board, shares."""

import datetime as dt

import pytest
from django.utils import timezone

from home.news import NewsIndexPage, NewsPage
from multisite_config.models import SiteRole, Topic


@pytest.fixture
def news_index():
    """news_index(site): the site's "Tin tức – Sự kiện" section."""
    return lambda site: NewsIndexPage.objects.child_of(site.root_page).get()


@pytest.fixture
def add_news(news_index):
    """add_news(site, title, day=1, **fields): a published article dated ``day`` November 2026."""
    counter = iter(range(1, 10_000))

    def add(site, title, day=1, live=True, **fields):
        fields.setdefault("lead", f"Sa pô của tin {title}")
        fields.setdefault("body", "<p>Nội dung tin.</p>")
        published = timezone.make_aware(dt.datetime(2026, 11, day, 9, 0))
        article = NewsPage(title=title, slug=f"tin-{next(counter)}", published_at=published, live=live, **fields)
        news_index(site).add_child(instance=article)
        if live:
            article.save_revision().publish()
        return article

    return add


@pytest.fixture
def national_board(make_user, national):
    return make_user(SiteRole.BOARD, national, "national.board")


@pytest.fixture
def topic(db):
    return Topic.objects.get_or_create(slug="bao-hiem-y-te", defaults={"name": "Bảo hiểm y tế"})[0]
