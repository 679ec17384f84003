"""The site-wide endpoints cost an exact number of queries, however many sites, pages, links or notices exist.

The footer lists all 35 sites on every page: one query per site there would cost 35 queries a page view.
"""

import pytest

from tests.support.growth import grow, queries_for
from tests.support.query_counts import HOME_PAGE
from tests.support.sites import HANOI

ENDPOINTS = {
    "home page": ("/", HOME_PAGE),  # counted query by query in tests/support/query_counts.py
    # Site; layout (4); the menu's search for a page here (2: the home page, no such child); restricted
    # sections (1); the pages.
    "HTML sitemap": ("/so-do-trang/", 1 + 4 + 2 + 1 + 1),
    # Site; restricted sections; the pages' count, then their types, then their specific rows, one query per
    # page type (home, section, news section, article, Q&A section, legal documents section, contact page: 7);
    # the published answers of the Q&A section. Not the HTML layout, which the XML never shows.
    "sitemap.xml": ("/sitemap.xml", 1 + 1 + 2 + 7 + 1),
    "robots.txt": ("/robots.txt", 1),
    # Site profiles with their sites; shared links.
    "API sites": ("/api/v1/sites/", 2),
}


@pytest.mark.parametrize("name", ENDPOINTS)
def test_an_endpoint_costs_the_same_queries_however_much_the_portal_holds(client, hanoi, national, name):
    path, expected = ENDPOINTS[name]
    grow(hanoi, national)
    assert queries_for(client, HANOI, path) == expected

    grow(hanoi, national)
    grow(hanoi, national)

    assert queries_for(client, HANOI, path) == expected


def test_what_the_home_page_grew_by_is_on_it(client, hanoi, national):
    number = grow(hanoi, national)

    html = client.get("/", HTTP_HOST=HANOI).content.decode()

    for text in (
        f"tangtruong{number}b.localhost",
        f"lien-ket-{number}.gov.vn",
        f"Thông báo {number}",
        f"Chuyên mục {number}",
        "Sa pô chuyên mục",
    ):
        assert text in html
