"""The shapes of /api/v1/contacts/ and /api/v1/reception/: official contacts and the reception schedule.

Units' and leaders' addresses, phones and e-mails are official contacts that seed 002 (art. 11) requires
to be published; nothing of the reception log (citizens' names and matters) is ever part of these shapes.
Fields are listed one by one so a field added to a model later cannot leak by accident.
"""

import datetime as dt

from django.utils import timezone
from ninja import Field, Schema
from wagtail.rich_text import expand_db_html

from core.api.fields import LocalDateTime, file_url


class LeaderOut(Schema):
    id: int
    name: str
    title: str
    title_en: str
    phone: str
    email: str
    is_head: bool
    photo_url: str | None = Field(..., description="Địa chỉ tuyệt đối của ảnh; null khi không có ảnh.")

    @staticmethod
    def resolve_photo_url(leader, context):
        return file_url(leader.photo.file, context["request"]) if leader.photo else None


class UnitOut(Schema):
    id: int
    kind: str = Field(..., description="`provincial_office`, `local_office` hoặc `department`.")
    parent_id: int | None
    name: str
    name_en: str
    address: str
    address_en: str
    phone: str
    fax: str
    email: str
    website: str
    working_hours: str
    working_hours_en: str
    map_url: str
    leaders: list[LeaderOut]

    @staticmethod
    def resolve_leaders(unit):
        return list(unit.leaders.all())


class ScheduledLeaderOut(Schema):
    name: str
    title: str


class ReceptionDayOut(Schema):
    date: dt.date
    starts_at: LocalDateTime
    ends_at: LocalDateTime
    leader: ScheduledLeaderOut | None
    place: str = Field(..., description="Địa điểm của buổi tiếp; địa điểm thường xuyên nếu không ghi riêng.")
    mode: str = Field(..., description="`in_person` (trực tiếp) hoặc `online` (trực tuyến).")

    @staticmethod
    def resolve_starts_at(day):
        return timezone.make_aware(dt.datetime.combine(day.date, day.start_time))

    @staticmethod
    def resolve_ends_at(day):
        return timezone.make_aware(dt.datetime.combine(day.date, day.end_time))


class ReceptionOut(Schema):
    place: str
    regular_hours: str
    rules: str = Field(..., description="Nội quy tiếp công dân (HTML).")
    upcoming: list[ReceptionDayOut] = Field(..., description="Các buổi tiếp sắp tới, sớm nhất trước.")

    @staticmethod
    def resolve_place(info):
        return info.settings.place

    @staticmethod
    def resolve_regular_hours(info):
        return info.settings.regular_hours

    @staticmethod
    def resolve_rules(info):
        return expand_db_html(info.settings.rules)

    @staticmethod
    def resolve_upcoming(info):
        """The days as scheduled, each one that names no place of its own held at the regular place."""
        for day in info.upcoming:
            day.place = day.place or info.settings.place
        return info.upcoming
