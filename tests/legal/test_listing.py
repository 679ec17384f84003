"""The documents section of a site: search without diacritics, filters, status, confinement, query count."""

from datetime import date, timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents.models import Document

import legal
from legal.models import LegalDocumentAttachment, LegalDocumentPage, LegalDocumentReplacement, Status
from legal.models.documents import replacements_in_effect, status_from
from tests.multisite_config.factories import TopicFactory
from tests.support.sites import DOCUMENTS as SECTION
from tests.support.sites import HANOI, NATIONAL

TODAY = timezone.localdate()
PAST, FUTURE = TODAY - timedelta(days=30), TODAY + timedelta(days=30)


def listed(response):
    return [document.title for document in response.context["documents"]]


def replace(new, old, partly=False):
    LegalDocumentReplacement.objects.create(page=new, replaced=old, partly=partly)


def status_of(page, today=TODAY):
    """The status by the SQL rules (filters), checked against the Python rules (what lists and pages show)."""
    status = LegalDocumentPage.objects.filter(pk=page.pk).with_status(today).get().status
    fresh = LegalDocumentPage.objects.get(pk=page.pk)
    assert status_from(fresh, replacements_in_effect(today).filter(replaced=page), today) == status
    assert LegalDocumentPage.objects.filter(pk=page.pk).in_status(status, today).exists()
    if today == TODAY:
        assert fresh.status == status
        assert LegalDocumentPage.objects.filter(pk=page.pk).with_status_inputs().get().status == status
    return status


def test_search_ignores_diacritics_and_case_and_reads_d_as_d_stroke(hanoi, make_document, listing):
    make_document(hanoi, "Tiếp tục triển khai thi hành Luật Tiếp cận thông tin")
    make_document(hanoi, "Đơn giản hóa thủ tục hành chính")
    make_document(hanoi, "Hướng dẫn lập trang thông tin điện tử")

    assert listed(listing(HANOI, q="tiep can THONG tin")) == ["Tiếp tục triển khai thi hành Luật Tiếp cận thông tin"]
    assert listed(listing(HANOI, q="don gian")) == ["Đơn giản hóa thủ tục hành chính"]
    assert listed(listing(HANOI, q="“Đơn giản hóa”, thủ tục?")) == ["Đơn giản hóa thủ tục hành chính"]
    assert listed(listing(HANOI, q="tiep can dien tu")) == []


def test_search_also_reads_number_and_full_text(hanoi, make_document, listing):
    make_document(hanoi, "Văn bản A", number="1257/BHXH-PC", body="<p>một cửa liên thông</p>")
    assert listed(listing(HANOI, q="1257/bhxh")) == ["Văn bản A"]
    assert listed(listing(HANOI, q="mot cua lien thong")) == ["Văn bản A"]


def test_filters_by_type_year_issuer_and_status_return_exactly_the_matching_documents(hanoi, make_document, listing):
    letter = make_document(hanoi, "Công văn 2020", "cong-van", issued_on=date(2020, 1, 2), issuer="BHXH Việt Nam")
    make_document(
        hanoi, "Quyết định 2019", "quyet-dinh", issued_on=date(2019, 5, 1), expires_on=PAST, issuer="Bộ Tài chính"
    )
    plan = make_document(hanoi, "Kế hoạch 2019", "ke-hoach", issued_on=date(2019, 8, 3), issuer="BHXH Việt Nam")
    replace(letter, plan)

    assert listed(listing(HANOI, loai="quyet-dinh")) == ["Quyết định 2019"]
    assert listed(listing(HANOI, nam=2019)) == ["Kế hoạch 2019", "Quyết định 2019"]
    assert listed(listing(HANOI, co_quan="Bộ Tài chính")) == ["Quyết định 2019"]
    assert listed(listing(HANOI, tinh_trang=Status.EXPIRED)) == ["Kế hoạch 2019", "Quyết định 2019"]
    assert listed(listing(HANOI, tinh_trang=Status.IN_FORCE)) == ["Công văn 2020"]
    assert listed(listing(HANOI, nam=2019, loai="ke-hoach")) == ["Kế hoạch 2019"]


def test_filter_by_topic_slug_or_id_and_an_unknown_topic_is_a_400_naming_it(hanoi, make_document, listing):
    topic = TopicFactory(slug="bao-hiem-y-te", name="Bảo hiểm y tế")
    tagged = make_document(hanoi, "Về bảo hiểm y tế")
    tagged.topics.add(topic)
    tagged.save_revision().publish()
    make_document(hanoi, "Về việc khác")
    assert listed(listing(HANOI, chu_de="bao-hiem-y-te")) == ["Về bảo hiểm y tế"]
    assert listed(listing(HANOI, chu_de=str(topic.pk))) == ["Về bảo hiểm y tế"]
    unknown = listing(HANOI, chu_de="khong-co")
    assert unknown.status_code == 400 and listed(unknown) == []
    assert "Chủ đề" in unknown.content.decode() and "Không có chủ đề “khong-co”" in unknown.content.decode()


def test_a_filter_value_not_on_offer_is_a_400_naming_the_field(hanoi, make_document, listing):
    make_document(hanoi, "Công văn 2020", issued_on=date(2020, 1, 2))
    response = listing(HANOI, nam="hai-nghin")
    assert response.status_code == 400
    assert "Năm ban hành" in response.content.decode() and listed(response) == []
    assert listing(HANOI, tinh_trang="bi-xoa").status_code == 400


def test_status_follows_the_dates(hanoi, make_document):
    assert status_of(make_document(hanoi, "Đang hiệu lực", effective_on=PAST)) == Status.IN_FORCE
    assert status_of(make_document(hanoi, "Chưa hiệu lực", effective_on=FUTURE)) == Status.NOT_YET
    expiring = make_document(hanoi, "Hết hạn", effective_on=PAST, expires_on=TODAY)
    assert status_of(expiring) == Status.EXPIRED
    assert status_of(expiring, today=TODAY - timedelta(days=1)) == Status.IN_FORCE


def test_in_force_is_never_a_default_only_what_the_board_confirms(hanoi, make_document, listing, admin_user):
    unconfirmed = make_document(hanoi, "Nhập tự động", effective_on=PAST, validity_confirmed=False)
    assert status_of(unconfirmed) == Status.UNKNOWN and Status.UNKNOWN.label == "Chưa xác định"
    # what the dates and replacements say still holds without a confirmation
    assert status_of(make_document(hanoi, "Hết hạn", expires_on=PAST, validity_confirmed=False)) == Status.EXPIRED
    assert status_of(make_document(hanoi, "Sắp có", effective_on=FUTURE, validity_confirmed=False)) == Status.NOT_YET
    assert listed(listing(HANOI, tinh_trang=Status.UNKNOWN)) == ["Nhập tự động"]

    unconfirmed.validity_confirmed = True
    unconfirmed.save_revision(user=admin_user).publish()
    assert status_of(unconfirmed) == Status.IN_FORCE


def test_the_migration_confirms_only_documents_a_person_saved(hanoi, make_document, admin_user):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("legal.migrations.0006_document_recipients_footnotes_validity")
    imported = make_document(hanoi, "Nhập tự động", validity_confirmed=False)
    imported.save_revision().publish()  # the importer and the demo save without a user
    edited = make_document(hanoi, "Biên tập viên nhập", validity_confirmed=False)
    edited.save_revision(user=admin_user).publish()

    migration.confirm_documents_a_person_saved(apps, None)
    assert LegalDocumentPage.objects.get(pk=imported.pk).validity_confirmed is False
    assert LegalDocumentPage.objects.get(pk=edited.pk).validity_confirmed is True


def test_a_replaced_document_is_expired_or_partly_in_force(hanoi, make_document):
    old, partly_old, flagged = (make_document(hanoi, title) for title in ["Cũ", "Cũ một phần", "Đánh dấu"])
    replace(make_document(hanoi, "Mới"), old)
    replace(make_document(hanoi, "Sửa đổi"), partly_old, partly=True)
    flagged.partly_in_force = True
    flagged.save_revision().publish()

    assert status_of(old) == Status.EXPIRED and old.status == Status.EXPIRED
    assert status_of(partly_old) == Status.PARTLY
    assert status_of(flagged) == Status.PARTLY


def test_a_replacement_counts_only_once_it_is_live_and_in_force(hanoi, make_document):
    old = make_document(hanoi, "Cũ")
    replace(make_document(hanoi, "Chưa có hiệu lực", effective_on=FUTURE), old)
    draft = make_document(hanoi, "Bản nháp")
    draft.unpublish()
    replace(draft, old)
    assert status_of(old) == Status.IN_FORCE


def test_lists_show_the_status_of_each_document(hanoi, make_document, listing, client):
    old, partly_old, partly_later = (make_document(hanoi, title) for title in ["Cũ", "Cũ một phần", "Sửa sau"])
    replace(make_document(hanoi, "Mới"), old)
    replace(make_document(hanoi, "Sửa đổi"), partly_old, partly=True)
    replace(make_document(hanoi, "Sửa đổi sau", effective_on=FUTURE), partly_later, partly=True)
    expected = {
        "Cũ": Status.EXPIRED,
        "Cũ một phần": Status.PARTLY,
        "Sửa sau": Status.IN_FORCE,
        "Mới": Status.IN_FORCE,
        "Sửa đổi": Status.IN_FORCE,
        "Sửa đổi sau": Status.NOT_YET,
    }

    shown = {document.title: document.status for document in listing(HANOI).context["documents"]}
    served = {
        item["title"]: item["status"] for item in client.get("/api/v1/documents/", HTTP_HOST=HANOI).json()["items"]
    }
    assert shown == expected and served == expected


def test_a_site_lists_only_its_own_documents(hanoi, national, make_document, listing):
    make_document(hanoi, "Văn bản của Hà Nội")
    make_document(national, "Văn bản toàn quốc")
    assert listed(listing(HANOI)) == ["Văn bản của Hà Nội"]
    assert listed(listing(NATIONAL)) == ["Văn bản toàn quốc"]
    assert listed(listing(NATIONAL, q="ha noi")) == []


def queries_of(client, path):
    client.get(path, HTTP_HOST=HANOI)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_HOST=HANOI).status_code == 200
    return len(queries)


def test_listing_queries_do_not_grow_with_documents(hanoi, make_document, client, django_assert_num_queries):
    make_document(hanoi, "Văn bản 0", issued_on=date(2020, 1, 1), issuer="Cơ quan 0")
    one = queries_of(client, SECTION)
    for number in range(1, 10):
        make_document(hanoi, f"Văn bản {number}", issued_on=date(2010 + number, 1, 1), issuer=f"Cơ quan {number}")
    with django_assert_num_queries(one):
        response = client.get(SECTION, HTTP_HOST=HANOI)
    assert len(listed(response)) == 10


def test_listing_is_paginated(hanoi, make_document, listing):
    for number in range(21):
        make_document(hanoi, f"Văn bản {number:02}", issued_on=date(2000 + number, 1, 1))
    first, second = listing(HANOI), listing(HANOI, trang=2)
    assert len(listed(first)) == 20 and listed(second) == ["Văn bản 00"]
    assert "Trang 1/2" in first.content.decode()


def test_document_page_shows_its_record_relations_print_and_download(hanoi, make_document, client):
    old = make_document(hanoi, "Hướng dẫn thủ tục mở Website", number="1107/BHXH-TT")
    new = make_document(
        hanoi,
        "Hướng dẫn trang thông tin điện tử",
        number="2096/BHXH-TT",
        issued_on=date(2011, 5, 24),
        place="Hà Nội",
        signer_name="Nguyễn Văn A",
        signer_title="TỔNG GIÁM ĐỐC",
    )
    file = Document.objects.create(title="Công văn 2096", file=ContentFile(b"%PDF-1.4", name="2096.pdf"))
    LegalDocumentAttachment.objects.create(page=new, document=file)
    replace(new, old)

    html = client.get(new.url, HTTP_HOST=HANOI).content.decode()
    assert "2096/BHXH-TT" in html and 'Hà Nội, <time datetime="2011-05-24">24/05/2011</time>' in html
    assert "Còn hiệu lực" in html and "Nguyễn Văn A (TỔNG GIÁM ĐỐC)" in html
    assert "data-print" in html and f'href="{file.url}" download' in html
    assert "Thay thế: <a" in html and "1107/BHXH-TT" in html
    old_html = client.get(old.url, HTTP_HOST=HANOI).content.decode()
    assert "Bị thay thế bởi: <a" in old_html and "Hết hiệu lực" in old_html


def test_documents_whose_title_holds_the_query_come_first(hanoi, make_document, listing):
    make_document(hanoi, "Tiếp công dân", issued_on=date(2021, 1, 1), body="<p>Tiếp xúc, cán bộ thông tin.</p>")
    make_document(hanoi, "Luật Tiếp cận thông tin", issued_on=date(2020, 1, 1))
    assert listed(listing(HANOI, q="tiep can thong tin")) == ["Luật Tiếp cận thông tin", "Tiếp công dân"]
    assert listed(listing(HANOI, q="“tiếp cận thông tin”")) == ["Luật Tiếp cận thông tin"]


SEEDS = sorted((Path(legal.__file__).parent / "seed_documents").glob("*.txt"))


def test_da_nang_on_the_national_documents_finds_only_a_document_naming_da_nang(national, make_document, client):
    """Issue 15: the four seed letters hold "đã", "đa" and "năng" but not Đà Nẵng; a substring search listed them."""
    for number, seed in enumerate(SEEDS):
        make_document(national, f"Văn bản {number}", body=f"<p>{escape(seed.read_text())}</p>")
    make_document(national, "Hội nghị tại Đà Nẵng", body="<p>BHXH thành phố Đà Nẵng chủ trì.</p>")
    assert len(SEEDS) == 4

    for query in ("DA NANG", "Đà Nẵng?", "“Đà Nẵng”", "da nang,"):
        assert listed(client.get(SECTION, {"q": query}, HTTP_HOST=NATIONAL)) == ["Hội nghị tại Đà Nẵng"]
        api = client.get("/api/v1/documents/", {"q": query}, HTTP_HOST=NATIONAL).json()["items"]
        assert [item["title"] for item in api] == ["Hội nghị tại Đà Nẵng"]
    # 07/BHXH-PC (the first seed) holds the phrase: first, and alone when the phrase is quoted
    assert listed(client.get(SECTION, {"q": "tiếp cận thông tin"}, HTTP_HOST=NATIONAL))[0] == "Văn bản 0"
    assert listed(client.get(SECTION, {"q": "“tiếp cận thông tin”"}, HTTP_HOST=NATIONAL)) == ["Văn bản 0"]
    assert listed(client.get(SECTION, {"q": "07/BHXH-PC"}, HTTP_HOST=NATIONAL)) == ["Văn bản 0"]
