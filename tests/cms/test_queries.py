"""A provincial home page costs a fixed number of queries, however many sites, sections, links or notices exist.

The footer lists all 35 sites on every page: one query per site there would cost 35 queries a page view.
"""
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.models import HomePage, SiteNotice
from multisite_config.models import LinkGroup, PortalLink, SiteKind, SiteProfile

HANOI = "hanoi.localhost"
# Site; page route (2) and its view restrictions; profiles with their sites (header, footer, directory);
# menu sections; shared links; notices; the home page's section cards (5: their types, then the pages of
# each of the four section types, SectionPage, NewsIndexPage, QuestionIndexPage and LegalDocumentIndexPage).
HOME_PAGE_QUERIES = 13


def queries_for(client, host, path="/"):
    """Queries of a page view once Wagtail's cache of site root paths is warm, as it is in production."""
    client.get(path, HTTP_HOST=host)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_HOST=host).status_code == 200
    return len(queries)


def test_provincial_home_page_stays_within_its_query_budget(client, db, django_assert_max_num_queries):
    client.get("/", HTTP_HOST=HANOI)
    with django_assert_max_num_queries(HOME_PAGE_QUERIES):
        assert client.get("/", HTTP_HOST=HANOI).status_code == 200


def add_site(slug, name):
    home = Page.get_first_root_node().add_child(instance=HomePage(title=f"Bảo hiểm xã hội tỉnh {name}", slug=slug))
    site = Site.objects.create(hostname=f"{slug}.localhost", port=80, root_page=home)
    SiteProfile.objects.create(site=site, kind=SiteKind.PROVINCE, short_name=name, full_name=home.title)


def test_query_count_does_not_grow_with_sites_sections_links_or_notices(client, hanoi, add_page):
    before = queries_for(client, HANOI)
    add_site("thunghiem", "Thử Nghiệm")
    add_site("thunghiem2", "Thử Nghiệm 2")
    add_page(hanoi.root_page, "Chuyển đổi số", "chuyen-doi-so", show_in_menus=True)
    PortalLink.objects.create(title="Bộ Công Thương", url="https://moit.gov.vn/", group=LinkGroup.MINISTRIES)
    SiteNotice.objects.create(site=hanoi, title="Nghỉ Tết Dương lịch")
    SiteNotice.objects.create(site=hanoi, title="Bảo trì hệ thống")

    assert queries_for(client, HANOI) == before
    html = client.get("/", HTTP_HOST=HANOI).content.decode()
    assert "thunghiem2.localhost" in html and "Chuyển đổi số" in html and "moit.gov.vn" in html
