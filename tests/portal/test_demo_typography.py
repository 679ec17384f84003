"""The demo as a reader sees it: no space before punctuation, numbers grouped the Vietnamese way (5.000 ký tự),
places in Vietnamese alphabetical order, English pages in English.

The demo is loaded once for the module, inside a transaction rolled back after it, as the admin sweep does.
"""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Site

from core.collation import vietnamese_key
from legal import report
from legal.models import DraftDocumentPage
from tests.support.demo import module_demo
from tests.support.sites import HANOI

HOSTS = ["localhost", HANOI]
PAGES = [
    "/",
    "/gioi-thieu/",
    "/tin-tuc-su-kien/",
    "/van-ban-thu-tuc-hanh-chinh/",
    "/van-ban-thu-tuc-hanh-chinh/thu-tuc-hanh-chinh/",
    "/hoi-dap/",
    "/hoi-dap/dat-cau-hoi/",
    "/hoi-dap/tra-cuu/",
    "/lien-he/",
    "/en/contact/",
    "/yeu-cau-cung-cap-thong-tin/",
    "/khieu-nai-to-cao/",
    "/khieu-nai-to-cao/tra-cuu/",
    "/so-do-trang/",
]
# A word, then spaces, then a punctuation mark that closes a phrase ("Ông/Bà .", "31/12/2026 .", "Năm ban hành :").
SPACE_BEFORE_PUNCTUATION = re.compile(r"\w\s+[.,:;!?](?=\s|$)")
# Four digits or more, ungrouped, counting characters or money ("5000 ký tự", "24000 đồng").
UNGROUPED = re.compile(r"\b\d{4,}\s+(?:ký tự|đồng)")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with module_demo(django_db_blocker):
        yield


@pytest.fixture
def reader(demo, db):
    return Client()


def hanoi_drafts():
    return DraftDocumentPage.objects.live().descendant_of(Site.objects.get(hostname=HANOI).root_page)


def drafts_and_reports():
    """Each demo draft of Hà Nội, and the summary report of those whose report is published."""
    paths = []
    for draft in hanoi_drafts():
        paths.append(urlsplit(draft.get_url()).path)
        if report.report_is_public(draft):
            paths.append(f"/du-thao/{draft.pk}/bao-cao-tong-hop/")
    return paths


def visible_text(html):
    """The text as it reads: tags joined with no space added, so only spaces the page really has count."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(soup.get_text("").split())


def test_no_demo_page_puts_a_space_before_punctuation_or_leaves_numbers_ungrouped(reader):
    draft_paths = drafts_and_reports()
    assert len(draft_paths) >= 3, "the demo has an open draft and a closed one with its report"
    faults = {}
    for host in HOSTS:
        for path in PAGES + (draft_paths if host == HANOI else []):
            response = reader.get(path, HTTP_HOST=host)
            assert response.status_code == 200, (host, path)
            text = visible_text(response.content)
            found = SPACE_BEFORE_PUNCTUATION.findall(text) + UNGROUPED.findall(text)
            if found:
                faults[f"{host}{path}"] = found
    assert faults == {}


def test_a_refused_comment_reads_as_well_as_the_page(reader):
    draft = hanoi_drafts().first()
    response = reader.post(f"/du-thao/{draft.pk}/gop-y/", {"body": ""}, HTTP_HOST=HANOI)
    assert response.status_code in (400, 409)
    text = visible_text(response.content)
    assert SPACE_BEFORE_PUNCTUATION.findall(text) == [] and UNGROUPED.findall(text) == []


def test_the_directory_lists_the_provinces_in_vietnamese_alphabetical_order(reader):
    soup = BeautifulSoup(reader.get("/", HTTP_HOST=HANOI).content, "html.parser")
    names = [link.get_text() for link in soup.select(".directory-list li:not(.directory-national) a")]
    assert names == sorted(names, key=vietnamese_key)
    assert names.index("Cao Bằng") < names.index("Cần Thơ")
    assert names.index("Cần Thơ") < names.index("Đà Nẵng") < names.index("Điện Biên") < names.index("Gia Lai")
