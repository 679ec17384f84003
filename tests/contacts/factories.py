"""Units with their leaders, reception days: the contact records of a site."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from contacts.models import Leader, ReceptionSchedule, Unit

# The day the reception tests count months and missing receptions from: a Monday late in the year, so the
# three months run into the next one.
REFERENCE_DAY = dt.date(2026, 11, 23)


class UnitFactory(DjangoModelFactory):
    """A department of ``site``; the unit already stored under that name on that site is reused (names are unique
    per site), as a second question answered by the same department would find it."""

    class Meta:
        model = Unit
        django_get_or_create = ("site", "name")
        skip_postgeneration_save = True  # the leaders are rows of their own: nothing of the unit changes

    name = factory.Sequence(lambda n: f"Phòng thử {n}")


class LeaderFactory(DjangoModelFactory):
    class Meta:
        model = Leader

    name = factory.Sequence(lambda n: f"Lãnh đạo {n}")
    title = "Trưởng phòng"


class OfficeFactory(UnitFactory):
    """A provincial office with every contact field, a director (the head) and a deputy."""

    kind = Unit.Kind.PROVINCIAL_OFFICE
    name_en = factory.LazyAttribute(lambda office: f"{office.name} (EN)")
    address = factory.LazyAttribute(lambda office: f"Địa chỉ {office.name}")
    phone = "024 0000 0000"
    fax = "024 0000 0001"
    email = "lienhe@example.vn"
    website = "https://example.vn"
    working_hours = "7:30–16:30"
    map_url = "https://www.openstreetmap.org/"
    head = factory.RelatedFactory(
        LeaderFactory,
        factory_related_name="unit",
        name=factory.LazyAttribute(lambda leader: f"Giám đốc {leader.factory_parent.name}"),
        title="Giám đốc",
        title_en="Director",
        phone=factory.SelfAttribute("..phone"),
        email="giamdoc@example.vn",
        is_head=True,
        sort_order=0,
    )
    deputy = factory.RelatedFactory(
        LeaderFactory,
        factory_related_name="unit",
        name=factory.LazyAttribute(lambda leader: f"Phó Giám đốc {leader.factory_parent.name}"),
        title="Phó Giám đốc",
        sort_order=1,
    )


class ReceptionScheduleFactory(DjangoModelFactory):
    """A morning of citizen reception on ``date``, held by ``leader`` on the leader's site unless ``site`` is given."""

    class Meta:
        model = ReceptionSchedule

    site = factory.LazyAttribute(lambda schedule: schedule.leader.unit.site)
    start_time = dt.time(8)
    end_time = dt.time(11)
