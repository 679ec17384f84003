"""Helpers for the public HTML tests: fetch a page of one site by its hostname and parse it."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from home.models import SectionPage


@pytest.fixture
def fetch(client, db):
    """fetch(host, path="/", status=200): the response of that site parsed as HTML, its status checked."""

    def get(host, path="/", status=200):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == status, (host, path, response.status_code)
        return BeautifulSoup(response.content, "html.parser")

    return get


@pytest.fixture
def add_page(db):
    """add_page(parent, title, slug, live=True, **fields): a section page, published or left as a draft."""

    def add(parent, title, slug, live=True, **fields):
        page = parent.add_child(instance=SectionPage(title=title, slug=slug, live=live, **fields))
        if live:
            page.save_revision().publish()
        return page

    return add


@pytest.fixture
def section_of(db):
    """section_of(site, slug): a standard section of the site, found under its own home page."""

    def find(site, slug):
        return Page.objects.child_of(site.root_page).get(slug=slug)

    return find
