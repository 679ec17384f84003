"""sitemap.xml, the HTML sitemap and robots.txt each describe the requesting site and no other."""

from xml.etree import ElementTree

import pytest
from wagtail.models import PageViewRestriction, Site

from core.sections import standard_sections
from tests.support.sites import DANANG, HANOI

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SECTION_PATHS = [f"/{section.slug}/" for section in standard_sections()]


def sitemap_locations(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [loc.text for loc in ElementTree.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)]


def html_sitemap_links(fetch, host):
    return [(a.get_text(), a["href"]) for a in fetch(host, "/so-do-trang/").main.find_all("a")]


@pytest.fixture
def danang_news(danang, add_page, section_of):
    """A page only Đà Nẵng has, so its absence elsewhere is visible (section slugs are the same on every site)."""
    return add_page(section_of(danang, "tin-tuc-su-kien"), "Đà Nẵng chi trả lương hưu tháng 12", "chi-tra-luong-huu")


@pytest.mark.parametrize("host", [HANOI, DANANG, "localhost"])
def test_sitemap_xml_lists_exactly_the_requesting_sites_pages(client, host, danang_news):
    locations = sitemap_locations(client, host)
    expected = [f"http://{host}/"] + [f"http://{host}{path}" for path in SECTION_PATHS]
    if host == DANANG:
        expected.append("http://danang.localhost/tin-tuc-su-kien/chi-tra-luong-huu/")
    assert sorted(locations) == sorted(expected)


def test_sitemap_xml_of_hanoi_names_no_other_site(client, danang_news):
    locations = sitemap_locations(client, HANOI)
    assert all(url.startswith("http://hanoi.localhost/") for url in locations)
    assert "http://danang.localhost/tin-tuc-su-kien/chi-tra-luong-huu/" not in locations
    assert "http://danang.localhost/" not in locations


def test_html_sitemap_nests_the_sites_live_public_pages(fetch, hanoi, add_page, section_of, danang_news):
    about = section_of(hanoi, "gioi-thieu")
    add_page(about, "Lịch sử hình thành", "lich-su")
    add_page(about, "Dự thảo cơ cấu tổ chức", "du-thao", live=False)
    private = add_page(about, "Tài liệu nội bộ", "noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    soup = fetch(HANOI, "/so-do-trang/")
    links = [(a.get_text(), a["href"]) for a in soup.main.find_all("a")]
    assert links[0] == ("Trang chủ", "/")
    assert ("Lịch sử hình thành", "/gioi-thieu/lich-su/") in links
    assert {href for _title, href in links} == {"/", "/gioi-thieu/lich-su/", *SECTION_PATHS}
    nested_under = soup.main.find("a", href="/gioi-thieu/lich-su/").find_parent("ul").find_parent("li").a
    assert nested_under["href"] == "/gioi-thieu/"


def test_html_sitemap_of_hanoi_names_no_other_site(fetch, danang_news):
    hanoi_links = html_sitemap_links(fetch, HANOI)
    assert "Đà Nẵng chi trả lương hưu tháng 12" not in [title for title, _href in hanoi_links]
    assert "/tin-tuc-su-kien/chi-tra-luong-huu/" not in [href for _title, href in hanoi_links]
    assert ("Đà Nẵng chi trả lương hưu tháng 12", "/tin-tuc-su-kien/chi-tra-luong-huu/") in html_sitemap_links(
        fetch, DANANG
    )


@pytest.mark.parametrize(("host", "other"), [(HANOI, DANANG), (DANANG, HANOI)])
def test_robots_txt_points_at_the_sites_own_sitemap(db, client, host, other):
    response = client.get("/robots.txt", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /api/"} <= set(lines)
    assert [line for line in lines if line.startswith("Sitemap:")] == [f"Sitemap: http://{host}/sitemap.xml"]
    assert other not in response.content.decode()


def test_html_sitemap_of_a_host_no_site_answers_is_a_404(db, client):
    """With no default site, a host that names no site has nothing to map: 404, never a 500."""
    Site.objects.update(is_default_site=False)
    assert client.get("/so-do-trang/", HTTP_HOST="khong-co.localhost").status_code == 404
