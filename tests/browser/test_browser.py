"""The portal in a real browser: each site's own name, moving between pages, a skip link that works, mobile width,
the moderation of a comment (``tests/support/browser.py`` serves the portal and opens Chromium)."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import chromium, loopback_tab, served_portal
from tests.support.sites import HANOI_NAME, NATIONAL_NAME

pytestmark = pytest.mark.browser

ADMIN_PASSWORD = "kiem-thu-Trinh-duyet-2026"
SUPERUSER = (
    "shell",
    "-c",
    "from django.contrib.auth import get_user_model; "
    f"get_user_model().objects.create_superuser('kiemthu', 'k@example.vn', '{ADMIN_PASSWORD}')",
)


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """portal(host, path="/"): a URL of the portal served on a fresh, bootstrapped database (no demo content);
    ``portal.manage(*args)`` runs a management command on that database."""
    with served_portal(tmp_path_factory.mktemp("portal"), setup=[SUPERUSER]) as url:
        yield url


@pytest.fixture(scope="module")
def browser(portal):
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser):
    """A fresh tab that may only reach loopback; every other request is refused and must not happen (no CDN)."""
    refused = []
    with loopback_tab(browser, {"width": 1280, "height": 900}, refused) as tab:
        blocked = []
        tab.on(
            "console",
            lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None,
        )
        yield tab
    assert refused == [], "the page asked for something outside the portal"
    assert blocked == [], "the Content-Security-Policy blocked part of the page"


@pytest.mark.parametrize(("host", "name"), [("localhost", NATIONAL_NAME), ("hanoi.localhost", HANOI_NAME)])
def test_each_site_shows_its_own_name_in_its_own_style(page, portal, host, name):
    response = page.goto(portal(host))
    assert response.status == 200
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator("header .brand-name")).to_have_text(name)
    expect(page.locator("header")).to_have_css("background-color", "rgb(11, 79, 156)")  # portal.css was served


def test_a_navigation_link_opens_its_section(page, portal):
    page.goto(portal("hanoi.localhost"))
    page.get_by_role("navigation", name="Chuyên mục chính").get_by_role("link", name="Giới thiệu").click()
    expect(page).to_have_url(portal("hanoi.localhost", "/gioi-thieu/"))
    expect(page.locator("h1")).to_have_text("Giới thiệu")
    current = page.get_by_role("navigation", name="Chuyên mục chính").locator("[aria-current=page]")
    expect(current).to_have_text("Giới thiệu")


def test_the_skip_link_is_first_visible_when_focused_and_moves_focus_to_main(page, portal):
    page.goto(portal("hanoi.localhost"))
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    expect(skip).to_have_css("outline-style", "solid")
    page.keyboard.press("Enter")
    expect(page).to_have_url(portal("hanoi.localhost", "/#noi-dung"))
    expect(page.locator("main#noi-dung")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "the next Tab stays inside main"


def test_the_home_page_fits_a_phone_screen(page, portal):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(portal("hanoi.localhost"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "no sideways scrolling on a phone"


def test_a_print_button_prints_without_inline_script(page, portal):
    page.add_init_script("window.print = () => { window.printed = true; };")
    page.goto(portal("hanoi.localhost", "/gioi-thieu/"))
    page.get_by_role("button", name="In trang").click()
    assert page.evaluate("window.printed === true")


def test_the_admin_runs_under_its_content_security_policy(page, portal):
    page.goto(portal("localhost", "/admin/login/"))
    page.fill("#id_username", "kiemthu")
    page.fill("#id_password", ADMIN_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(portal("localhost", "/admin/"))
    expect(page.locator("#wagtail-sidebar .sidebar")).to_be_visible()  # drawn by the admin's scripts
    for path in ("/admin/pages/", "/admin/images/", "/admin/account/", "/admin/xac-thuc-hai-lop/dang-ky/"):
        page.goto(portal("localhost", path))
        expect(page.locator("#wagtail-sidebar .sidebar")).to_be_visible()


def test_the_header_search_box_searches_the_whole_site_on_a_phone(page, portal):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(portal("hanoi.localhost", "/lien-he/"))
    search = page.get_by_role("search", name="Tìm kiếm trên toàn trang")
    search.get_by_label("Từ khóa tìm kiếm").fill("gioi thieu")
    search.get_by_role("button", name="Tìm kiếm").click()
    expect(page).to_have_url(portal("hanoi.localhost", "/tim-kiem/?q=gioi+thieu"))
    expect(page.get_by_role("heading", level=2, name="Trang (1)")).to_be_visible()
    expect(page.get_by_role("link", name="Giới thiệu").last).to_have_attribute("href", "/gioi-thieu/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone"


BOARD_PASSWORD = "Ban-bien-tap-Ha-Noi-2026"
APPROVED_TEXT = "Đề nghị bổ sung quy định về thời hạn trả lời ý kiến của người dân."
PENDING_TEXT = "Ý kiến mới gửi, đang chờ Ban Biên tập duyệt."
MODERATION_SEED = f"""
from django.contrib.auth import get_user_model
from wagtail.models import Site
from legal.models import CommentStatus
from multisite_config.models import SiteGroup, SiteRole
from tests.legal.factories import make_comment, make_draft
hanoi = Site.objects.get(hostname="hanoi.localhost")
board = get_user_model().objects.create_user("hanoi.bbt", "bbt@example.vn", "{BOARD_PASSWORD}")
board.groups.add(SiteGroup.objects.get(role=SiteRole.BOARD, site=hanoi).group)
draft = make_draft(hanoi, slug="du-thao-trinh-duyet")
make_comment(draft, "{APPROVED_TEXT}", CommentStatus.APPROVED)
make_comment(draft, "{PENDING_TEXT}")
"""


def test_a_board_member_records_the_decision_on_an_approved_comment_in_three_clicks(page, portal):
    """Issue 16: from the moderation list as it opens (the "Chờ duyệt" queue), a board member reaches an
    approved comment and records the drafting unit's decision in at most three clicks; typing is not a click."""
    portal.manage("shell", "-c", MODERATION_SEED)
    page.goto(portal("localhost", "/admin/login/"))
    page.fill("#id_username", "hanoi.bbt")
    page.fill("#id_password", BOARD_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(portal("localhost", "/admin/"))
    page.goto(portal("localhost", "/admin/snippets/legal/draftcomment/"))
    expect(page.get_by_role("link", name=PENDING_TEXT)).to_be_visible()
    expect(page.get_by_role("link", name=APPROVED_TEXT)).to_have_count(0)

    clicks = []

    def click(locator, why):
        locator.click()
        clicks.append(why)

    click(page.get_by_role("navigation", name="Trạng thái duyệt").get_by_role("link", name="Đã duyệt"), "state")
    click(page.get_by_role("link", name=APPROVED_TEXT), "open the comment")
    response = page.get_by_label("Giải trình, tiếp thu")
    expect(response).to_be_focused()
    page.keyboard.type("Tiếp thu, bổ sung thời hạn 15 ngày tại Điều 2.")
    click(page.get_by_role("button", name="Tiếp thu một phần", exact=True), "record the decision")

    expect(page.get_by_text("Đã ghi nhận ý kiến tiếp thu, giải trình")).to_be_visible()
    expect(page.get_by_text("Tiếp thu, bổ sung thời hạn 15 ngày tại Điều 2.").first).to_be_visible()
    assert len(clicks) <= 3, clicks
