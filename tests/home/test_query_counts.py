"""Each public endpoint of the home app costs an exact number of queries, the same however much the portal holds.

Every page view pays the same base: the site (1), the view restrictions of the page and its ancestors (2,
Wagtail's check), and the layout (4: site profiles with their sites, menu sections, shared links, notices).
Routing adds the home page (1) and, per level below it, the child page and its specific row (2).
"""

import pytest
from wagtail.models import Page

from home.news_shares import NewsShare, ShareDirection, ShareStatus
from tests.home.factories import SectionPageFactory
from tests.support.growth import add_article, grow, queries_for
from tests.support.query_counts import HOME_PAGE, PAGE_BASE
from tests.support.sites import HANOI, NEWS


@pytest.fixture
def fixed(hanoi, national):
    """What the measured URLs name: an article of Hà Nội, a national one shared with it, a section with a child."""
    article = add_article(hanoi, "Tin Hà Nội được đo")
    shared = add_article(national, "Tin quốc gia được đo")
    NewsShare.objects.create(
        article=shared, target_site=hanoi, direction=ShareDirection.PUSH, status=ShareStatus.ACCEPTED
    )
    introduction = Page.objects.child_of(hanoi.root_page).get(slug="gioi-thieu")
    SectionPageFactory(parent=introduction, title="Lịch sử hình thành", slug="lich-su")
    return {"article": article, "shared": shared}


ENDPOINTS = {
    "home page": (lambda fixed: "/", HOME_PAGE),
    # The section (2); its published children (2: the restricted sections, the pages; a section without
    # children skips the second). Its breadcrumbs are the parents routing loaded.
    "section page": (lambda fixed: "/gioi-thieu/", PAGE_BASE + 2 + 2),
    # The section (2); topics (1); restricted sections (1); the articles' count and page (2).
    "news list": (lambda fixed: NEWS, PAGE_BASE + 2 + 1 + 1 + 2),
    # The section (2); the article, read directly as one (1); its topics (1).
    "news page": (lambda fixed: f"{NEWS}{fixed['article'].slug}/", PAGE_BASE + 2 + 1 + 1),
    # The section (2); restricted sections (1); the 20 newest articles (1). A feed has no layout.
    "RSS feed": (lambda fixed: f"{NEWS}rss/", PAGE_BASE - 4 + 2 + 1 + 1),
    # The section (2); restricted sections (1); the shared article (1); its topics (1).
    "shared article": (lambda fixed: f"{NEWS}chia-se/{fixed['shared'].pk}/", PAGE_BASE + 2 + 1 + 1 + 1),
    # Site; restricted sections; news section; the page of articles; their topics (no count: they fit in one page).
    "API news list": (lambda fixed: "/api/v1/news/", 5),
    # Site; restricted sections; the article; its topics; for a shared article, the news section its URL is on.
    "API news detail": (lambda fixed: f"/api/v1/news/{fixed['article'].pk}/", 4),
    "API shared news detail": (lambda fixed: f"/api/v1/news/{fixed['shared'].pk}/", 5),
}


@pytest.mark.parametrize("name", ENDPOINTS)
def test_an_endpoint_costs_the_same_queries_however_much_the_portal_holds(client, hanoi, national, fixed, name):
    path_of, expected = ENDPOINTS[name]
    grow(hanoi, national)
    assert queries_for(client, HANOI, path_of(fixed)) == expected

    grow(hanoi, national)
    grow(hanoi, national)

    assert queries_for(client, HANOI, path_of(fixed)) == expected
