"""The public frame every site shares: its own name, one h1, Vietnamese, landmarks, skip link, footer, directory."""

import pytest
from wagtail.models import Site

from core.sections import standard_sections
from home.models import SiteNotice
from multisite_config.models import PortalLink, SiteProfile
from tests.support.sites import DANANG, HANOI, HANOI_NAME, NATIONAL_NAME

# Pages of every kind: a Wagtail home page, a section page, a Django view, and the 404 page.
PUBLIC_PAGES = [("/", 200), ("/gioi-thieu/", 200), ("/so-do-trang/", 200), ("/khong-co-trang-nay/", 404)]


def text(tag):
    return " ".join(tag.get_text(" ").split())


def nav_links(soup):
    return soup.find("nav", attrs={"aria-label": "Chuyên mục chính"}).find_all("a")


def section_links(soup, heading_id):
    return soup.find(attrs={"aria-labelledby": heading_id}).find_all("a")


@pytest.mark.parametrize(
    ("host", "name", "other_name"), [("localhost", NATIONAL_NAME, HANOI_NAME), (HANOI, HANOI_NAME, NATIONAL_NAME)]
)
def test_home_page_shows_its_own_unit_name(fetch, host, name, other_name):
    soup = fetch(host)
    assert text(soup.h1) == name
    assert text(soup.find(class_="brand-name")) == name
    assert soup.title.string == name
    # The hotline panel names the national hotline for what it is (issue 17): the one place another unit is named.
    soup.find(id="home-contacts").find_parent("section").decompose()
    assert other_name not in text(soup.header) + text(soup.main)


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_every_public_page_is_vietnamese_with_one_h1_and_landmarks(fetch, path, status):
    soup = fetch(HANOI, path, status)
    assert soup.html["lang"] == "vi"
    assert len(soup.find_all("h1")) == 1
    assert soup.h1.find_parent("main") is not None
    for landmark in ("header", "main", "footer"):
        assert len(soup.body.find_all(landmark, recursive=False)) == 1, landmark
    assert soup.header.find("nav", attrs={"aria-label": "Chuyên mục chính"}) is not None


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_skip_link_comes_first_and_targets_a_focusable_main(fetch, path, status):
    soup = fetch(HANOI, path, status)
    first_link = soup.body.find("a")
    assert first_link["href"] == "#noi-dung"
    assert text(first_link) == "Bỏ qua, đến nội dung chính"
    target = soup.find(id="noi-dung")
    assert target.name == "main"
    assert target["tabindex"] == "-1", "without it some browsers scroll to main but leave focus behind"


@pytest.mark.parametrize(("path", "status"), PUBLIC_PAGES)
def test_every_public_page_lists_the_35_sites_and_the_shared_links(fetch, path, status):
    soup = fetch(HANOI, path, status)
    directory = section_links(soup, "footer-directory")
    assert len(directory) == 35
    assert {link["href"] for link in directory} == {f"{site.root_url}/" for site in Site.objects.all()}
    assert (text(directory[0]), directory[0]["href"]) == (NATIONAL_NAME, "http://localhost/")
    shared = {link["href"] for link in section_links(soup, "footer-links")}
    assert shared == set(PortalLink.objects.values_list("url", flat=True))
    assert {"https://chinhphu.vn/", "https://dichvucong.gov.vn/", "https://moh.gov.vn/"} <= shared


def test_directory_marks_the_site_being_visited(fetch):
    current = [link for link in section_links(fetch(HANOI), "footer-directory") if link.get("aria-current")]
    assert [(text(link), link["href"]) for link in current] == [("Hà Nội", "http://hanoi.localhost/")]


def test_footer_shows_the_units_contact_details_from_its_profile(fetch, hanoi):
    SiteProfile.objects.filter(site=hanoi).update(
        address="Số 86 Trần Hưng Đạo, phường Cửa Nam, Hà Nội", phone="024 3942 1234", email="bhxh@hanoi.gov.vn"
    )
    address = fetch(HANOI).footer.find("address")
    assert "Địa chỉ: Số 86 Trần Hưng Đạo, phường Cửa Nam, Hà Nội" in text(address)
    assert address.find("a", href="tel:02439421234").get_text() == "024 3942 1234"
    assert address.find("a", href="mailto:bhxh@hanoi.gov.vn").get_text() == "bhxh@hanoi.gov.vn"
    assert text(fetch(HANOI).find(id="footer-unit")) == HANOI_NAME
    assert "Trần Hưng Đạo" not in text(fetch(DANANG).footer), "another site's footer shows its own unit"


def test_navigation_lists_the_standard_sections_of_the_site(fetch):
    links = nav_links(fetch(HANOI))
    assert [text(link) for link in links] == ["Trang chủ"] + [section.title for section in standard_sections()]
    assert [link["href"] for link in links] == ["/"] + [f"/{section.slug}/" for section in standard_sections()]


def current_in_nav(soup):
    return [(text(link), link["aria-current"]) for link in nav_links(soup) if link.has_attr("aria-current")]


def test_navigation_marks_the_current_page_and_the_section_around_it(fetch, hanoi, add_page, section_of):
    add_page(section_of(hanoi, "gioi-thieu"), "Lịch sử hình thành", "lich-su")
    assert current_in_nav(fetch(HANOI)) == [("Trang chủ", "page")]
    assert current_in_nav(fetch(HANOI, "/gioi-thieu/")) == [("Giới thiệu", "page")]
    assert current_in_nav(fetch(HANOI, "/gioi-thieu/lich-su/")) == [("Giới thiệu", "true")]
    assert current_in_nav(fetch(HANOI, "/so-do-trang/")) == []
    assert current_in_nav(fetch(HANOI, "/hoi-dap/dat-cau-hoi/")) == [("Hỏi đáp", "true")]  # a route below it


def test_images_have_alt_text_and_assets_are_served_locally(fetch):
    soup = fetch(HANOI)
    assert soup.find_all("img")
    assert all(img.has_attr("alt") for img in soup.find_all("img"))
    assets = [tag["href"] for tag in soup.find_all("link")] + [tag["src"] for tag in soup.find_all(["img", "script"])]
    assert assets and all(url.startswith("/static/") for url in assets), assets


def test_a_notice_shows_only_on_its_own_site(fetch, hanoi):
    SiteNotice.objects.create(site=hanoi, title="Bảo trì hệ thống ngày 30/11")
    assert "Bảo trì hệ thống ngày 30/11" in text(fetch(HANOI).find(role="status"))
    assert fetch(DANANG).find(role="status") is None


def test_an_unknown_host_gets_the_national_portal(fetch):
    assert text(fetch("127.0.0.1").h1) == NATIONAL_NAME


@pytest.mark.parametrize(
    ("host", "seat"),
    [
        ("laocai.localhost", "thành phố Yên Bái (cũ), tỉnh Lào Cai"),
        ("bacninh.localhost", "thành phố Bắc Giang (cũ), tỉnh Bắc Ninh"),
        ("quangtri.localhost", "thành phố Đồng Hới (cũ), tỉnh Quảng Trị"),
        ("gialai.localhost", "thành phố Quy Nhơn (cũ), tỉnh Gia Lai"),
        ("tayninh.localhost", "thành phố Tân An (cũ), tỉnh Tây Ninh"),
        ("dongthap.localhost", "thành phố Mỹ Tho (cũ), tỉnh Đồng Tháp"),
        ("angiang.localhost", "thành phố Rạch Giá (cũ), tỉnh An Giang"),
    ],
)
def test_the_footer_gives_the_full_address_of_the_sites_own_seat(fetch, host, seat):
    """Issue 15: the footer of the Lào Cai site showed "Lào Cai" although its office sits in Yên Bái."""
    address = fetch(host).footer.find("address")
    assert f"Địa chỉ: {seat}" in text(address)
    assert "Hà Nội" not in text(address)


def test_the_footer_gives_the_sites_own_hotline_and_the_national_one(fetch, hanoi):
    address = fetch(DANANG).footer.find("address")
    assert not address.find(string=lambda string: "Điện thoại" in string), "Đà Nẵng has no hotline of its own"
    assert address.find("a", href="tel:19009068").get_text() == "1900 9068"
    assert "Tổng đài hỗ trợ Bảo hiểm xã hội Việt Nam: 1900 9068" in text(address)

    SiteProfile.objects.filter(site=hanoi).update(phone="024 3942 1234")
    address = fetch(HANOI).footer.find("address")
    assert "Điện thoại: 024 3942 1234" in text(address) and address.find("a", href="tel:19009068")
