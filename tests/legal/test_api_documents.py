"""/api/v1/documents/ and /api/v1/procedures/: shapes, filters, problem JSON, site confinement, query counts."""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction

from legal.models import (
    LegalDocumentAttachment,
    LegalDocumentBasis,
    LegalDocumentIndexPage,
    LegalDocumentReplacement,
    Status,
)
from tests.legal.factories import make_procedure
from tests.support.growth import queries_for
from tests.support.sites import DANANG, HANOI

DOCUMENTS, PROCEDURES = "/api/v1/documents/", "/api/v1/procedures/"
# Kept per site once read (core/sites.py, core/site_section.py): the site a host names, where its section lies.
SITE_QUERY = SECTION_QUERY = 1
PAST = timezone.localdate() - timedelta(days=30)


def get(client, url, **params):
    params.setdefault("site", HANOI)
    return client.get(url, params)


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(response):
    return [item["title"] for item in items(response)]


def assert_problem(response, status, field=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    if field:
        assert body["errors"].get(field), body
    return body


# Documents: shape


def test_a_listed_document_has_the_fields_of_the_contract(hanoi, make_document, client):
    old = make_document(hanoi, "Hướng dẫn cũ", number="1107/BHXH-TT")
    document = make_document(
        hanoi,
        "Hướng dẫn trang thông tin điện tử",
        "huong-dan",
        number="2096/BHXH-TT",
        issuer="Bảo hiểm xã hội Việt Nam",
        signer_name="Nguyễn Văn A",
        signer_title="PHÓ TỔNG GIÁM ĐỐC",
        issued_on=date(2011, 5, 24),
    )
    LegalDocumentReplacement.objects.create(page=document, replaced=old, partly=True)
    file = Document.objects.create(title="Công văn 2096", file=ContentFile(b"%PDF-1.4", name="2096.pdf"))
    LegalDocumentAttachment.objects.create(page=document, document=file, label="Bản scan")

    item = next(item for item in items(get(client, DOCUMENTS)) if item["id"] == document.pk)

    assert item == {
        "id": document.pk,
        "number": "2096/BHXH-TT",
        "title": "Hướng dẫn trang thông tin điện tử",
        "doc_type": {"slug": "huong-dan", "name": "Hướng dẫn"},
        "issuer": "Bảo hiểm xã hội Việt Nam",
        "signer": {"name": "Nguyễn Văn A", "title": "PHÓ TỔNG GIÁM ĐỐC"},
        "issued_on": "2011-05-24",
        "effective_on": "2011-05-24",
        "expires_on": None,
        "status": "con-hieu-luc",
        "status_label": "Còn hiệu lực",
        "replaces": [
            {"id": old.pk, "number": "1107/BHXH-TT", "title": "Hướng dẫn cũ", "url": old.get_full_url(), "partly": True}
        ],
        "files": [{"title": "Bản scan", "url": f"http://testserver{file.url}"}],
        "url": document.get_full_url(),
    }


def test_the_detail_has_the_full_text_and_the_live_relations(hanoi, make_document, client):
    basis = make_document(hanoi, "Luật Tiếp cận thông tin", "luat", number="104/2016/QH13")
    document = make_document(
        hanoi,
        "Tiếp tục triển khai Luật Tiếp cận thông tin",
        number="07/BHXH-PC",
        subject="V/v tiếp tục triển khai",
        body="<p>Toàn văn công văn</p>",
    )
    newer = make_document(hanoi, "Công văn thay thế", number="08/BHXH-PC")
    unpublished = make_document(hanoi, "Bản nháp thay thế", number="09/BHXH-PC")
    unpublished.unpublish()
    LegalDocumentBasis.objects.create(page=document, basis=basis)
    LegalDocumentReplacement.objects.create(page=newer, replaced=document)
    LegalDocumentReplacement.objects.create(page=unpublished, replaced=document)

    body = get(client, f"{DOCUMENTS}{document.pk}/").json()

    assert body["body"] == "<p>Toàn văn công văn</p>" and body["subject"] == "V/v tiếp tục triển khai"
    assert [link["number"] for link in body["bases"]] == ["104/2016/QH13"]
    assert [link["number"] for link in body["replaced_by"]] == ["08/BHXH-PC"]
    assert body["status"] == Status.EXPIRED
    basis_body = get(client, f"{DOCUMENTS}{basis.pk}/").json()
    assert [link["number"] for link in basis_body["basis_for"]] == ["07/BHXH-PC"]


# Documents: filters


def test_search_ignores_diacritics(hanoi, make_document, client):
    make_document(hanoi, "Tiếp tục triển khai thi hành Luật Tiếp cận thông tin")
    make_document(hanoi, "Đơn giản hóa thủ tục hành chính")
    assert titles(get(client, DOCUMENTS, q="TIEP CAN thong tin")) == [
        "Tiếp tục triển khai thi hành Luật Tiếp cận thông tin"
    ]
    assert titles(get(client, DOCUMENTS, q="don gian")) == ["Đơn giản hóa thủ tục hành chính"]


def test_filters_by_type_year_and_status(hanoi, make_document, client):
    make_document(hanoi, "Công văn 2020", "cong-van", issued_on=date(2020, 1, 2))
    make_document(hanoi, "Quyết định 2019", "quyet-dinh", issued_on=date(2019, 5, 1), expires_on=PAST)
    make_document(hanoi, "Kế hoạch 2019", "ke-hoach", issued_on=date(2019, 8, 3))

    assert titles(get(client, DOCUMENTS, doc_type="quyet-dinh")) == ["Quyết định 2019"]
    assert titles(get(client, DOCUMENTS, year=2019)) == ["Kế hoạch 2019", "Quyết định 2019"]
    assert titles(get(client, DOCUMENTS, status="het-hieu-luc")) == ["Quyết định 2019"]
    assert titles(get(client, DOCUMENTS, status="con-hieu-luc", year=2020)) == ["Công văn 2020"]


@pytest.mark.parametrize(
    "params, field",
    [
        ({"doc_type": "thong-bao-mat"}, "doc_type"),
        ({"year": "hai-nghin"}, "year"),
        ({"year": "20201"}, "year"),
        ({"status": "bi-xoa"}, "status"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_a_bad_document_filter_is_a_400_problem_naming_it(hanoi, client, params, field):
    assert_problem(get(client, DOCUMENTS, **params), 400, field)


def test_an_unknown_type_is_named_in_the_message(hanoi, client):
    body = assert_problem(get(client, DOCUMENTS, doc_type="thong-bao-mat"), 400, "doc_type")
    assert "thong-bao-mat" in body["errors"]["doc_type"][0]


# Documents: confinement and publication


def test_only_live_public_documents_of_the_site_are_listed(hanoi, danang, make_document, client):
    make_document(hanoi, "Văn bản của Hà Nội")
    make_document(danang, "Văn bản của Đà Nẵng")
    make_document(hanoi, "Văn bản chưa đăng").unpublish()
    private = make_document(hanoi, "Văn bản nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert titles(get(client, DOCUMENTS)) == ["Văn bản của Hà Nội"]
    assert titles(client.get(DOCUMENTS, HTTP_HOST=DANANG)) == ["Văn bản của Đà Nẵng"]
    assert_problem(get(client, f"{DOCUMENTS}{private.pk}/"), 404)


def test_another_sites_or_an_unpublished_document_is_a_404(hanoi, danang, make_document, client):
    theirs = make_document(danang, "Văn bản của Đà Nẵng")
    draft = make_document(hanoi, "Văn bản chưa đăng")
    draft.unpublish()

    assert_problem(get(client, f"{DOCUMENTS}{theirs.pk}/"), 404)
    assert_problem(get(client, f"{DOCUMENTS}{draft.pk}/"), 404)
    assert get(client, f"{DOCUMENTS}{theirs.pk}/", site=DANANG).status_code == 200


@pytest.mark.parametrize("value", ["0", "-1", "abc"])
def test_a_malformed_id_is_a_400_problem(hanoi, client, value):
    assert_problem(get(client, f"{DOCUMENTS}{value}/"), 400, "id")
    assert_problem(get(client, f"{PROCEDURES}{value}/"), 400, "id")


def test_document_list_queries_do_not_grow_with_items(hanoi, make_document, client, django_assert_max_num_queries):
    def add(number):
        document = make_document(hanoi, f"Văn bản {number}", issued_on=date(2000 + number, 1, 1))
        file = Document.objects.create(title=f"Tệp {number}", file=ContentFile(b"x", name=f"{number}.pdf"))
        LegalDocumentAttachment.objects.create(page=document, document=file)
        LegalDocumentReplacement.objects.create(page=document, replaced=make_document(hanoi, f"Cũ {number}"))

    add(0)
    get(client, DOCUMENTS)  # warms the cache of site root paths, as any earlier request would have
    with django_assert_max_num_queries(20) as with_one:
        assert get(client, DOCUMENTS).json()["count"] == 2
    for number in range(1, 9):  # 18 documents: still one page, which is counted from its items
        add(number)
    with django_assert_max_num_queries(20) as with_nine:
        assert get(client, DOCUMENTS).json()["count"] == 18

    assert len(with_nine) == len(with_one)


# Procedures


def test_a_listed_procedure_has_its_fields_and_the_detail_its_steps_and_live_basis(hanoi, make_document, client):
    basis = make_document(hanoi, "Cải cách thủ tục hành chính", number="1257/BHXH-PC")
    hidden = make_document(hanoi, "Chưa đăng", number="99/BHXH-NHAP")
    hidden.unpublish()
    procedure = make_procedure(
        hanoi,
        "Giải quyết hưởng chế độ ốm đau",
        code="1.000089",
        field_name="Thực hiện chính sách BHXH",
        bases=[basis, hidden],
    )

    listed = items(get(client, PROCEDURES))
    detail = get(client, f"{PROCEDURES}{procedure.pk}/").json()

    assert listed == [
        {
            "id": procedure.pk,
            "code": "1.000089",
            "title": "Giải quyết hưởng chế độ ốm đau",
            "field": {"slug": "thuc-hien-chinh-sach-bhxh", "name": "Thực hiện chính sách BHXH"},
            "agency": "Cơ quan BHXH cơ sở",
            "level": "provincial",
            "processing_days": 7,
            "fees": "Không",
            "online_level": "full",
            "online_service_url": "https://dichvucong.gov.vn/p/home/tthc.html",
            "url": procedure.get_full_url(),
        }
    ]
    assert detail["steps"] == "<p>Nộp tờ khai TK1-TS.</p>" and detail["dossier"] == "<p>Tờ khai TK1-TS.</p>"
    assert [link["number"] for link in detail["bases"]] == ["1257/BHXH-PC"]


def test_procedures_are_searched_without_diacritics_and_filtered_by_field(hanoi, client):
    make_procedure(hanoi, "Cấp sổ bảo hiểm xã hội", field_name="Cấp sổ, thẻ")
    make_procedure(hanoi, "Hưởng chế độ thai sản", field_name="Chế độ BHXH")

    assert titles(get(client, PROCEDURES, q="cap so bao hiem")) == ["Cấp sổ bảo hiểm xã hội"]
    assert titles(get(client, PROCEDURES, q="“cấp sổ”, bảo hiểm?")) == ["Cấp sổ bảo hiểm xã hội"]
    assert titles(get(client, PROCEDURES, field="cap-so-the")) == ["Cấp sổ bảo hiểm xã hội"]
    assert titles(get(client, PROCEDURES, field="Chế độ BHXH")) == ["Hưởng chế độ thai sản"]
    body = assert_problem(get(client, PROCEDURES, field="khong-co"), 400, "field")
    assert "khong-co" in body["errors"]["field"][0]


def test_procedures_are_confined_to_the_site_and_published(hanoi, danang, client):
    make_procedure(hanoi, "Thủ tục của Hà Nội")
    hidden = make_procedure(hanoi, "Thủ tục chưa đăng", live=False)
    theirs = make_procedure(danang, "Thủ tục của Đà Nẵng")

    assert titles(get(client, PROCEDURES)) == ["Thủ tục của Hà Nội"]
    assert_problem(get(client, f"{PROCEDURES}{theirs.pk}/"), 404)
    assert_problem(get(client, f"{PROCEDURES}{hidden.pk}/"), 404)
    assert titles(get(client, PROCEDURES, field="che-do-bhxh", site=DANANG)) == ["Thủ tục của Đà Nẵng"]


def test_procedure_list_queries_do_not_grow_with_items(hanoi, make_document, client, django_assert_max_num_queries):
    basis = make_document(hanoi, "Căn cứ", number="1257/BHXH-PC")
    make_procedure(hanoi, "Thủ tục 0", bases=[basis])
    get(client, PROCEDURES)  # warms the cache of site root paths, as any earlier request would have
    with django_assert_max_num_queries(20) as with_one:
        assert get(client, PROCEDURES).json()["count"] == 1
    for number in range(1, 10):
        make_procedure(hanoi, f"Thủ tục {number}", bases=[basis], field_name=f"Lĩnh vực {number}")
    with django_assert_max_num_queries(20) as with_ten:
        assert get(client, PROCEDURES).json()["count"] == 10

    assert len(with_ten) == len(with_one)


def test_answers_carry_an_etag_and_are_publicly_cacheable(hanoi, client):
    make_procedure(hanoi, "Thủ tục của Hà Nội")
    response = get(client, PROCEDURES)
    assert response.has_header("ETag") and "public" in response["Cache-Control"]
    assert client.get(PROCEDURES, {"site": HANOI}, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_list_reads_no_section_once_its_place_is_kept(client, fragments_only, hanoi, make_document):
    make_document(hanoi, "Công văn về thẻ bảo hiểm y tế")
    read = queries_for(client, HANOI, DOCUMENTS)
    fragments_only()
    assert queries_for(client, HANOI, DOCUMENTS) == read - SITE_QUERY - SECTION_QUERY


def test_a_section_moved_away_from_under_the_home_page_has_no_place_at_once(
    fragments_only, hanoi, django_capture_on_commit_callbacks
):
    """A move purges the site's own tag, not its layout's: the kept place must go with it."""
    fragments_only()
    sections = Page.objects.child_of(hanoi.root_page)
    section = sections.get(slug="van-ban-thu-tuc-hanh-chinh")
    assert LegalDocumentIndexPage.place_in(hanoi) == (section.path, section.depth)
    with django_capture_on_commit_callbacks(execute=True):
        section.move(sections.get(slug="gioi-thieu"), pos="last-child")
    assert LegalDocumentIndexPage.place_in(hanoi) is None
