"""What every public page does around its content: redirects after a form, the error summary a refused form
brings the reader to, English pages, icons, and links to the other sites on the port the reader used."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from legal.models import DraftComment
from tests.legal.factories import form_data, html_url, make_draft
from tests.support.sites import DANANG, HANOI

pytestmark = pytest.mark.django_db

# A port other than the bootstrap's (the suite bootstraps with 80): the portal served elsewhere.
SERVED = f"{HANOI}:8731"


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_a_comment_is_redirected_with_303_to_the_form_on_the_host_and_port_it_was_sent_to(client, hanoi):
    draft = make_draft(hanoi)
    response = client.post(html_url(draft), form_data(), HTTP_HOST=SERVED)
    assert response.status_code == 303
    # A path: the browser stays on the host and port it used, not the one the bootstrap stored for the site.
    assert response["Location"] == f"{draft.get_url(None).split(HANOI, 1)[1]}#gop-y"
    assert response["Location"].startswith("/")
    assert DraftComment.objects.count() == 1


def test_an_empty_comment_returns_to_the_form_with_its_error_summary_focused(client, hanoi):
    draft = make_draft(hanoi)
    page = soup_of(client.get(draft.url, HTTP_HOST=HANOI))
    form = page.select_one("#gop-y form")
    assert form["action"] == f"{html_url(draft)}#loi-bieu-mau"  # a refused comment opens at its error summary

    response = client.post(html_url(draft), form_data(body="", name=""), HTTP_HOST=HANOI)
    assert response.status_code == 400
    summary = soup_of(response).select_one("#gop-y #loi-bieu-mau.error-summary")
    assert summary is not None, "the summary the address names, inside the comment section"
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus") and summary["role"] == "alert"
    links = [link["href"] for link in summary.select("a")]
    assert "#id_body" in links and "#id_name" in links
    assert not DraftComment.objects.exists()


def test_the_question_form_focuses_its_error_summary(client, hanoi):
    response = client.post("/hoi-dap/dat-cau-hoi/", {"title": ""}, HTTP_HOST=HANOI)
    assert response.status_code == 400
    summary = soup_of(response).select_one(".error-summary")
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")


def test_english_pages_are_english_with_an_english_menu(client, hanoi):
    page = soup_of(client.get("/en/contact/", HTTP_HOST=HANOI))
    assert page.html["lang"] == "en"
    menu = page.find("nav", attrs={"aria-label": "Main menu"})
    labels = [link.get_text() for link in menu.find_all("a")]
    assert labels[:2] == ["Home", "About us"] and "Contact" in labels and "Liên hệ" not in labels
    contact = menu.find("a", string="Contact")
    assert contact["href"] == "/en/contact/" and contact["aria-current"] == "page"
    assert menu.find("a", string="About us")["hreflang"] == "vi"  # it leads to a Vietnamese page
    assert page.select_one(".skip-link").get_text() == "Skip to main content"
    # What stays Vietnamese (the unit's name, the footer) says so.
    assert page.select_one(".header-inner")["lang"] == "vi"
    assert page.find("footer").find_parent(attrs={"lang": "vi"}) is not None


def test_vietnamese_pages_stay_vietnamese(client, hanoi):
    page = soup_of(client.get("/lien-he/", HTTP_HOST=HANOI))
    assert page.html["lang"] == "vi"
    assert page.find("nav", attrs={"aria-label": "Chuyên mục chính"}).find("a", string="Liên hệ")["href"] == "/lien-he/"
    assert page.select_one(".header-inner").get("lang") is None


def test_every_page_names_its_icons_and_they_are_static_files(client, hanoi):
    head = soup_of(client.get("/", HTTP_HOST=HANOI)).head
    icons = {link["rel"][0]: link["href"] for link in head.find_all("link", rel=["icon", "apple-touch-icon"])}
    assert set(icons) == {"icon", "apple-touch-icon"}
    for name in ("cms/img/favicon.ico", "cms/img/apple-touch-icon.png", "cms/img/logo.svg", "cms/site.webmanifest"):
        assert finders.find(name), name
    assert head.find("link", rel="manifest") is not None


def test_links_to_the_other_sites_carry_the_port_the_reader_used(client, hanoi):
    served = soup_of(client.get("/", HTTP_HOST=SERVED))
    directory = [link["href"] for link in served.select(".directory-list a")]
    assert f"http://{DANANG}:8731/" in directory and f"http://{HANOI}:8731/" in directory
    plain = soup_of(client.get("/", HTTP_HOST=HANOI))
    assert f"http://{DANANG}/" in [link["href"] for link in plain.select(".directory-list a")]
    api = client.get("/api/v1/sites/", HTTP_HOST=SERVED).json()
    assert f"http://{DANANG}:8731/" in [site["url"] for site in api["items"]]
