"""The importer on the real seed files: what it extracts, what it reports, and that re-runs change nothing."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from legal.importer import SEED_DIRECTORY as SEEDS
from legal.importer import documents_index, import_files, import_seed_documents
from legal.models import LegalDocumentPage
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
                issuer="",
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
        "không tìm thấy cơ quan ban hành",
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
