"""`bootstrap_portal --demo` imports the four seed documents into the national site and Hà Nội, once."""

from wagtail.models import Page

from home.models import SectionPage
from legal.demo import load_legal_demo
from legal.importer import documents_index
from legal.models import LegalDocumentPage
from portal.bootstrap import Report


def test_demo_imports_the_seed_documents_nationally_and_in_hanoi_and_a_second_run_changes_nothing(
    national, hanoi, danang
):
    first, second = Report(), Report()
    load_legal_demo(first)
    load_legal_demo(second)

    for site in (national, hanoi):
        numbers = set(LegalDocumentPage.objects.child_of(documents_index(site)).live().values_list("number", flat=True))
        assert numbers == {"07/BHXH-PC", "1257/BHXH-PC", "2096/BHXH-TT", ""}
    assert not LegalDocumentPage.objects.descendant_of(danang.root_page).exists()
    assert len(first.changes) == 8 and second.changes == []


def test_a_database_whose_section_predates_the_app_gets_a_warning_not_a_crash(national):
    documents_index(national).delete()
    home = Page.objects.get(pk=national.root_page_id)
    home.add_child(instance=SectionPage(title="Văn bản – Thủ tục hành chính", slug="van-ban-thu-tuc-hanh-chinh"))
    report = Report()
    load_legal_demo(report)
    assert report.changes and all(change.endswith("trên hanoi.localhost") for change in report.changes)
    assert "Trang localhost chưa có chuyên mục văn bản" in report.warnings[0]
