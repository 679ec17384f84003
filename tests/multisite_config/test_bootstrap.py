"""The bootstrap builds 35 sites from the register and a second run changes nothing."""

import json

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, GroupSitePermission, Page, Site, WorkflowPage

from core.sections import standard_sections
from home.models import HomePage
from multisite_config.models import PortalLink, SiteGroup, SiteProfile, SiteRole
from multisite_config.register import REGISTER_FILE, load_register
from portal.bootstrap import bootstrap


def snapshot():
    return {
        "sites": sorted(Site.objects.values_list("hostname", "port", "root_page_id", "is_default_site")),
        "pages": sorted(Page.objects.values_list("id", "path", "title", "live")),
        "groups": sorted(Group.objects.values_list("id", "name")),
        "page_perms": GroupPagePermission.objects.count(),
        "site_perms": sorted(GroupSitePermission.objects.values_list("group_id", "site_id", "permission_id")),
        "group_perms": sorted(Group.permissions.through.objects.values_list("group_id", "permission_id")),
        "workflows": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        "links": PortalLink.objects.count(),
    }


def test_register_holds_the_34_units_of_resolution_202():
    national, units = load_register()
    assert national.full_name == "Bảo hiểm xã hội Việt Nam"
    assert len(units) == 34
    assert sum(unit.kind == "city" for unit in units) == 6
    names = {unit.name for unit in units}
    assert {"Hà Nội", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Đắk Lắk", "Khánh Hòa"} <= names
    assert "Bình Dương" not in names  # merged into Thành phố Hồ Chí Minh on 1 July 2025


def test_thirty_five_sites_each_with_home_sections_profile_groups_and_workflow(db):
    assert Site.objects.count() == 35
    for site in Site.objects.select_related("root_page"):
        home = site.root_page.specific
        assert isinstance(home, HomePage) and home.depth == 2, "site roots are siblings, never nested"
        sections = {page.slug: type(page) for page in home.get_children().specific()}
        assert sections == {section.slug: section.page_model() for section in standard_sections()}
        assert SiteProfile.for_site(site).full_name.startswith("Bảo hiểm xã hội")
        assert SiteGroup.objects.filter(site=site).count() == 3
        assert WorkflowPage.objects.filter(page=home).exists()


def test_names_and_hostnames(db):
    hanoi = Site.objects.get(hostname="hanoi.localhost")
    assert SiteProfile.for_site(hanoi).full_name == "Bảo hiểm xã hội thành phố Hà Nội"
    assert (
        SiteProfile.for_site(Site.objects.get(hostname="daklak.localhost")).full_name == "Bảo hiểm xã hội tỉnh Đắk Lắk"
    )
    national = Site.objects.get(is_default_site=True)
    assert national.hostname == "localhost"
    assert SiteProfile.for_site(national).kind == "national"


def test_second_run_changes_nothing(db):
    before = snapshot()
    report = bootstrap(domain="localhost", port=80)
    assert report.changes == []
    assert snapshot() == before


def test_board_edits_to_contact_details_survive_a_rerun(hanoi):
    profile = SiteProfile.for_site(hanoi)
    profile.phone = "024 3999 9999"
    profile.save()
    bootstrap(domain="localhost", port=80)
    profile.refresh_from_db()
    assert profile.phone == "024 3999 9999"


def test_unit_removed_from_register_is_reported_not_deleted(hanoi, tmp_path):
    data = json.loads(REGISTER_FILE.read_text(encoding="utf-8"))
    data["units"] = [row for row in data["units"] if row["slug"] != "hanoi"]
    register = tmp_path / "provinces.json"
    register.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pages_before = Page.objects.count()

    report = bootstrap(domain="localhost", port=80, register_path=register)

    assert Site.objects.filter(pk=hanoi.pk).exists()
    assert Page.objects.count() == pages_before
    assert any("hanoi.localhost" in warning for warning in report.warnings)


def site_codenames(site, role):
    group = SiteGroup.objects.get(site=site, role=role).group
    return {
        (perm.site.hostname, perm.permission.codename)
        for perm in GroupSitePermission.objects.filter(group=group).select_related("site", "permission")
    }


def test_qa_officers_and_board_handle_questions_of_their_own_site_only(db):
    hanoi = Site.objects.get(hostname="hanoi.localhost")
    qa = site_codenames(hanoi, SiteRole.QA_OFFICERS)
    assert {
        ("hanoi.localhost", "view_question"),
        ("hanoi.localhost", "change_question"),
        ("hanoi.localhost", "change_outboundemail"),
        ("hanoi.localhost", "view_unit"),
    } <= qa
    board = site_codenames(hanoi, SiteRole.BOARD)
    assert {
        ("hanoi.localhost", "change_question"),
        ("hanoi.localhost", "change_unit"),
        ("hanoi.localhost", "add_unit"),
    } <= board
    assert {hostname for hostname, _codename in qa | board} == {"hanoi.localhost"}
    assert not any(codename in ("add_question", "delete_question") for _host, codename in qa | board)
    assert (
        not SiteGroup.objects.get(site=hanoi, role=SiteRole.QA_OFFICERS)
        .group.permissions.exclude(codename="access_admin")
        .exists()
    )


def test_shared_topics_and_document_types_are_the_centres(db):
    centre = SiteGroup.objects.get(site=None, role=SiteRole.CENTRE).group
    assert {
        "add_topic",
        "change_topic",
        "delete_topic",
        "change_question",
        "add_documenttype",
        "change_documenttype",
    } <= set(centre.permissions.values_list("codename", flat=True))
    for suffix in ("_topic", "_documenttype"):
        assert not GroupSitePermission.objects.filter(permission__codename__endswith=suffix).exists()
        assert not Group.objects.exclude(pk=centre.pk).filter(permissions__codename__endswith=suffix).exists()


# Issue 15 ("Register"): each unit records its seat, which after the 2025 merger may lie in a merged-in province.
SEATS_IN_A_MERGED_IN_PROVINCE = [
    ("laocai", "thành phố Yên Bái (cũ), tỉnh Lào Cai"),
    ("bacninh", "thành phố Bắc Giang (cũ), tỉnh Bắc Ninh"),
    ("quangtri", "thành phố Đồng Hới (cũ), tỉnh Quảng Trị"),
    ("gialai", "thành phố Quy Nhơn (cũ), tỉnh Gia Lai"),
    ("tayninh", "thành phố Tân An (cũ), tỉnh Tây Ninh"),
    ("dongthap", "thành phố Mỹ Tho (cũ), tỉnh Đồng Tháp"),
    ("angiang", "thành phố Rạch Giá (cũ), tỉnh An Giang"),
]


@pytest.mark.parametrize(("slug", "seat"), SEATS_IN_A_MERGED_IN_PROVINCE)
def test_the_seven_units_seated_in_a_merged_in_province_record_that_seat(db, slug, seat):
    _national, units = load_register()
    assert next(unit for unit in units if unit.slug == slug).address == seat
    assert SiteProfile.for_site(Site.objects.get(hostname=f"{slug}.localhost")).address == seat


def test_every_unit_of_the_register_records_a_seat_in_its_own_province():
    national, units = load_register()
    assert national.address == "Số 7 Tràng Thi, phường Hoàn Kiếm, thành phố Hà Nội"
    for unit in units:
        assert unit.name in unit.address and unit.address != unit.short_name, unit.name


def test_a_rerun_replaces_the_old_placeholders_but_not_what_a_board_typed(db):
    laocai = SiteProfile.objects.get(code="15")
    laocai.address, laocai.phone = "Lào Cai", "1900 9068"  # what earlier runs wrote for every province
    laocai.save()
    hanoi = SiteProfile.objects.get(code="01")
    hanoi.address = "Số 9 phố Thử, phường Hoàn Kiếm, thành phố Hà Nội"
    hanoi.save()

    report = bootstrap(domain="localhost", port=80)

    laocai.refresh_from_db()
    hanoi.refresh_from_db()
    assert (laocai.address, laocai.phone) == ("thành phố Yên Bái (cũ), tỉnh Lào Cai", "")
    assert hanoi.address == "Số 9 phố Thử, phường Hoàn Kiếm, thành phố Hà Nội"
    assert report.changes == ["cập nhật thông tin đơn vị Bảo hiểm xã hội tỉnh Lào Cai: address, phone"]


# Issue 16 ("Reports", "Links and ports"): the national site reused Wagtail's install-time site without a name,
# and a re-run without PORTAL_PORT moved every site to port 8000.
def test_the_national_site_bears_the_registers_name(national):
    assert national.site_name == "Bảo hiểm xã hội Việt Nam"


def test_a_rerun_names_a_site_left_nameless_but_keeps_a_name_given_since(national, hanoi):
    Site.objects.filter(pk=national.pk).update(site_name="")
    Site.objects.filter(pk=hanoi.pk).update(site_name="BHXH Hà Nội")

    report = bootstrap(domain="localhost", port=80)

    assert report.changes == ["trang localhost: site_name"]
    assert Site.objects.get(pk=national.pk).site_name == "Bảo hiểm xã hội Việt Nam"
    assert Site.objects.get(pk=hanoi.pk).site_name == "BHXH Hà Nội"


def test_a_rerun_without_a_port_asked_for_keeps_every_sites_port(db, settings):
    settings.PORTAL_PORT = None  # neither PORTAL_PORT nor PORT in the environment, no --port
    Site.objects.update(port=443)

    report = bootstrap(domain="localhost")

    assert report.changes == []
    assert set(Site.objects.values_list("port", flat=True)) == {443}


def test_a_port_asked_for_moves_every_site_and_says_so(db, settings):
    settings.PORTAL_PORT = 8080  # PORT=8080 make run

    report = bootstrap(domain="localhost")

    assert set(Site.objects.values_list("port", flat=True)) == {8080}
    assert len(report.changes) == Site.objects.count()
    assert all(change.endswith(": port") for change in report.changes)


def test_a_new_site_without_a_port_asked_for_gets_the_default_one(db, settings, tmp_path):
    settings.PORTAL_PORT = None
    data = json.loads(REGISTER_FILE.read_text(encoding="utf-8"))
    data["units"].append({"code": "99", "name": "Thử Nghiệm", "slug": "thunghiem", "kind": "province"})
    register = tmp_path / "provinces.json"
    register.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    bootstrap(domain="localhost", register_path=register)

    assert Site.objects.get(hostname="thunghiem.localhost").port == settings.PORTAL_DEFAULT_PORT
    assert Site.objects.get(hostname="hanoi.localhost").port == 80
