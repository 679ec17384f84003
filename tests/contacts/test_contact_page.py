"""The "Liên hệ" section as a page type: where it may stand, what the bootstrap creates, and the migration that
turns an older database's "lien-he" SectionPage into one in place."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.test import Client
from wagtail.models import Page

from contacts.models import ContactPage
from home.models import HomePage, SectionPage
from portal.bootstrap import Report, ensure_sections

migration = importlib.import_module("contacts.migrations.0004_lien_he_sections_become_contact_pages")


def test_a_contact_page_stands_right_under_a_home_page_and_has_no_child_pages(hanoi):
    assert ContactPage.allowed_parent_page_models() == [HomePage]
    assert ContactPage.allowed_subpage_models() == []
    introduction = SectionPage.objects.child_of(hanoi.root_page).get(slug="gioi-thieu")
    assert not ContactPage.can_create_at(introduction)


def test_every_site_gets_its_contact_page_from_the_bootstrap(hanoi, danang):
    for site in (hanoi, danang):
        page = Page.objects.child_of(site.root_page).get(slug="lien-he").specific
        assert type(page) is ContactPage and page.live and page.show_in_menus


def test_the_contact_page_shows_its_text_then_the_contacts(hanoi, hanoi_office):
    page = ContactPage.of_site(hanoi)
    page.body = "<p>Đường dây nóng 1900 9068.</p>"
    page.save_revision().publish()
    html = Client(HTTP_HOST="hanoi.localhost").get("/lien-he/").content.decode()
    assert html.index("Đường dây nóng 1900 9068.") < html.index("BHXH Hà Nội thử nghiệm")
    trail = BeautifulSoup(html, "html.parser").select_one("nav.breadcrumbs")
    assert [(item.get_text(), item.a and item.a["href"]) for item in trail.select("li")] == [
        ("Trang chủ", "/"),
        ("Liên hệ", None),
    ]


@pytest.fixture
def old_contact_section(hanoi):
    """Hà Nội as a database from before ContactPage holds it: "lien-he" a SectionPage with a revision."""
    ContactPage.of_site(hanoi).delete()
    home = Page.objects.get(pk=hanoi.root_page_id)
    section = home.add_child(
        instance=SectionPage(
            title="Liên hệ", slug="lien-he", lead="Sa pô & lời dẫn", body="<p>Gọi 1900 9068.</p>", show_in_menus=True
        )
    )
    section.save_revision().publish()
    return Page.objects.get(pk=section.pk)


def test_the_migration_makes_the_old_section_a_contact_page_in_place(old_contact_section, hanoi, hanoi_office):
    before = old_contact_section

    assert migration.convert_contact_sections(apps, "default") == [before.pk]

    page = Page.objects.get(pk=before.pk)
    assert (page.path, page.url_path, page.latest_revision_id) == (
        before.path,
        before.url_path,
        before.latest_revision_id,
    )
    contact = page.specific
    assert type(contact) is ContactPage
    assert contact.body == "<p>Sa pô &amp; lời dẫn</p><p>Gọi 1900 9068.</p>"
    assert not SectionPage.objects.filter(pk=before.pk).exists()
    assert type(page.latest_revision.as_object()) is ContactPage
    html = Client(HTTP_HOST="hanoi.localhost").get("/lien-he/").content.decode()
    assert "Gọi 1900 9068." in html and "BHXH Hà Nội thử nghiệm" in html
    report = Report()
    ensure_sections(Page.objects.get(pk=hanoi.root_page_id), report)
    assert report.changes == []


def test_the_migration_leaves_drafts_and_deeper_pages_alone(old_contact_section, danang):
    ContactPage.of_site(danang).delete()
    home = Page.objects.get(pk=danang.root_page_id)
    draft = home.add_child(instance=SectionPage(title="Liên hệ", slug="lien-he", live=False))
    deeper = old_contact_section.add_child(instance=SectionPage(title="Liên hệ", slug="lien-he"))

    assert migration.convert_contact_sections(apps, "default") == [old_contact_section.pk]

    for page in (draft, deeper):
        assert type(Page.objects.get(pk=page.pk).specific) is SectionPage


def test_the_migration_reverts_contact_pages_to_section_pages(hanoi):
    page = ContactPage.of_site(hanoi)
    migration.revert_contact_pages(apps, "default")
    section = Page.objects.get(pk=page.pk).specific
    assert type(section) is SectionPage and (section.lead, section.body) == ("", page.body)
