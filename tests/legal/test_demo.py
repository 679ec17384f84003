"""`bootstrap_portal --demo` imports the four seed documents into the national site, once."""
from wagtail.models import Page

from home.models import SectionPage
from legal.demo import load_legal_demo
from legal.importer import documents_index
from legal.models import LegalDocumentPage
from multisite_config.bootstrap import Report


def test_demo_imports_the_seed_documents_nationally_and_a_second_run_changes_nothing(national, hanoi):
    first, second = Report(), Report()
    load_legal_demo(first)
    load_legal_demo(second)

    numbers = set(LegalDocumentPage.objects.child_of(documents_index(national)).values_list("number", flat=True))
    assert numbers == {"07/BHXH-PC", "1257/BHXH-PC", "2096/BHXH-TT", ""}
    assert not LegalDocumentPage.objects.descendant_of(hanoi.root_page).exists()
    assert len(first.changes) == 4 and second.changes == []


def test_a_database_whose_section_predates_the_app_gets_a_warning_not_a_crash(national):
    documents_index(national).delete()
    home = Page.objects.get(pk=national.root_page_id)
    home.add_child(instance=SectionPage(title="Văn bản – Thủ tục hành chính", slug="van-ban-thu-tuc-hanh-chinh"))
    report = Report()
    load_legal_demo(report)
    assert report.changes == [] and "chưa có chuyên mục văn bản" in report.warnings[0]
