"""Admin of units, leaders and reception: confined per site, and every contact edit recorded field by field."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from contacts.history import CHANGED_ON, EDIT_ACTION
from contacts.models import ReceptionKind, ReceptionLog, ReceptionSchedule, ReceptionSettings, Unit
from multisite_config.models import SiteRole
from tests.contacts.factories import ReceptionScheduleFactory

UNITS = "/admin/snippets/contacts/unit/"
SCHEDULE = "/admin/snippets/contacts/receptionschedule/"
LOG = "/admin/snippets/contacts/receptionlog/"


def unit_form(unit, **changes):
    """The edit form of ``unit`` as the admin posts it, its leaders included, with ``changes`` applied."""
    fields = {
        name: getattr(unit, name)
        for name in (
            "kind",
            "name",
            "name_en",
            "address",
            "address_en",
            "phone",
            "fax",
            "email",
            "website",
            "working_hours",
            "working_hours_en",
            "map_url",
        )
    }
    leaders = [
        {
            "id": leader.pk,
            "name": leader.name,
            "title": leader.title,
            "title_en": leader.title_en,
            "phone": leader.phone,
            "email": leader.email,
            "is_head": "on" if leader.is_head else "",
            "ORDER": str(index),
        }
        for index, leader in enumerate(unit.leaders.order_by("sort_order"))
    ]
    for key, value in changes.items():
        if key.startswith("leader0_"):
            leaders[0][key.removeprefix("leader0_")] = value
        else:
            fields[key] = value
    if not leaders[0].get("is_head"):
        leaders[0].pop("is_head")
    for leader in leaders[1:]:
        if not leader["is_head"]:
            leader.pop("is_head")
    return nested_form_data(
        {"site": unit.site_id, "parent": "", **fields, "leaders": inline_formset(leaders, initial=len(leaders))}
    )


def log_entry(site, citizen, kind=ReceptionKind.COMPLAINT, day=dt.date(2026, 10, 5)):
    return ReceptionLog.objects.create(
        site=site, date=day, citizen_name=citizen, subject="Chậm giải quyết chế độ", kind=kind
    )


def test_editing_a_units_phone_records_old_and_new_value_and_who(client, hanoi_board, hanoi_office):
    client.force_login(hanoi_board)
    response = client.post(
        f"{UNITS}edit/{hanoi_office.pk}/",
        unit_form(hanoi_office, phone="024 9999 9999", leader0_title="Giám đốc (mới)"),
    )
    assert response.status_code == 302, response.context["form"].errors
    hanoi_office.refresh_from_db()
    assert hanoi_office.phone == "024 9999 9999"
    entry = ModelLogEntry.objects.get(action=EDIT_ACTION, object_id=str(hanoi_office.pk))
    assert entry.user == hanoi_board
    changes = entry.data["changes"]
    assert {"field": "Điện thoại", "old": "024 1111 1111", "new": "024 9999 9999"} in changes
    assert {
        "field": "Lãnh đạo Giám đốc BHXH Hà Nội thử nghiệm – Chức vụ",
        "old": "Giám đốc",
        "new": "Giám đốc (mới)",
    } in changes
    assert len(changes) == 2
    history = client.get(f"{UNITS}history/{hanoi_office.pk}/").content.decode()
    assert "024 1111 1111" in history and "024 9999 9999" in history


def test_the_day_of_the_change_is_recorded_for_the_timeliness_report_not_as_a_field(client, hanoi_board, hanoi_office):
    client.force_login(hanoi_board)
    response = client.post(
        f"{UNITS}edit/{hanoi_office.pk}/",
        {**unit_form(hanoi_office, phone="024 8888 8888"), "changed_on": "2025-08-29"},
    )
    assert response.status_code == 302, response.context["form"].errors
    entry = ModelLogEntry.objects.get(action=EDIT_ACTION, object_id=str(hanoi_office.pk))
    assert entry.data[CHANGED_ON] == "2025-08-29"
    assert [change["field"] for change in entry.data["changes"]] == ["Điện thoại"]


def test_a_change_day_in_the_future_is_refused_and_nothing_saved(client, hanoi_board, hanoi_office):
    client.force_login(hanoi_board)
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = client.post(
        f"{UNITS}edit/{hanoi_office.pk}/", {**unit_form(hanoi_office, phone="024 7777 7777"), "changed_on": tomorrow}
    )
    assert response.status_code == 200 and "changed_on" in response.context["form"].errors
    hanoi_office.refresh_from_db()
    assert hanoi_office.phone == "024 1111 1111"
    assert not ModelLogEntry.objects.filter(action=EDIT_ACTION, object_id=str(hanoi_office.pk)).exists()


def test_an_unchanged_save_records_no_field_change(client, hanoi_board, hanoi_office):
    client.force_login(hanoi_board)
    client.post(f"{UNITS}edit/{hanoi_office.pk}/", unit_form(hanoi_office))
    assert ModelLogEntry.objects.get(action=EDIT_ACTION, object_id=str(hanoi_office.pk)).data["changes"] == []


def test_a_board_cannot_open_or_change_another_provinces_unit_or_leaders(
    client, hanoi_board, hanoi_office, danang_office
):
    client.force_login(hanoi_board)
    assert [unit.name for unit in client.get(UNITS).context["object_list"]] == [hanoi_office.name]
    for view in ("edit", "history", "delete"):
        assert client.get(f"{UNITS}{view}/{danang_office.pk}/").status_code == 404
    response = client.post(
        f"{UNITS}edit/{danang_office.pk}/", unit_form(danang_office, phone="000", leader0_name="Người lạ")
    )
    assert response.status_code == 404
    danang_office.refresh_from_db()
    assert danang_office.phone == "0236 222 2222"
    assert danang_office.leaders.filter(name="Người lạ").count() == 0


def test_a_schedule_cannot_name_another_provinces_leader(client, hanoi_board, hanoi, hanoi_office, danang_office):
    client.force_login(hanoi_board)
    form = client.get(f"{SCHEDULE}add/").context["form"]
    assert set(form.fields["leader"].queryset) == set(hanoi_office.leaders.all())
    data = {"site": hanoi.pk, "date": "2026-12-15", "start_time": "08:00", "end_time": "11:00", "mode": "in_person"}
    response = client.post(f"{SCHEDULE}add/", {**data, "leader": danang_office.leaders.first().pk})
    assert "leader" in response.context["form"].errors
    response = client.post(f"{SCHEDULE}add/", {**data, "leader": hanoi_office.leaders.first().pk, "end_time": "07:00"})
    assert "end_time" in response.context["form"].errors
    assert not ReceptionSchedule.objects.exists()
    response = client.post(f"{SCHEDULE}add/", {**data, "leader": hanoi_office.leaders.first().pk})
    assert response.status_code == 302
    assert ReceptionSchedule.objects.get().site == hanoi


def test_a_board_never_sees_another_provinces_reception_log(client, hanoi_board, hanoi, danang):
    own, other = log_entry(hanoi, "Công dân Hà Nội"), log_entry(danang, "Công dân Đà Nẵng")
    client.force_login(hanoi_board)
    listing = client.get(LOG)
    assert list(listing.context["object_list"]) == [own]
    assert "Công dân Đà Nẵng" not in listing.content.decode()
    for view in ("edit", "delete", "history"):
        assert client.get(f"{LOG}{view}/{own.pk}/").status_code == 200
        assert client.get(f"{LOG}{view}/{other.pk}/").status_code == 404
    response = client.post(
        f"{LOG}add/",
        {"site": danang.pk, "date": "2026-10-06", "citizen_name": "X", "subject": "Y", "kind": ReceptionKind.PETITION},
    )
    assert "site" in response.context["form"].errors
    assert ReceptionLog.objects.count() == 2


def test_other_roles_of_a_province_do_not_see_the_reception_log(client, make_user, hanoi):
    log_entry(hanoi, "Công dân Hà Nội")
    client.force_login(make_user(SiteRole.EDITORS, hanoi))
    assert client.get(LOG).status_code in (302, 403)
    assert client.get(f"{LOG}report/").status_code in (302, 403)


def test_reception_settings_are_edited_by_the_own_board_only(client, hanoi_board, hanoi, danang):
    client.force_login(hanoi_board)
    url = "/admin/settings/contacts/receptionsettings/{}/"
    assert client.get(url.format(hanoi.pk)).status_code == 200
    response = client.post(url.format(danang.pk), {"place": "Nơi lạ", "regular_hours": "", "rules": ""})
    assert response.status_code in (302, 403) and "Nơi lạ" not in client.get(url.format(hanoi.pk)).content.decode()
    assert not ReceptionSettings.objects.filter(site=danang, place="Nơi lạ").exists()


def test_the_centre_sees_every_provinces_units(client, centre_user, hanoi_office, danang_office):
    client.force_login(centre_user)
    names = {unit.name for unit in client.get(UNITS, {"site": ""}).context["object_list"]}
    assert {hanoi_office.name, danang_office.name} <= names
    assert client.get(f"{UNITS}edit/{danang_office.pk}/").status_code == 200


def test_leaders_are_edited_inside_their_unit(client, hanoi_board, hanoi_office):
    client.force_login(hanoi_board)
    assert "Giám đốc BHXH Hà Nội thử nghiệm" in client.get(f"{UNITS}edit/{hanoi_office.pk}/").content.decode()


def test_adding_and_removing_leaders_is_recorded(client, hanoi_board, hanoi_office):
    head, deputy = hanoi_office.leaders.order_by("sort_order")
    client.force_login(hanoi_board)
    data = unit_form(hanoi_office)
    data.update(
        {
            "leaders-1-DELETE": "on",
            "leaders-TOTAL_FORMS": "3",
            "leaders-2-id": "",
            "leaders-2-name": "Ngô Văn Mới",
            "leaders-2-title": "Phó Giám đốc",
            "leaders-2-ORDER": "2",
        }
    )
    response = client.post(f"{UNITS}edit/{hanoi_office.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert list(hanoi_office.leaders.values_list("name", flat=True).order_by("sort_order")) == [
        head.name,
        "Ngô Văn Mới",
    ]
    changes = ModelLogEntry.objects.get(action=EDIT_ACTION, object_id=str(hanoi_office.pk)).data["changes"]
    assert {"field": f"Lãnh đạo {deputy.name}", "old": deputy.name, "new": ""} in changes
    assert {"field": "Lãnh đạo Ngô Văn Mới", "old": "", "new": "Ngô Văn Mới"} in changes
    assert len(changes) == 2


def test_a_board_never_sees_or_edits_another_provinces_schedule(client, hanoi_board, hanoi_office, danang_office):
    own = ReceptionScheduleFactory(leader=hanoi_office.leaders.first(), date=dt.date(2026, 12, 15))
    other = ReceptionScheduleFactory(leader=danang_office.leaders.first(), date=dt.date(2026, 12, 16))
    client.force_login(hanoi_board)
    assert list(client.get(SCHEDULE).context["object_list"]) == [own]
    for view in ("edit", "delete"):
        assert client.get(f"{SCHEDULE}{view}/{other.pk}/").status_code == 404
    assert client.post(f"{SCHEDULE}delete/{other.pk}/").status_code == 404
    assert ReceptionSchedule.objects.filter(pk=other.pk).exists()


UNIT_CHOOSER = "/admin/snippets/choose/contacts/unit/"


@pytest.mark.parametrize("who", ["superuser", "hanoi_board"])
def test_the_unit_chooser_picks_units_and_creates_none(
    client, request, django_user_model, hanoi, hanoi_office, danang_office, who
):
    """Its "create/" address was routed with no creation form behind it: a POST there was a 500."""
    user = (
        django_user_model.objects.create_superuser("chooser-admin", password="x")
        if who == "superuser"
        else request.getfixturevalue(who)
    )
    client.force_login(user)
    units = Unit.objects.count()

    created = client.post(
        f"{UNIT_CHOOSER}create/", {"site": hanoi.pk, "kind": Unit.Kind.DEPARTMENT, "name": "Phòng tạo từ hộp chọn"}
    )
    chooser = client.get(UNIT_CHOOSER)
    chosen = client.get(f"{UNIT_CHOOSER}chosen/{hanoi_office.pk}/")

    assert created.status_code == 404 and Unit.objects.count() == units
    assert chooser.status_code == 200
    listing = chooser.json()["html"]
    assert hanoi_office.name in listing and 'id="tab-create"' not in listing
    assert (danang_office.name in listing) == (who == "superuser")
    assert chosen.status_code == 200 and chosen.json()["result"]["string"] == str(hanoi_office)
