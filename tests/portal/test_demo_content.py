"""Issue 17 item 6: demo content a reader would believe.

The demo is loaded once for the module (rolled back after it): an About page with functions, organisation and
the units from the register; the national leaders titled "Tổng Giám đốc"; no address on the development host
(``.localhost``) shown on a public page; every province's footer with its own seat and no national hotline passed
off as its own; /en/contact/ in English.
"""

import json

import pytest
from bs4 import BeautifulSoup

from multisite_config.register import REGISTER_FILE
from portal.bootstrap import Report
from portal.demo import load_demo
from tests.support.demo import module_demo
from tests.support.sites import DANANG, HANOI, NATIONAL

REGISTER = json.loads(REGISTER_FILE.read_text())
pytestmark = pytest.mark.django_db
PUBLIC_PATHS = ["/", "/gioi-thieu/", "/lien-he/", "/en/contact/", "/tin-tuc-su-kien/", "/van-ban-thu-tuc-hanh-chinh/"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with module_demo(django_db_blocker):
        yield


@pytest.fixture
def read(demo, client):
    def get(path, host):
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (host, path, response.status_code)
        return BeautifulSoup(response.content, "html.parser")

    return get


@pytest.mark.parametrize("host", [NATIONAL, HANOI, DANANG, "hochiminh.localhost"])
def test_no_public_page_of_the_demo_shows_an_address_on_the_development_host(read, host):
    for path in PUBLIC_PATHS:
        html = read(path, host)
        mail = [link["href"] for link in html.find_all("a", href=True) if link["href"].startswith("mailto:")]
        assert not [address for address in mail if "localhost" in address], (host, path)
        assert ".localhost" not in html.get_text(" "), (host, path)


def test_the_national_leaders_have_their_titles(read):
    text = read("/lien-he/", NATIONAL).get_text(" ")
    assert "Tổng Giám đốc" in text and "Phó Tổng Giám đốc" in text
    assert "Giám đốc Bảo hiểm xã hội Việt Nam" not in text
    english = read("/en/contact/", NATIONAL).get_text(" ")
    assert "Director General" in english and "Deputy Director General" in english


def test_the_national_about_page_has_functions_organisation_and_every_province_with_its_seat(read):
    about = read("/gioi-thieu/", NATIONAL).find("main")
    headings = [heading.get_text(strip=True) for heading in about.find_all("h2")]
    assert {"Chức năng, nhiệm vụ", "Cơ cấu tổ chức", "Bảo hiểm xã hội các tỉnh, thành phố"} <= set(headings)
    text = about.get_text(" ")
    assert "Tổng Giám đốc và các Phó Tổng Giám đốc" in text
    for unit in REGISTER["units"]:
        assert unit["address"] in text, unit["name"]


def test_a_province_about_page_names_its_seat_the_merged_provinces_and_its_local_offices(read):
    hanoi = read("/gioi-thieu/", HANOI).find("main").get_text(" ")
    assert "Số 86 Trần Thái Tông" in hanoi and "Bảo hiểm xã hội cơ sở Ba Đình" in hanoi
    assert "Giám đốc và các Phó Giám đốc" in hanoi
    (laocai,) = [unit for unit in REGISTER["units"] if unit["slug"] == "laocai"]
    text = read("/gioi-thieu/", "laocai.localhost").find("main").get_text(" ")
    assert laocai["address"] in text and "Yên Bái" in text


@pytest.mark.parametrize("unit", REGISTER["units"], ids=lambda unit: unit["slug"])
def test_every_province_footer_gives_its_own_seat_and_names_the_national_hotline_as_such(read, unit):
    footer = read("/", f"{unit['slug']}.localhost").find("footer").find("address").get_text(" ", strip=True)
    assert f"Địa chỉ: {unit['address']}" in footer
    assert "Điện thoại: 1900 9068" not in footer
    assert "Tổng đài hỗ trợ Bảo hiểm xã hội Việt Nam: 1900 9068" in footer


def test_the_english_contact_page_is_english(read):
    html = read("/en/contact/", HANOI)
    names = [heading.get_text(strip=True) for heading in html.find("main").find_all("h2")]
    assert "Ha Noi Social Security" in names and "Social Insurance Benefits Division" in names
    assert not [name for name in names if name.startswith(("Phòng", "Bảo hiểm"))]


def test_the_demo_homes_have_quick_links_a_notice_and_featured_documents(read):
    for host in (NATIONAL, HANOI):
        html = read("/", host)
        services = html.find(id="home-services").find_parent("section")
        hrefs = {link["href"] for link in services.find_all("a")}
        assert {"https://dichvucong.gov.vn/", "https://dichvucong.baohiemxahoi.gov.vn/"} <= hrefs
        assert "/van-ban-thu-tuc-hanh-chinh/thu-tuc-hanh-chinh/" in hrefs
        assert html.find(id="home-notice") is not None
        assert html.find(id="home-featured").find_parent("section").find_all("a")


def test_the_demo_content_is_loaded_once(demo):
    again = Report()
    load_demo(again)
    assert not [change for change in again.changes if "giới thiệu" in change or "trang chủ" in change]


def test_the_english_contact_page_is_named_and_introduced_in_english(read):
    html = read("/en/contact/", HANOI)
    assert html.title.get_text(strip=True).startswith("Contact – Ha Noi Social Security")
    assert "as a provincial office of Vietnam Social Security" in html.find("main").get_text(" ")


def test_the_national_home_introduces_the_whole_country_not_an_area(read):
    lead = read("/", NATIONAL).find(class_="lead").get_text(" ")
    assert "trên địa bàn" not in lead and "các tỉnh, thành phố" in lead
