"""An editor of one province reaches only that province, everywhere in the admin.

Each test names one place stock Wagtail would leak across sites and shows the other site's content is
neither listed nor reachable by URL. Titles are made unique per site so "absent" is a real check.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from home.models import SectionPage, SiteNotice
from legal.models import LegalDocumentAttachment
from multisite_config.models import SiteProfile
from tests.faq.factories import QuestionFactory
from tests.legal.factories import LegalDocumentFactory


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
    for url in (
        f"/admin/pages/{other.pk}/edit/",
        f"/admin/pages/{other.pk}/history/",
        f"/admin/pages/{other.pk}/usage/",
        f"/admin/pages/{other.pk}/revisions/",
        f"/admin/pages/{other.pk}/workflow_history/",
        f"/admin/pages/{other.pk}/delete/",
    ):
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
    response = client.post(
        "/admin/snippets/home/sitenotice/add/",
        {
            "site": danang.pk,
            "title": "Chen ngang",
            "body": "",
            "starts_at": "2026-11-23 08:00",
        },
    )
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


# --- the leaks of issue 10, each closed where the data is read ------------------------------------------


@pytest.fixture
def danang_question(danang):
    return QuestionFactory(site=danang, name="Trần Thị Danangmarker", title="Câu hỏi Danangmarker", body="Nội dung")


def test_snippet_chooser_lists_and_opens_only_own_sites_records(client, hanoi_board, hanoi, danang_question):
    own = QuestionFactory(
        site=hanoi, name="Lê Văn Hanoimarker", email="a@example.vn", title="Câu hỏi Hanoimarker", body="Nội dung"
    )
    login(client, hanoi_board)
    results = chooser_html(client.get("/admin/snippets/choose/faq/question/results/", {"q": "marker"}))
    assert "Hanoimarker" in results and "Danangmarker" not in results
    assert client.get(f"/admin/snippets/choose/faq/question/chosen/{own.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/choose/faq/question/chosen/{danang_question.pk}/").status_code == 404
    several = client.get(
        "/admin/snippets/choose/faq/question/chosen-multiple/", {"id": [own.pk, danang_question.pk]}
    ).json()["result"]
    assert [item["id"] for item in several] == [str(own.pk)]


def test_centre_chooses_any_sites_record(client, centre_user, danang_question):
    login(client, centre_user)
    results = chooser_html(client.get("/admin/snippets/choose/faq/question/results/", {"q": "Danangmarker"}))
    assert "Danangmarker" in results
    assert client.get(f"/admin/snippets/choose/faq/question/chosen/{danang_question.pk}/").status_code == 200


def danang_media():
    collection = Collection.objects.get(name="Đà Nẵng")
    image = Image.objects.create(title="Ảnh Danangmarker", file=get_test_image_file(), collection=collection)
    document = Document.objects.create(
        title="Tài liệu Danangmarker", collection=collection, file=ContentFile(b"%PDF-1.4 noi bo", name="noi-bo.pdf")
    )
    return image, document


def test_admin_api_lists_only_own_sites_images_and_documents(client, hanoi_editor, centre_user, danang):
    image, document = danang_media()
    login(client, hanoi_editor)
    for kind, item in (("images", image), ("documents", document)):
        listing = client.get(f"/admin/api/main/{kind}/").json()
        assert item.pk not in [row["id"] for row in listing["items"]]
        assert client.get(f"/admin/api/main/{kind}/{item.pk}/").status_code == 404
    login(client, centre_user)
    assert client.get(f"/admin/api/main/images/{image.pk}/").status_code == 200


def test_page_chooser_chosen_multiple_returns_only_own_pages(client, hanoi_editor, hanoi, danang):
    draft = danang.root_page.add_child(instance=SectionPage(title="Nháp Danangmarker", slug="nhap-dn", live=False))
    own = section(hanoi)
    login(client, hanoi_editor)
    answer = client.get("/admin/choose-page/chosen-multiple/", {"id": [own.pk, draft.pk, "x"]})
    assert "Danangmarker" not in answer.content.decode()
    assert [item["id"] for item in answer.json()["result"]] == [own.pk]


def test_bulk_action_naming_another_sites_record_is_404(client, hanoi_board, hanoi, danang):
    image, _document = danang_media()
    login(client, hanoi_board)
    other = section(danang)
    assert client.get("/admin/bulk/wagtailcore/page/delete/", {"id": other.pk}).status_code == 404
    assert client.get("/admin/bulk/wagtailimages/image/delete/", {"id": image.pk}).status_code == 404
    assert client.get("/admin/bulk/wagtailcore/page/delete/", {"id": "all", "childOf": 1}).status_code == 404
    own = section(hanoi)
    assert client.get("/admin/bulk/wagtailcore/page/unpublish/", {"id": own.pk}).status_code == 200


def test_task_chooser_and_report_filters_show_no_other_site(client, hanoi_board, danang_board, hanoi):
    login(client, hanoi_board)
    refused = client.get("/admin/workflows/task_chooser/")
    assert refused.status_code in (302, 403) and "duyệt" not in refused.content.decode()
    for url in ("/admin/reports/workflow/", "/admin/reports/workflow_tasks/", "/admin/reports/site-history/"):
        body = client.get(url).content.decode()
        assert "Đà Nẵng duyệt" not in body and "danang.board" not in body, url
        assert "Hà Nội" in body or url.endswith("site-history/"), url


def attach(page, document):
    LegalDocumentAttachment.objects.create(page=page, document=document)


def published_document_page(site, title):
    return LegalDocumentFactory(site=site, title=title, number="1/BHXH-TEST")


@pytest.fixture
def files_on_disk(settings, tmp_path):
    """Wagtail serves a document from its file path; the suite's in-memory storage has none."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


def test_documents_download_only_when_a_live_page_shows_them(
    client, hanoi_editor, danang_board, danang, files_on_disk, settings
):
    _image, document = danang_media()
    url = document.url
    assert client.get(url).status_code == 404  # uploaded, shown nowhere: not public
    login(client, hanoi_editor)
    assert client.get(url).status_code == 404  # another province's staff
    login(client, danang_board)
    assert client.get(url).status_code == 200  # its own site's board
    settings.REQUIRE_2FA = True
    assert client.get(url).status_code == 404  # ... but not on a session without its second factor
    settings.REQUIRE_2FA = False
    client.logout()
    page = published_document_page(danang, "Văn bản Danangmarker")
    attach(page, document)
    assert client.get(url).status_code == 200  # shown by a live page: public
    page.unpublish()
    assert client.get(url).status_code == 404
