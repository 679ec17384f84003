"""Editors create documents in the page tree under their own section; the type list is a snippet."""

from django.urls import reverse

from legal.importer import documents_index
from legal.models import DocumentType, LegalDocumentIndexPage, LegalDocumentPage


def test_the_standard_document_types_are_seeded(db):
    assert list(DocumentType.objects.order_by("name").values_list("name", flat=True)) == [
        "Công văn",
        "Hướng dẫn",
        "Kế hoạch",
        "Luật",
        "Nghị định",
        "Quy chế",
        "Quyết định",
        "Thông tư",
    ]


def test_every_site_has_one_documents_section(db, hanoi, national):
    assert LegalDocumentIndexPage.objects.count() == 35
    assert documents_index(hanoi).get_parent().pk == hanoi.root_page_id


def test_an_editor_can_open_the_form_for_a_document_in_their_section(client, hanoi_editor, hanoi):
    client.force_login(hanoi_editor)
    url = reverse("wagtailadmin_pages:add", args=["legal", "legaldocumentpage", documents_index(hanoi).pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Số hiệu" in response.content.decode() and "Căn cứ pháp lý" in response.content.decode()


def test_an_editor_cannot_add_a_document_in_another_sites_section(client, hanoi_editor, danang):
    client.force_login(hanoi_editor)
    url = reverse("wagtailadmin_pages:add", args=["legal", "legaldocumentpage", documents_index(danang).pk])
    assert client.get(url).status_code == 404  # the admin never even admits another site's page exists
    response = client.post(url, {"title": "Văn bản lạ", "slug": "van-ban-la", "action-publish": "1"})
    assert response.status_code == 404 and not LegalDocumentPage.objects.exists()


def test_an_editor_saves_a_draft_document_through_the_admin(client, hanoi_editor, hanoi):
    client.force_login(hanoi_editor)
    index = documents_index(hanoi)
    url = reverse("wagtailadmin_pages:add", args=["legal", "legaldocumentpage", index.pk])
    formsets = {
        f"{name}-{key}": value
        for name in ["attachments", "replacements", "bases"]
        for key, value in [
            ("TOTAL_FORMS", "0"),
            ("INITIAL_FORMS", "0"),
            ("MIN_NUM_FORMS", "0"),
            ("MAX_NUM_FORMS", "1000"),
        ]
    }
    data = {
        "title": "Tiếp tục triển khai thi hành Luật Tiếp cận thông tin",
        "slug": "07-bhxh-pc",
        "number": "07/BHXH-PC",
        "document_type": DocumentType.objects.get(slug="cong-van").pk,
        "issued_on": "2020-01-02",
        **formsets,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = LegalDocumentPage.objects.child_of(index).get(number="07/BHXH-PC")
    assert not page.live and page.search_text.startswith(" tiep tuc trien khai thi hanh luat tiep can thong tin")
