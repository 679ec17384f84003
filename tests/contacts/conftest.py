"""Contacts of two provinces, each with its office, a head and a deputy, to check that neither leaks."""

import pytest

from contacts.models import Leader, Unit


def make_office(site, name, phone):
    office = Unit.objects.create(
        site=site,
        name=name,
        kind=Unit.Kind.PROVINCIAL_OFFICE,
        name_en=f"{name} (EN)",
        address=f"Địa chỉ {name}",
        phone=phone,
        fax="024 0000 0001",
        email="lienhe@example.vn",
        website="https://example.vn",
        working_hours="7:30–16:30",
        map_url="https://www.openstreetmap.org/",
    )
    Leader.objects.create(
        unit=office,
        name=f"Giám đốc {name}",
        title="Giám đốc",
        title_en="Director",
        phone=phone,
        email="giamdoc@example.vn",
        is_head=True,
        sort_order=0,
    )
    Leader.objects.create(unit=office, name=f"Phó Giám đốc {name}", title="Phó Giám đốc", sort_order=1)
    return office


@pytest.fixture
def hanoi_office(hanoi):
    return make_office(hanoi, "BHXH Hà Nội thử nghiệm", "024 1111 1111")


@pytest.fixture
def danang_office(danang):
    return make_office(danang, "BHXH Đà Nẵng thử nghiệm", "0236 222 2222")
