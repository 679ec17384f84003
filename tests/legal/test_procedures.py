"""Administrative procedures: the public page, the list with diacritic-free search and field filter, the demo."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from legal.demo import load_legal_demo
from legal.demo_procedures import BASIS_NUMBER, load_procedures_demo
from legal.importer import documents_index
from legal.models import AdministrativeProcedurePage, OnlineLevel, ProcedureLevel
from portal.bootstrap import Report
from tests.legal.factories import make_procedure
from tests.support.sites import DOCUMENTS as SECTION
from tests.support.sites import HANOI, NATIONAL

LIST = f"{SECTION}thu-tuc-hanh-chinh/"


def listed(response):
    return [procedure.title for procedure in response.context["procedures"]]


def test_procedure_page_shows_every_part_of_the_procedure(hanoi, make_document, client):
    basis = make_document(hanoi, "Cải cách thủ tục hành chính", number="1257/BHXH-PC")
    hidden = make_document(hanoi, "Văn bản chưa đăng", number="99/BHXH-NHAP")
    hidden.unpublish()
    procedure = make_procedure(
        hanoi,
        "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT",
        code="1.000056",
        field_name="Cấp sổ, thẻ",
        agency="Bảo hiểm xã hội thành phố Hà Nội",
        level=ProcedureLevel.LOCAL,
        processing_days=10,
        fees="Không thu phí",
        steps="<ol><li>Kê khai tờ khai TK1-TS</li></ol>",
        dossier="<ul><li>Sổ BHXH đang sử dụng</li></ul>",
        online_service_url="https://dichvucong.gov.vn/p/home/dvc-tthc.html?ma=1.000056",
        bases=[basis, hidden],
    )

    response = client.get(procedure.url, HTTP_HOST=HANOI)
    html = response.content.decode()

    assert response.status_code == 200
    for text in [
        "1.000056",
        "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT",
        "Cấp sổ, thẻ",
        "Bảo hiểm xã hội thành phố Hà Nội",
        "Cấp cơ sở",
        "10 ngày làm việc",
        "Không thu phí",
        "Kê khai tờ khai TK1-TS",
        "Sổ BHXH đang sử dụng",
        "Dịch vụ công trực tuyến toàn trình",
    ]:
        assert text in html, text
    assert 'href="https://dichvucong.gov.vn/p/home/dvc-tthc.html?ma=1.000056" rel="external noopener"' in html
    assert f'href="{basis.relative_url(hanoi)}">1257/BHXH-PC</a>' in html
    assert "99/BHXH-NHAP" not in html
    assert "data-print" in html  # the print button (static/cms/js/portal.js)
    assert f'href="{LIST}"' in html


def test_a_procedure_without_online_service_has_no_portal_button(hanoi, client):
    procedure = make_procedure(hanoi, "Thủ tục tại quầy", online_level=OnlineLevel.NONE, online_service_url="")
    html = client.get(procedure.url, HTTP_HOST=HANOI).content.decode()
    assert "Nộp hồ sơ trực tuyến" not in html and "Chưa cung cấp trực tuyến" in html


def test_list_search_ignores_diacritics_and_reads_steps_and_dossier(hanoi, client):
    make_procedure(hanoi, "Cấp sổ bảo hiểm xã hội lần đầu")
    make_procedure(hanoi, "Giải quyết hưởng chế độ ốm đau", dossier="<p>Giấy ra viện</p>")
    make_procedure(hanoi, "Đăng ký, đóng BHXH tự nguyện")

    assert listed(client.get(LIST, {"q": "cap so bao hiem"}, HTTP_HOST=HANOI)) == ["Cấp sổ bảo hiểm xã hội lần đầu"]
    assert listed(client.get(LIST, {"q": "GIAY RA VIEN"}, HTTP_HOST=HANOI)) == ["Giải quyết hưởng chế độ ốm đau"]
    assert listed(client.get(LIST, {"q": "dang ky tu nguyen"}, HTTP_HOST=HANOI)) == ["Đăng ký, đóng BHXH tự nguyện"]
    assert listed(client.get(LIST, {"q": "Giấy ra viện?"}, HTTP_HOST=HANOI)) == ["Giải quyết hưởng chế độ ốm đau"]
    assert listed(client.get(LIST, {"q": "thai san"}, HTTP_HOST=HANOI)) == []


def test_list_filters_by_field_offered_by_slug(hanoi, client):
    make_procedure(hanoi, "Cấp lại thẻ BHYT", field_name="Cấp sổ, thẻ")
    make_procedure(hanoi, "Hưởng chế độ ốm đau", field_name="Thực hiện chính sách bảo hiểm xã hội")

    response = client.get(LIST, {"linh_vuc": "cap-so-the"}, HTTP_HOST=HANOI)

    assert listed(response) == ["Cấp lại thẻ BHYT"]
    assert '<option value="thuc-hien-chinh-sach-bao-hiem-xa-hoi">' in response.content.decode()


def test_a_field_not_on_offer_is_a_400_naming_the_filter(hanoi, client):
    make_procedure(hanoi, "Cấp lại thẻ BHYT")
    response = client.get(LIST, {"linh_vuc": "khong-co"}, HTTP_HOST=HANOI)
    assert response.status_code == 400
    assert "Lĩnh vực" in response.content.decode() and listed(response) == []


def test_list_shows_only_the_sites_own_live_procedures(hanoi, national, client):
    make_procedure(hanoi, "Thủ tục của Hà Nội")
    make_procedure(hanoi, "Thủ tục chưa đăng", live=False)
    make_procedure(national, "Thủ tục toàn quốc")

    assert listed(client.get(LIST, HTTP_HOST=HANOI)) == ["Thủ tục của Hà Nội"]
    assert listed(client.get(LIST, HTTP_HOST=NATIONAL)) == ["Thủ tục toàn quốc"]
    assert listed(client.get(LIST, {"q": "ha noi"}, HTTP_HOST=NATIONAL)) == []


def test_list_is_paginated_and_its_queries_do_not_grow(hanoi, client):
    make_procedure(hanoi, "Thủ tục 00")
    client.get(LIST, HTTP_HOST=HANOI)
    with CaptureQueriesContext(connection) as with_one:
        client.get(LIST, HTTP_HOST=HANOI)
    for number in range(1, 21):
        make_procedure(hanoi, f"Thủ tục {number:02}", field_name=f"Lĩnh vực {number}")
    with CaptureQueriesContext(connection) as with_many:
        first = client.get(LIST, HTTP_HOST=HANOI)

    assert len(with_many) == len(with_one)
    assert len(listed(first)) == 20 and "Trang 1/2" in first.content.decode()
    assert len(listed(client.get(LIST, {"trang": 2}, HTTP_HOST=HANOI))) == 1


def test_the_list_refuses_a_post(hanoi, client):
    assert client.post(LIST, HTTP_HOST=HANOI).status_code == 405


def test_documents_list_links_to_the_procedures_and_still_refuses_bad_filters(hanoi, make_document, listing):
    make_document(hanoi, "Công văn về thủ tục")
    response = listing(HANOI)
    assert response.status_code == 200 and f'href="{LIST}">Tra cứu thủ tục hành chính' in response.content.decode()
    assert listing(HANOI, tinh_trang="bi-xoa").status_code == 400


# Demo


def test_demo_adds_procedures_on_both_sites_with_their_basis_and_a_second_run_changes_nothing(national, hanoi):
    load_legal_demo(Report())
    first, second = Report(), Report()
    load_procedures_demo(first)
    load_procedures_demo(second)

    national_procedures = AdministrativeProcedurePage.objects.child_of(documents_index(national)).live()
    hanoi_procedures = AdministrativeProcedurePage.objects.child_of(documents_index(hanoi)).live()
    assert national_procedures.count() == 5 and hanoi_procedures.count() == 3
    assert len(first.changes) == 8 and second.changes == [] and first.warnings == []
    sick_leave = hanoi_procedures.get(title="Giải quyết hưởng chế độ ốm đau")
    basis = sick_leave.bases.get().basis
    assert basis.number == BASIS_NUMBER and basis.get_parent().pk == documents_index(hanoi).pk
    assert sick_leave.online_service_url.startswith("https://dichvucong.gov.vn/")


def test_demo_keeps_an_editors_changes(hanoi):
    load_procedures_demo(Report())
    procedure = AdministrativeProcedurePage.objects.child_of(documents_index(hanoi)).get(code="1.000056")
    procedure.processing_days = 3
    procedure.save_revision().publish()

    load_procedures_demo(Report())

    procedure.refresh_from_db()
    assert procedure.processing_days == 3
