"""The demo on a phone (390 px wide) and on paper: no page scrolls sideways, a wide table scrolls in its own
region, the secondary button is readable, the focus lands on the error summary, printing leaves out the forms.

The demo is bootstrapped into the server's own SQLite file (``tests/support/browser.py``).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.browser import chromium, loopback_tab, served_portal

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DRAFT = "/van-ban-thu-tuc-hanh-chinh/du-thao-quy-che-cong-thong-tin/"
CLOSED_DRAFT = "/van-ban-thu-tuc-hanh-chinh/du-thao-huong-dan-tiep-nhan-hoi-dap/"
HANOI = "hanoi.localhost"
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """demo(host, path="/"): a URL of the demo portal served by gunicorn on its own bootstrapped database."""
    with served_portal(tmp_path_factory.mktemp("demo"), demo=True) as url:
        yield url


@pytest.fixture(scope="module")
def browser(demo):
    with chromium() as browser:
        yield browser


@pytest.fixture
def phone(browser):
    """A 390 px tab that may only reach loopback."""
    with loopback_tab(browser, PHONE) as tab:
        yield tab


def draft_report_path(page, demo):
    """The closed draft links its published summary report (``/du-thao/<id>/bao-cao-tong-hop/``)."""
    page.goto(demo(HANOI, CLOSED_DRAFT))
    return page.get_by_role("link", name="Báo cáo tổng hợp, tiếp thu, giải trình ý kiến").get_attribute("href")


def phone_paths(phone, demo):
    """The pages issue 17 read on a phone: home, contacts, documents, a draft, its report, Q&A, /en/contact/."""
    return [
        (HANOI, "/"),
        ("localhost", "/"),
        (HANOI, "/lien-he/"),
        ("localhost", "/lien-he/"),
        (HANOI, "/van-ban-thu-tuc-hanh-chinh/"),
        (HANOI, DRAFT),
        (HANOI, draft_report_path(phone, demo)),
        (HANOI, "/hoi-dap/"),
        (HANOI, "/tim-kiem/?q=bao+hiem+xa+hoi"),
        (HANOI, "/en/contact/"),
        ("localhost", "/en/contact/"),
    ]


def test_no_page_scrolls_sideways_at_390_px(phone, demo):
    paths = phone_paths(phone, demo)
    wide = {}
    for host, path in paths:
        assert phone.goto(demo(host, path)).status == 200, path
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[f"{host}{path}"] = width
    assert wide == {}, "these pages scroll sideways on a phone"


def test_axe_finds_no_serious_or_critical_violation_on_a_phone(phone, demo):
    """axe-core (the rules of WCAG 2.1 A and AA it checks) on each page at 390 px: nothing serious or critical."""
    found = {}
    for host, path in phone_paths(phone, demo):
        assert phone.goto(demo(host, path)).status == 200, path
        violations = Axe().run(phone).response["violations"]
        serious = [f"{rule['id']} ({len(rule['nodes'])})" for rule in violations if rule["impact"] in SERIOUS]
        if serious:
            found[f"{host}{path}"] = serious
    assert found == {}


def test_the_summary_report_scrolls_inside_its_own_focusable_region(phone, demo):
    phone.goto(demo(HANOI, draft_report_path(phone, demo)))
    region = phone.get_by_role("region", name="Bảng tổng hợp ý kiến (cuộn ngang để xem hết)")
    assert region.evaluate("element => element.scrollWidth > element.clientWidth"), "the table is wider than a phone"
    assert region.evaluate("element => element.getBoundingClientRect().right") <= PHONE["width"]
    expect(region).to_have_attribute("tabindex", "0")  # reachable by keyboard, so it can be scrolled without a mouse


def test_the_documents_list_shows_each_title_full_width_on_a_phone(phone, demo):
    phone.goto(demo(HANOI, "/van-ban-thu-tuc-hanh-chinh/"))
    title = phone.locator(".legal-list .legal-title").first
    width = title.evaluate("element => element.getBoundingClientRect().width")
    assert width > PHONE["width"] * 0.8, "the title is not squeezed into a column"


def contrast(foreground, background):
    """WCAG 2.1 contrast ratio of two ``rgb(r, g, b)`` colours."""

    def luminance(colour):
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_secondary_button_is_readable(phone, demo):
    phone.goto(demo(HANOI, "/van-ban-thu-tuc-hanh-chinh/"))
    button = phone.get_by_role("link", name="Tra cứu thủ tục hành chính")
    colour = button.evaluate("element => getComputedStyle(element).color")
    background = button.evaluate("element => getComputedStyle(element).backgroundColor")
    assert contrast(colour, background) >= 4.5, (colour, background)


def test_an_empty_comment_brings_the_reader_to_the_focused_error_summary(phone, demo):
    phone.goto(demo(HANOI, DRAFT))
    phone.locator("#gop-y form button[type=submit]").click()
    summary = phone.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    assert phone.url.endswith("#loi-bieu-mau")


def test_printing_a_draft_leaves_out_the_form_and_the_menus(phone, demo):
    phone.goto(demo(HANOI, DRAFT))
    phone.emulate_media(media="print")
    expect(phone.locator("#gop-y form")).to_be_hidden()
    expect(phone.locator(".site-nav")).to_be_hidden()
    expect(phone.locator("h1")).to_be_visible()
