"""Issue 17 item 2: the home page of each site, like a government portal's, edited by its board.

On Hà Nội and the national portal it shows the latest news (own and shared), the drafts open for comment with
their closing dates, the hotline and reception, quick links and the documents the board features; the national
home also shows the provinces' latest news. Each part is purged with what it shows, and costs the same queries
however much the portal holds.
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from contacts.models import ReceptionSettings
from core.response_cache import tags
from home.models import HomeFeaturedDocument, HomePage, HomeQuickLink
from home.news_shares import NewsShare, ShareDirection, ShareStatus
from tests.legal.factories import DraftFactory, LegalDocumentFactory
from tests.support.growth import add_article, grow, queries_for
from tests.support.query_counts import HOME_PAGE
from tests.support.sites import DANANG, HANOI, NATIONAL


def panel(client, host, heading_id):
    html = BeautifulSoup(client.get("/", HTTP_HOST=host).content, "html.parser")
    section = html.find(id=heading_id)
    return section.find_parent("section").get_text(" ", strip=True) if section else ""


@pytest.mark.parametrize("host_fixture, host", [("hanoi", HANOI), ("national", NATIONAL)])
def test_the_home_shows_the_latest_news_and_the_open_drafts(request, client, host_fixture, host):
    site = request.getfixturevalue(host_fixture)
    add_article(site, "Tin mới nhất của trang")
    DraftFactory(site=site, title="Dự thảo Quy chế đang lấy ý kiến", window="open")
    DraftFactory(site=site, title="Dự thảo Quy chế đã hết hạn", window="closed")
    DraftFactory(site=site, title="Dự thảo Quy chế sắp lấy ý kiến", window="upcoming")

    assert "Tin mới nhất của trang" in panel(client, host, "home-latest")
    drafts = panel(client, host, "home-drafts")
    assert "Dự thảo Quy chế đang lấy ý kiến" in drafts and "Hạn góp ý:" in drafts
    assert "đã hết hạn" not in drafts and "sắp lấy ý kiến" not in drafts


def test_the_latest_news_include_the_articles_shared_with_the_site(client, hanoi, national):
    shared = add_article(national, "Tin quốc gia chia sẻ xuống")
    NewsShare.objects.create(
        article=shared, target_site=hanoi, direction=ShareDirection.PUSH, status=ShareStatus.ACCEPTED
    )
    html = BeautifulSoup(client.get("/", HTTP_HOST=HANOI).content, "html.parser")
    link = html.find("a", string="Tin quốc gia chia sẻ xuống")
    assert link["href"] == f"/tin-tuc-su-kien/chia-se/{shared.pk}/"


def test_the_national_home_shows_the_provinces_news_and_a_province_does_not(client, hanoi, danang, national):
    add_article(hanoi, "Tin của Hà Nội")
    add_article(danang, "Tin của Đà Nẵng")
    add_article(national, "Tin của cổng quốc gia")

    provinces = panel(client, NATIONAL, "home-provinces")
    assert "Tin của Hà Nội" in provinces and "Tin của Đà Nẵng" in provinces and "Hà Nội ·" in provinces
    assert "Tin của cổng quốc gia" not in provinces
    assert panel(client, HANOI, "home-provinces") == ""


def test_the_hotline_is_the_national_one_named_as_such_and_the_reception_hours_show(client, hanoi):
    ReceptionSettings.objects.update_or_create(
        site=hanoi, defaults={"place": "Phòng tiếp công dân số 1", "regular_hours": "Thứ Hai đến thứ Sáu"}
    )
    contacts = panel(client, HANOI, "home-contacts")
    assert "Tổng đài hỗ trợ Bảo hiểm xã hội Việt Nam: 1900 9068" in contacts
    assert "Điện thoại của đơn vị: 1900 9068" not in contacts
    assert "Phòng tiếp công dân số 1" in contacts and "Thứ Hai đến thứ Sáu" in contacts


def test_the_board_edits_the_notice_quick_links_and_featured_documents_in_the_admin(client, hanoi, hanoi_board):
    home = HomePage.objects.get(pk=hanoi.root_page_id)
    document = LegalDocumentFactory(site=hanoi, title="Quyết định nổi bật của Hà Nội")
    client.force_login(hanoi_board)
    edit = f"/admin/pages/{home.pk}/edit/"
    form = BeautifulSoup(client.get(edit, HTTP_HOST=HANOI).content, "html.parser")
    assert form.find(id="id_quick_links-TOTAL_FORMS") is not None
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": rich_text(""),
            "notice_title": "Lịch nghỉ Tết",
            "notice": rich_text("<p>Nghỉ Tết từ 14/02/2026.</p>"),
            "news_count": 4,
            "quick_links": inline_formset(
                [{"title": "Cổng Dịch vụ công quốc gia", "url": "https://dichvucong.gov.vn/", "description": ""}]
            ),
            "featured_documents": inline_formset([{"document": document.pk}]),
            "action-publish": "publish",
        }
    )
    response = client.post(edit, data, HTTP_HOST=HANOI)
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()

    assert "Nghỉ Tết từ 14/02/2026." in panel(client, HANOI, "home-notice")
    assert "Cổng Dịch vụ công quốc gia" in panel(client, HANOI, "home-services")
    assert "Quyết định nổi bật của Hà Nội" in panel(client, HANOI, "home-featured")


def test_a_quick_link_is_a_path_of_the_site_or_a_web_address():
    for good in ("/van-ban-thu-tuc-hanh-chinh/thu-tuc-hanh-chinh/", "https://dichvucong.baohiemxahoi.gov.vn/"):
        HomeQuickLink(title="Liên kết", url=good).clean_fields(exclude=["page"])
    for bad in ("javascript:alert(1)", "//evil.example/", "dichvucong.gov.vn"):
        with pytest.raises(ValidationError) as refused:
            HomeQuickLink(title="Liên kết", url=bad).clean_fields(exclude=["page"])
        assert "url" in refused.value.message_dict


def test_a_board_features_only_its_own_sites_documents(hanoi, danang):
    other = LegalDocumentFactory(site=danang, title="Văn bản của Đà Nẵng")
    with pytest.raises(ValidationError) as refused:
        HomeFeaturedDocument(page=HomePage.objects.get(pk=hanoi.root_page_id), document=other).clean()
    assert "document" in refused.value.message_dict


def test_an_unpublished_featured_document_leaves_the_home(client, hanoi):
    home = HomePage.objects.get(pk=hanoi.root_page_id)
    document = LegalDocumentFactory(site=hanoi, title="Văn bản sẽ gỡ")
    HomeFeaturedDocument.objects.create(page=home, document=document)
    assert "Văn bản sẽ gỡ" in panel(client, HANOI, "home-featured")
    document.unpublish()
    assert panel(client, HANOI, "home-featured") == ""


def shown_tags(client, host):
    return set(client.get("/", HTTP_HOST=host)[settings.RESPONSE_CACHE["TAG_HEADER"]].split())


def test_the_home_is_cached_under_the_tags_of_what_it_shows(client, response_cache, hanoi, national):
    home = HomePage.objects.get(pk=hanoi.root_page_id)
    document = LegalDocumentFactory(site=hanoi)
    HomeFeaturedDocument.objects.create(page=home, document=document)

    shown = shown_tags(client, HANOI)
    assert {
        tags.listing("news", hanoi.pk),
        tags.listing("drafts", hanoi.pk),
        tags.listing("contacts", hanoi.pk),
        tags.page(home.pk),
        tags.page(document.pk),
    } <= shown
    assert "news-provinces" in shown_tags(client, NATIONAL)


def test_publishing_news_or_a_draft_purges_the_home(
    client, response_cache, hanoi, danang, django_capture_on_commit_callbacks
):
    assert "Tin vừa đăng" not in client.get("/", HTTP_HOST=HANOI).content.decode()
    client.get("/", HTTP_HOST=NATIONAL)
    with django_capture_on_commit_callbacks(execute=True):
        add_article(hanoi, "Tin vừa đăng")
    assert "Tin vừa đăng" in client.get("/", HTTP_HOST=HANOI).content.decode()
    assert "Tin vừa đăng" in client.get("/", HTTP_HOST=NATIONAL).content.decode()
    assert "Tin vừa đăng" not in client.get("/", HTTP_HOST=DANANG).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        DraftFactory(site=hanoi, title="Dự thảo vừa đăng", window="open")
    assert "Dự thảo vừa đăng" in client.get("/", HTTP_HOST=HANOI).content.decode()


def test_a_draft_closing_takes_it_off_the_home_without_a_write(client, hanoi):
    draft = DraftFactory(site=hanoi, title="Dự thảo sắp đóng", window="open")
    DraftFactory._meta.model.objects.filter(pk=draft.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    assert "Dự thảo sắp đóng" not in panel(client, HANOI, "home-drafts")


def test_the_national_home_costs_the_same_queries_however_much_the_portal_holds(client, hanoi, national):
    """The province's home (``HOME_PAGE``) plus the provinces' latest news (the restricted sections, the articles,
    the names of their sites: 3)."""
    add_article(hanoi, "Tin tỉnh")
    grow(hanoi, national)
    assert queries_for(client, NATIONAL, "/") == HOME_PAGE + 3
    grow(hanoi, national)
    grow(hanoi, national)
    assert queries_for(client, NATIONAL, "/") == HOME_PAGE + 3
