"""The layout every page of a site shares is built once per site and reused by pages the response cache misses.

What it shows must still change at once: a notice, a menu section, a profile, a shared link (each write
purges the layout's tags), a notice scheduled ahead (the clock), and the menu must still mark the page shown.

Tests run inside a transaction that never commits, so each change is made inside
``django_capture_on_commit_callbacks(execute=True)``: the purges run as they would on commit.
"""

import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import timezone

from core.response_cache import store, tags
from home.models import SiteNotice
from multisite_config.models import PortalLink, SiteProfile
from tests.support.growth import queries_for
from tests.support.sites import DANANG, HANOI

# base.html's layout costs these when it is built: site profiles with their sites, menu sections, shared
# links, notices. The site a host names is kept as well (core/sites.py).
LAYOUT_QUERIES = 4
SITE_QUERY = 1
# The home page's section cards: the menu's sections, kept with it.
CARDS_QUERY = 1
# Where the documents section lies (``SiteSection.place_in``), for the drafts open for comment on the home page.
DOCUMENTS_SECTION_QUERY = 1


def page(client, path, host=HANOI):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (path, response.status_code)
    return response


def text(client, path, host=HANOI):
    return BeautifulSoup(page(client, path, host).content, "html.parser").get_text(" ")


def current_in_nav(client, path):
    soup = BeautifulSoup(page(client, path).content, "html.parser")
    links = soup.find("nav", attrs={"aria-label": "Chuyên mục chính"}).find_all("a")
    return [(link.get_text(), link["aria-current"]) for link in links if link.has_attr("aria-current")]


@pytest.mark.parametrize("path", ["/gioi-thieu/", "/tin-tuc-su-kien/", "/so-do-trang/"])
def test_a_page_the_response_cache_misses_reuses_the_stored_layout(client, fragments_only, hanoi, path):
    built = queries_for(client, HANOI, path)
    fragments_only()
    assert queries_for(client, HANOI, path) == built - SITE_QUERY - LAYOUT_QUERIES


def test_the_home_page_cards_reuse_the_stored_menu(client, fragments_only, hanoi):
    built = queries_for(client, HANOI, "/")
    fragments_only()
    kept = SITE_QUERY + LAYOUT_QUERIES + CARDS_QUERY + DOCUMENTS_SECTION_QUERY
    assert queries_for(client, HANOI, "/") == built - kept


def test_a_section_lead_shows_at_once_on_the_home_page(
    client, response_cache, section_of, hanoi, django_capture_on_commit_callbacks
):
    page(client, "/")
    section = section_of(hanoi, "gioi-thieu").specific
    with django_capture_on_commit_callbacks(execute=True):
        section.lead = "Lịch sử, chức năng và tổ chức bộ máy"
        section.save_revision().publish()
    assert "Lịch sử, chức năng và tổ chức bộ máy" in text(client, "/")


def test_a_home_page_previewed_from_another_site_shows_its_own_sections(rf, hanoi, danang, section_of):
    request = rf.get("/", HTTP_HOST=HANOI)
    cards = danang.root_page.specific.section_cards(request)
    assert [card.url for card in cards][:1] == [f"http://{DANANG}/gioi-thieu/"]
    assert all(card.pk != section_of(hanoi, "gioi-thieu").pk for card in cards)


def test_a_page_built_from_the_stored_layout_carries_its_tags(client, response_cache, hanoi):
    page(client, "/")
    shown = set(page(client, "/gioi-thieu/")[settings.RESPONSE_CACHE["TAG_HEADER"]].split())
    assert {tags.layout(hanoi.pk), tags.site(hanoi.pk), tags.LINKS, tags.DIRECTORY} <= shown


def test_each_site_keeps_its_own_layout(client, response_cache):
    page(client, "/", HANOI)
    danang_footer = BeautifulSoup(page(client, "/gioi-thieu/", DANANG).content, "html.parser").footer
    assert danang_footer.find(id="footer-unit").get_text() == "Bảo hiểm xã hội thành phố Đà Nẵng"
    current = danang_footer.find(attrs={"aria-current": "true"})
    assert current["href"] == f"http://{DANANG}/"


def test_the_menu_marks_the_page_shown_whatever_page_stored_the_layout(client, response_cache):
    assert current_in_nav(client, "/") == [("Trang chủ", "page")]
    assert current_in_nav(client, "/gioi-thieu/") == [("Giới thiệu", "page")]
    assert current_in_nav(client, "/hoi-dap/dat-cau-hoi/") == [("Hỏi đáp", "true")]
    assert current_in_nav(client, "/so-do-trang/") == []


def test_a_notice_shows_at_once_on_every_page_of_its_site(
    client, response_cache, hanoi, django_capture_on_commit_callbacks
):
    page(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        SiteNotice.objects.create(site=hanoi, title="Bảo trì hệ thống ngày 30/11")
    assert "Bảo trì hệ thống ngày 30/11" in text(client, "/")
    assert "Bảo trì hệ thống ngày 30/11" in text(client, "/gioi-thieu/")
    assert "Bảo trì hệ thống ngày 30/11" not in text(client, "/", DANANG)


def test_a_notice_scheduled_ahead_shows_when_it_starts(
    client, response_cache, hanoi, monkeypatch, django_capture_on_commit_callbacks
):
    """No write happens when it starts: the stored layout lasts until then and no longer."""
    starts = timezone.now() + timedelta(minutes=10)
    with django_capture_on_commit_callbacks(execute=True):
        SiteNotice.objects.create(site=hanoi, title="Nghỉ giao dịch chiều thứ Sáu", starts_at=starts)
    after_the_purge = time.time() + store.CLOCK_SKEW + 1  # a layout built right after a purge is not kept
    monkeypatch.setattr(time, "time", lambda: after_the_purge)
    assert "Nghỉ giao dịch chiều thứ Sáu" not in text(client, "/")
    later = starts + timedelta(seconds=5)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(time, "time", lambda: later.timestamp())
    assert "Nghỉ giao dịch chiều thứ Sáu" in text(client, "/gioi-thieu/")


def test_a_profile_shows_at_once_in_its_layout_and_in_every_directory(
    client, response_cache, hanoi, django_capture_on_commit_callbacks
):
    page(client, "/", HANOI)
    page(client, "/", DANANG)
    profile = SiteProfile.for_site(hanoi)
    with django_capture_on_commit_callbacks(execute=True):
        profile.short_name = "Thủ đô"
        profile.phone = "024 3942 1234"
        profile.save()
    assert "024 3942 1234" in text(client, "/gioi-thieu/", HANOI)
    assert "Thủ đô" in text(client, "/gioi-thieu/", DANANG)


def test_a_shared_link_shows_at_once_on_every_site(client, response_cache, django_capture_on_commit_callbacks):
    page(client, "/", HANOI)
    page(client, "/", DANANG)
    with django_capture_on_commit_callbacks(execute=True):
        PortalLink.objects.create(title="Cổng Pháp luật quốc gia", url="https://phapluat.gov.vn/")
    assert "Cổng Pháp luật quốc gia" in text(client, "/gioi-thieu/", HANOI)
    assert "Cổng Pháp luật quốc gia" in text(client, "/gioi-thieu/", DANANG)


def test_a_menu_section_shows_at_once(client, response_cache, hanoi, add_page, django_capture_on_commit_callbacks):
    page(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        add_page(hanoi.root_page, "Chuyển đổi số", "chuyen-doi-so", show_in_menus=True)
    assert ("Chuyển đổi số", "page") in current_in_nav(client, "/chuyen-doi-so/")
    assert "Chuyển đổi số" in text(client, "/gioi-thieu/")


def test_a_layout_built_while_its_tags_are_purged_is_not_kept(client, fragments_only, hanoi, monkeypatch):
    """It may hold the rows from before the write: the next page builds it again."""
    built = queries_for(client, HANOI, "/gioi-thieu/")
    fragments_only()
    real_versions = store.versions

    def purged_during_build(shown):
        store.purge({tags.layout(hanoi.pk)})
        return real_versions(shown)

    monkeypatch.setattr(store, "versions", purged_during_build)
    assert queries_for(client, HANOI, "/gioi-thieu/") == built - SITE_QUERY
