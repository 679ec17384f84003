"""The importer on the real seed files: what it extracts, what it reports, and that re-runs change nothing."""

from datetime import date
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command

from legal.importer import SEED_DIRECTORY as SEEDS
from legal.importer import documents_index, import_files, import_seed_documents
from legal.models import LegalDocumentPage, Status
from legal.parsing import parse

LETTER = "Công văn"


def seed_path(prefix):
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.mark.parametrize(
    "prefix, expected",
    [
        (
            "000",
            dict(
                number="07/BHXH-PC",
                document_type=LETTER,
                place="Hà Nội",
                issued_on=date(2020, 1, 2),
                issuer="Bảo hiểm xã hội Việt Nam",
                subject="V/v tiếp tục triển khai thi hành Luật Tiếp cận thông tin",
                signer_name="Đào Việt Ánh",
                signer_title="KT. TỔNG GIÁM ĐỐC – PHÓ TỔNG GIÁM ĐỐC",
            ),
        ),
        (
            "001",
            dict(
                number="1257/BHXH-PC",
                document_type=LETTER,
                place="Hà Nội",
                issued_on=date(2019, 4, 19),
                issuer="Bảo hiểm xã hội Việt Nam",
                subject="V/v thực hiện cải cách hoạt động kiểm tra chuyên ngành, điều kiện kinh doanh và "
                "thủ tục hành chính theo yêu cầu của Thủ tướng Chính phủ",
                signer_name="Nguyễn Thị Minh",
                signer_title="TỔNG GIÁM ĐỐC",
            ),
        ),
        (
            "003",
            dict(
                number="2096/BHXH-TT",
                document_type=LETTER,
                place="Hà Nội",
                issued_on=date(2011, 5, 24),
                issuer="Bảo hiểm xã hội Việt Nam",
                subject="V/v Hướng dẫn thành lập và tổ chức hoạt động trang thông tin điện tử của BHXH các "
                "tỉnh, thành phố",
                signer_name="",
                signer_title="",
            ),
        ),
        (
            "004",
            dict(
                number="",
                document_type="Kế hoạch",
                place="Hà Nội",
                issued_on=date(2010, 8, 3),
                issuer="Bảo hiểm xã hội Việt Nam",
                subject="Thực hiện Đề án Đổi mới công tác tiếp công dân",
                signer_name="Lê Bạch Hồng",
                signer_title="",
            ),
        ),
    ],
)
def test_seed_fields_are_extracted_exactly(prefix, expected):
    parsed = parse(seed_path(prefix).read_text(encoding="utf-8"))
    assert {name: getattr(parsed, name) for name in expected} == expected


def test_addressees_and_body_are_separated():
    parsed = parse(seed_path("000").read_text(encoding="utf-8"))
    assert parsed.addressees == (
        "- Các đơn vị trực thuộc Bảo hiểm xã hội Việt Nam;\n"
        "- Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương."
    )
    assert parsed.paragraphs[0].startswith("Thực hiện Quyết định số 1408/QĐ-TTg ngày 15/7/2016")
    assert parsed.paragraphs[1].startswith("1. Tổ chức tuyên truyền, phổ biến nội dung")
    assert parsed.paragraphs[-1].endswith("để tổng hợp, báo cáo Bộ Tư pháp./.")


def test_what_is_missing_is_reported_not_guessed():
    assert parse(seed_path("000").read_text(encoding="utf-8")).warnings == []
    assert parse(seed_path("003").read_text(encoding="utf-8")).warnings == [
        "không tìm thấy người ký",
        "không tìm thấy chức vụ người ký",
    ]
    assert parse(seed_path("004").read_text(encoding="utf-8")).warnings == [
        "không tìm thấy số hiệu",
        "không tìm thấy nơi nhận (kính gửi)",
        "không tìm thấy chức vụ người ký",
    ]


def test_import_publishes_pages_and_a_second_run_creates_nothing(national):
    first = import_seed_documents(national)
    second = import_seed_documents(national)

    assert len(first.created) == 4 and second.created == [] and second.updated == []
    assert len(second.unchanged) == 4
    pages = LegalDocumentPage.objects.child_of(documents_index(national))
    assert pages.count() == 4 and pages.live().count() == 4
    letter = pages.get(number="07/BHXH-PC")
    assert letter.title == "Tiếp tục triển khai thi hành Luật Tiếp cận thông tin"
    assert letter.document_type.name == LETTER and letter.signer_name == "Đào Việt Ánh"
    assert letter.slug == "07-bhxh-pc"
    assert pages.get(number="").slug == "ke-hoach-2010-08-03-thuc-hien-de-an-doi-moi-cong-tac-tiep-cong-dan"
    assert letter.get_latest_revision() == letter.live_revision


def test_a_changed_file_updates_the_page_it_imported_before(national, tmp_path):
    original = seed_path("000").read_text(encoding="utf-8")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(original, encoding="utf-8")
    second.write_text(original.replace("Đào Việt Ánh", "Trần Văn Bình"), encoding="utf-8")

    import_files(national, [first])
    result = import_files(national, [second])

    assert result.created == [] and len(result.updated) == 1
    page = LegalDocumentPage.objects.child_of(documents_index(national)).get(number="07/BHXH-PC")
    assert page.signer_name == "Trần Văn Bình"


def test_the_same_number_on_two_sites_is_two_documents(national, hanoi):
    import_files(national, [seed_path("000")])
    import_files(hanoi, [seed_path("000")])
    assert LegalDocumentPage.objects.filter(number="07/BHXH-PC").count() == 2


def test_command_prints_results_and_warnings(hanoi):
    out, err = StringIO(), StringIO()
    call_command("import_legal_documents", hanoi.hostname, str(seed_path("003")), stdout=out, stderr=err)
    assert "Tạo mới: 2096/BHXH-TT" in out.getvalue()
    assert "Cảnh báo 003_09d8970dc2ae0118.txt: không tìm thấy người ký" in err.getvalue()


def test_command_refuses_an_unknown_site_or_file_and_saves_nothing(hanoi, tmp_path):
    with pytest.raises(CommandError, match="không.localhost"):
        call_command("import_legal_documents", "không.localhost", str(seed_path("000")))
    with pytest.raises(CommandError):
        call_command("import_legal_documents", hanoi.hostname, str(seed_path("000")), str(tmp_path / "no.txt"))
    assert not LegalDocumentPage.objects.filter(number="07/BHXH-PC").exists()


# Issue 15 ("Import"): footnotes, "Nơi nhận", the issuer the body names, and no guessed validity status.

SEED_000_FOOTNOTE = (
    "Bộ Tư pháp đã xuất bản các sổ tay, tài liệu hướng dẫn về tiếp cận thông tin, đồng thời đăng tải tại "
    "chuyên mục Tiếp cận thông tin trên Cổng Thông tin điện tử của Bộ Tư pháp: "
    "https://moj.gov.vn/tctt/Pages/so-tay-hd.aspx?ItemID=4)."
)

SEED_000_RECIPIENTS = ["Như trên;", "Tổng Giám đốc (để b/c);", "Các Phó Tổng Giám đốc;", "Lưu: VT, PC."]


def test_the_footnote_of_07_bhxh_pc_is_kept_with_its_marker_where_the_text_puts_it():
    parsed = parse(seed_path("000").read_text(encoding="utf-8"))
    assert parsed.footnotes == [SEED_000_FOOTNOTE]
    first_task = parsed.paragraphs[1]
    assert "người lao động trong toàn Ngành[^1]; rà soát, bố trí hợp lý đơn vị" in first_task
    # the bare "1" no longer floats in the sentence, and the note is not taken for body or signature
    assert "Ngành 1" not in first_task and "1; rà soát" not in first_task
    assert not any("moj.gov.vn" in paragraph for paragraph in parsed.paragraphs)
    assert parsed.signer_name == "Đào Việt Ánh"


def test_a_numbered_list_item_is_never_taken_for_a_footnote_marker():
    parsed = parse(seed_path("000").read_text(encoding="utf-8"))
    assert [paragraph[:2] for paragraph in parsed.paragraphs[1:7]] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert sum(paragraph.count("[^") for paragraph in parsed.paragraphs) == 1


def test_a_footnote_whose_marker_cannot_be_placed_is_reported():
    text = seed_path("000").read_text(encoding="utf-8").replace("toàn Ngành\n1\n;", "toàn Ngành;")
    parsed = parse(text)
    assert parsed.footnotes == [SEED_000_FOOTNOTE]
    assert parsed.warnings == ["không tìm thấy vị trí chú thích 1"]


@pytest.mark.parametrize(
    "prefix, recipients",
    [
        ("000", SEED_000_RECIPIENTS),
        ("001", ["Như trên;", "Văn phòng Chính phủ;", "Các Phó Tổng Giám đốc;", "Lưu VT, PC."]),
        ("003", ["Như trên;", "Tổng giám đốc (để b/c);", "Lưu VT, TT (3)."]),
        (
            "004",
            [
                "Thanh tra Chính phủ;",
                "TGD, và các Phó TGD;",
                "BHXH các tỉnh, thành phố;",
                "Các đv trực thuộc BHXH Việt Nam;",
                "Lưu VT, KT.",
            ],
        ),
    ],
)
def test_the_recipients_list_of_every_seed_is_kept_as_its_own_field(prefix, recipients):
    parsed = parse(seed_path(prefix).read_text(encoding="utf-8"))
    assert parsed.recipients == recipients
    assert not any(recipients[-1] in paragraph for paragraph in parsed.paragraphs)


def test_the_issuer_of_the_2010_reception_plan_is_the_one_its_text_names():
    parsed = parse(seed_path("004").read_text(encoding="utf-8"))
    assert parsed.number == "" and parsed.issuer == "Bảo hiểm xã hội Việt Nam"


def test_a_body_that_only_mentions_the_agency_names_no_issuer():
    text = (
        "Hà Nội, ngày 3 tháng 8 năm 2010.\n\nKẾ HOẠCH\n\nVề việc báo cáo.\n\n"
        "Các đơn vị báo cáo Bảo hiểm xã hội Việt Nam hằng tháng."
    )
    parsed = parse(text)
    assert parsed.issuer == "" and "không tìm thấy cơ quan ban hành" in parsed.warnings


def test_the_imported_page_links_the_marker_to_the_note_and_lists_the_recipients(national, client):
    import_files(national, [seed_path("000")])
    page = LegalDocumentPage.objects.get(number="07/BHXH-PC")
    assert page.footnotes == SEED_000_FOOTNOTE
    assert page.recipients.splitlines() == SEED_000_RECIPIENTS
    assert (
        'toàn Ngành<sup id="tham-chieu-1"><a href="#chu-thich-1" aria-label="Chú thích 1">1</a></sup>; rà soát'
        in page.body
    )

    html = BeautifulSoup(client.get(page.url, HTTP_HOST=national.hostname).content, "html.parser")
    note = html.find(id="chu-thich-1")
    assert note.name == "li" and note.find_parent(attrs={"aria-labelledby": "toan-van"})  # under the body
    assert note.get_text(" ", strip=True).startswith("Bộ Tư pháp đã xuất bản các sổ tay")
    assert note.find("a", href="#tham-chieu-1") and html.find(id="tham-chieu-1").find("a")["href"] == "#chu-thich-1"
    recipients = html.find("section", attrs={"aria-labelledby": "noi-nhan"})
    assert [item.get_text() for item in recipients.find_all("li")] == page.recipients.splitlines()


def test_imported_documents_wait_for_the_board_to_confirm_their_status(national, client):
    import_seed_documents(national)
    plan = LegalDocumentPage.objects.get(number="", issued_on=date(2010, 8, 3))
    assert plan.issuer == "Bảo hiểm xã hội Việt Nam"
    assert plan.validity_confirmed is False and plan.status == Status.UNKNOWN
    assert LegalDocumentPage.objects.with_status().get(pk=plan.pk).status == Status.UNKNOWN
    html = BeautifulSoup(client.get(plan.url, HTTP_HOST=national.hostname).content, "html.parser")
    assert html.find("dt", string="Tình trạng").find_next("dd").get_text() == "Chưa xác định"
    detail = client.get(f"/api/v1/documents/{plan.pk}/", HTTP_HOST=national.hostname).json()
    assert (detail["status"], detail["status_label"]) == ("chua-xac-dinh", "Chưa xác định")
    assert detail["recipients"][0] == "Thanh tra Chính phủ;"

    letter = LegalDocumentPage.objects.get(number="07/BHXH-PC")
    detail = client.get(f"/api/v1/documents/{letter.pk}/", HTTP_HOST=national.hostname).json()
    assert detail["footnotes"] == [{"number": 1, "text": SEED_000_FOOTNOTE}]
    assert 'href="#chu-thich-1"' in detail["body"]


def test_the_board_confirms_in_the_admin_and_a_re_import_keeps_the_confirmation(national, tmp_path):
    import_files(national, [seed_path("000")])
    letter = LegalDocumentPage.objects.get(number="07/BHXH-PC")
    letter.validity_confirmed = True
    letter.save_revision().publish()
    assert LegalDocumentPage.objects.get(pk=letter.pk).status == Status.IN_FORCE

    changed = tmp_path / "07.txt"
    changed.write_text(seed_path("000").read_text(encoding="utf-8").replace("Đào Việt Ánh", "Trần Văn Bình"))
    assert len(import_files(national, [changed]).updated) == 1
    letter = LegalDocumentPage.objects.get(pk=letter.pk)
    assert letter.signer_name == "Trần Văn Bình" and letter.validity_confirmed is True
    assert LegalDocumentPage.objects.in_status(Status.IN_FORCE).filter(pk=letter.pk).exists()
