"""An editor of one province reaches only that province, everywhere in the admin.

Each test names one place stock Wagtail would leak across sites and shows the other site's content is
neither listed nor reachable by URL. Titles are made unique per site so "absent" is a real check.
"""
import pytest
from wagtail.images.tests.utils import get_test_image_file
from wagtail.images.models import Image
from wagtail.models import Collection

from home.models import SectionPage, SiteNotice
from multisite_config.models import SiteProfile


def section(site, slug="gioi-thieu"):
    return SectionPage.objects.descendant_of(site.root_page).get(slug=slug)


@pytest.fixture
def marked_pages(hanoi, danang):
    """Give one page on each site a title no other page has."""
    pages = {}
    for site, marker in ((hanoi, "Hanoimarker"), (danang, "Danangmarker")):
        page = section(site)
        page.title = f"Giới thiệu {marker}"
        page.save_revision().publish()
        pages[marker] = page
    return pages


def chooser_html(response):
    """Wagtail's chooser answers modal requests with JSON and plain ones with HTML; compare the markup."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def login(client, user):
    client.force_login(user)
    return client


def test_editor_edits_own_site_but_not_another(client, hanoi_editor, hanoi, danang):
    login(client, hanoi_editor)
    assert client.get(f"/admin/pages/{section(hanoi).pk}/edit/").status_code == 200
    other = section(danang)
    for url in (f"/admin/pages/{other.pk}/edit/", f"/admin/pages/{other.pk}/history/",
                f"/admin/pages/{other.pk}/usage/", f"/admin/pages/{other.pk}/revisions/",
                f"/admin/pages/{other.pk}/workflow_history/", f"/admin/pages/{other.pk}/delete/"):
        assert client.get(url).status_code == 404, url
    response = client.post(f"/admin/pages/{other.pk}/edit/", {"title": "Hijacked", "slug": other.slug})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.title != "Hijacked" and other.get_latest_revision().content["title"] != "Hijacked"


def test_explorer_shows_only_own_site(client, hanoi_editor, hanoi, danang, marked_pages):
    login(client, hanoi_editor)
    assert client.get(f"/admin/pages/{danang.root_page_id}/").status_code == 404
    listing = client.get(f"/admin/pages/{hanoi.root_page_id}/").content.decode()
    assert "Hanoimarker" in listing and "Danangmarker" not in listing
    root_listing = client.get("/admin/pages/", follow=True).content.decode()
    assert f"/admin/pages/{danang.root_page_id}/" not in root_listing


def test_page_chooser_offers_only_own_site(client, hanoi_editor, hanoi, danang, marked_pages):
    login(client, hanoi_editor)
    root = chooser_html(client.get("/admin/choose-page/"))
    assert f'data-page-id="{hanoi.root_page_id}"' in root or f"/admin/choose-page/{hanoi.root_page_id}/" in root
    assert f"/admin/choose-page/{danang.root_page_id}/" not in root
    assert "Đà Nẵng" not in root
    assert client.get(f"/admin/choose-page/{danang.root_page_id}/").status_code == 404
    found = chooser_html(client.get("/admin/choose-page/search/", {"q": "Giới thiệu"}))
    assert "Hanoimarker" in found and "Danangmarker" not in found


def test_admin_search_finds_only_own_site(client, hanoi_editor, marked_pages):
    login(client, hanoi_editor)
    results = client.get("/admin/pages/search/", {"q": "Giới thiệu"}).content.decode()
    assert "Hanoimarker" in results and "Danangmarker" not in results
    results = client.get("/admin/pages/search/", {"q": "Danangmarker"}).content.decode()
    assert "Giới thiệu Danangmarker" not in results


def test_admin_pages_api_refuses_other_sites_pages(client, hanoi_editor, hanoi, danang):
    login(client, hanoi_editor)
    assert client.get(f"/admin/api/main/pages/{hanoi.root_page_id}/").status_code == 200
    assert client.get(f"/admin/api/main/pages/{danang.root_page_id}/").status_code == 404
    children = client.get("/admin/api/main/pages/", {"child_of": "root", "for_explorer": 1}).json()
    assert [item["id"] for item in children["items"]] == [hanoi.root_page_id]


@pytest.fixture
def danang_notice(danang):
    return SiteNotice.objects.create(site=danang, title="Thông báo Danangmarker")


def test_site_owned_snippets_are_confined(client, hanoi_board, hanoi, danang, danang_notice):
    own = SiteNotice.objects.create(site=hanoi, title="Thông báo Hanoimarker")
    login(client, hanoi_board)
    listing = client.get("/admin/snippets/home/sitenotice/").content.decode()
    assert "Hanoimarker" in listing and "Danangmarker" not in listing
    assert client.get(f"/admin/snippets/home/sitenotice/edit/{own.pk}/").status_code == 200
    for view in ("edit", "delete", "history", "usage", "inspect"):
        url = f"/admin/snippets/home/sitenotice/{view}/{danang_notice.pk}/"
        assert client.get(url).status_code == 404, url
    client.post(f"/admin/snippets/home/sitenotice/edit/{danang_notice.pk}/", {"site": danang.pk, "title": "Sửa trộm"})
    danang_notice.refresh_from_db()
    assert danang_notice.title == "Thông báo Danangmarker"


def test_cannot_create_snippet_on_another_site(client, hanoi_board, danang):
    login(client, hanoi_board)
    response = client.post("/admin/snippets/home/sitenotice/add/", {
        "site": danang.pk, "title": "Chen ngang", "body": "", "starts_at": "2026-11-23 08:00",
    })
    assert response.status_code == 200  # the form is shown again with an error on "site"
    assert "site" in response.context["form"].errors
    assert not SiteNotice.objects.filter(title="Chen ngang").exists()


def test_editor_without_notice_permission_cannot_open_notices(client, hanoi_editor, danang_notice):
    login(client, hanoi_editor)
    assert client.get("/admin/snippets/home/sitenotice/").status_code in (302, 403)


def test_site_settings_only_for_own_site(client, hanoi_board, hanoi, danang):
    login(client, hanoi_board)
    assert client.get(f"/admin/settings/multisite_config/siteprofile/{hanoi.pk}/").status_code == 200
    refused = client.get(f"/admin/settings/multisite_config/siteprofile/{danang.pk}/")
    assert refused.status_code in (302, 403, 404) and "Đà Nẵng" not in refused.content.decode()
    client.post(f"/admin/settings/multisite_config/siteprofile/{danang.pk}/", {"full_name": "Sửa trộm"})
    assert SiteProfile.for_site(danang).full_name == "Bảo hiểm xã hội thành phố Đà Nẵng"


def test_images_confined_to_site_collection(client, hanoi_editor, danang):
    collection = Collection.objects.get(name="Đà Nẵng")
    image = Image.objects.create(title="Ảnh Danangmarker", file=get_test_image_file(), collection=collection)
    login(client, hanoi_editor)
    assert "Danangmarker" not in client.get("/admin/images/").content.decode()
    assert "Danangmarker" not in client.get("/admin/images/chooser/").content.decode()
    assert client.get(f"/admin/images/{image.pk}/").status_code in (302, 403)


def test_cross_site_report_is_for_the_centre_only(client, hanoi_board, centre_user):
    assert login(client, hanoi_board).get("/admin/reports/page-types-usage/").status_code == 404
    assert login(client, centre_user).get("/admin/reports/page-types-usage/").status_code == 200


def test_centre_reaches_every_site(client, centre_user, hanoi, danang):
    login(client, centre_user)
    for site in (hanoi, danang):
        assert client.get(f"/admin/pages/{section(site).pk}/edit/").status_code == 200
