"""Contacts and reception in public: the "Liên hệ" section, the English page and the API, each site its own."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contacts.models import ReceptionLog, ReceptionSettings
from tests.contacts.factories import LeaderFactory, ReceptionScheduleFactory, UnitFactory
from tests.support.sites import DANANG, HANOI

SOON = timezone.localdate() + dt.timedelta(days=3)


@pytest.fixture
def reception(hanoi, danang, hanoi_office, danang_office):
    ReceptionSettings.objects.create(
        site=hanoi,
        place="Phòng tiếp dân số 1 Hà Nội",
        regular_hours="Thứ Hai–Thứ Sáu",
        rules="<p>Nội quy Hà Nội: xuất trình giấy tờ.</p>",
    )
    ReceptionSettings.objects.create(site=danang, place="Phòng tiếp dân Đà Nẵng", rules="<p>Nội quy Đà Nẵng</p>")
    ReceptionScheduleFactory(date=SOON, end_time=dt.time(11, 30), leader=hanoi_office.leaders.get(is_head=True))
    ReceptionScheduleFactory(
        date=timezone.localdate() - dt.timedelta(days=40),
        leader=hanoi_office.leaders.get(is_head=True),
        place="Buổi đã qua",
    )
    ReceptionScheduleFactory(
        date=SOON,
        start_time=dt.time(14),
        end_time=dt.time(16),
        leader=danang_office.leaders.get(is_head=True),
        mode="online",
    )
    for site in (hanoi, danang):
        ReceptionLog.objects.create(
            site=site, citizen_name=f"Công dân bí mật {site.pk}", subject="Việc riêng tư", kind="complaint"
        )


def contact_page(host):
    return Client(HTTP_HOST=host).get("/lien-he/")


def test_the_contact_section_shows_the_sites_units_leaders_and_reception(hanoi, reception, hanoi_office):
    response = contact_page(HANOI)
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "BHXH Hà Nội thử nghiệm",
        "Địa chỉ BHXH Hà Nội thử nghiệm",
        "024 1111 1111",
        "024 0000 0001",
        "lienhe@example.vn",
        "https://example.vn",
        "7:30–16:30",
        "https://www.openstreetmap.org/",
        "Giám đốc BHXH Hà Nội thử nghiệm",
        "giamdoc@example.vn",
        "Phòng tiếp dân số 1 Hà Nội",
        "Nội quy Hà Nội",
        SOON.strftime("%d/%m/%Y"),
        "08:00–11:30",
    ):
        assert text in html, text
    assert "Buổi đã qua" not in html


def test_a_provinces_contacts_and_reception_never_show_under_another(hanoi, reception):
    html = contact_page(DANANG).content.decode()
    assert "BHXH Đà Nẵng thử nghiệm" in html and "Nội quy Đà Nẵng" in html
    for text in ("Hà Nội thử nghiệm", "024 1111 1111", "Phòng tiếp dân số 1 Hà Nội", "Nội quy Hà Nội"):
        assert text not in html
    english = Client(HTTP_HOST=DANANG).get("/en/contact/").content.decode()
    assert "BHXH Đà Nẵng thử nghiệm (EN)" in english and "Hà Nội thử nghiệm" not in english


def test_the_reception_log_is_never_public(reception):
    for host in (HANOI, DANANG):
        client = Client(HTTP_HOST=host)
        for url in ("/lien-he/", "/en/contact/", "/api/v1/contacts/", "/api/v1/reception/"):
            body = client.get(url).content.decode()
            assert "Công dân bí mật" not in body and "Việc riêng tư" not in body


def test_the_english_page_uses_the_english_fields(hanoi_office):
    response = Client(HTTP_HOST=HANOI).get("/en/contact/")
    html = response.content.decode()
    assert response.status_code == 200 and 'lang="en"' in html
    assert "BHXH Hà Nội thử nghiệm (EN)" in html and "Director" in html
    assert "Phó Giám đốc" in html  # no English title: the Vietnamese one rather than nothing


def test_the_contacts_api_lists_the_sites_units_with_leaders(client, hanoi, hanoi_office, danang_office):
    body = client.get("/api/v1/contacts/", {"site": HANOI}).json()
    assert body["count"] == 1
    unit = body["items"][0]
    assert {key: unit[key] for key in ("name", "phone", "fax", "email", "website", "address")} == {
        "name": "BHXH Hà Nội thử nghiệm",
        "phone": "024 1111 1111",
        "fax": "024 0000 0001",
        "email": "lienhe@example.vn",
        "website": "https://example.vn",
        "address": "Địa chỉ BHXH Hà Nội thử nghiệm",
    }
    assert [leader["name"] for leader in unit["leaders"]] == [
        "Giám đốc BHXH Hà Nội thử nghiệm",
        "Phó Giám đốc BHXH Hà Nội thử nghiệm",
    ]
    assert unit["leaders"][0]["is_head"] and unit["leaders"][0]["title_en"] == "Director"
    by_host = Client(HTTP_HOST=DANANG).get("/api/v1/contacts/").json()
    assert [item["name"] for item in by_host["items"]] == ["BHXH Đà Nẵng thử nghiệm"]


def test_the_office_comes_first(hanoi, hanoi_office):
    UnitFactory(site=hanoi, name="A Phòng đầu bảng chữ cái")
    names = [item["name"] for item in Client().get("/api/v1/contacts/", {"site": HANOI}).json()["items"]]
    assert names == ["BHXH Hà Nội thử nghiệm", "A Phòng đầu bảng chữ cái"]


def test_the_reception_api_gives_rules_place_hours_and_upcoming_days(hanoi, reception):
    body = Client().get("/api/v1/reception/", {"site": HANOI}).json()
    assert body["place"] == "Phòng tiếp dân số 1 Hà Nội" and body["regular_hours"] == "Thứ Hai–Thứ Sáu"
    assert "Nội quy Hà Nội" in body["rules"]
    assert body["upcoming"] == [
        {
            "date": SOON.isoformat(),
            "starts_at": f"{SOON.isoformat()}T08:00:00+07:00",
            "ends_at": f"{SOON.isoformat()}T11:30:00+07:00",
            "leader": {"name": "Giám đốc BHXH Hà Nội thử nghiệm", "title": "Giám đốc"},
            "place": "Phòng tiếp dân số 1 Hà Nội",
            "mode": "in_person",
        }
    ]
    other = Client(HTTP_HOST=DANANG).get("/api/v1/reception/").json()
    assert other["place"] == "Phòng tiếp dân Đà Nẵng" and [d["mode"] for d in other["upcoming"]] == ["online"]


def test_a_site_without_reception_settings_gets_empty_fields_not_an_error(hanoi):
    body = Client().get("/api/v1/reception/", {"site": HANOI}).json()
    assert body == {"place": "", "regular_hours": "", "rules": "", "upcoming": []}


def test_an_unknown_site_is_a_404_problem(db):
    for url in ("/api/v1/contacts/", "/api/v1/reception/"):
        response = Client().get(url, {"site": "khong-co.localhost"})
        assert response.status_code == 404 and response["Content-Type"].startswith("application/problem+json")


def add_units(site, start, count):
    for index in range(start, start + count):
        leader = LeaderFactory(unit=UnitFactory(site=site, name=f"Đơn vị {index}"), name=f"Lãnh đạo {index}")
        ReceptionScheduleFactory(date=SOON, end_time=dt.time(9), leader=leader)


def queries(url):
    with CaptureQueriesContext(connection) as captured:
        assert Client(HTTP_HOST=HANOI).get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/api/v1/contacts/", "/api/v1/reception/", "/lien-he/", "/en/contact/"])
def test_query_count_is_the_same_for_one_and_many_units(hanoi, url):
    add_units(hanoi, 0, 1)
    queries(url)  # the first request fills Wagtail's cache of site root paths
    one = queries(url)
    add_units(hanoi, 1, 8)
    assert queries(url) == one
