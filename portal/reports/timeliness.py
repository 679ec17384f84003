"""Timeliness per site and quarter against the deadlines of seeds 003 and 002.

- News: published within 10 calendar days of the event it reports (publication date vs ``event_date``).
  Công văn 2096/BHXH-TT, mục 8.1: "Tin tức: đưa không quá 10 ngày kể từ ngày kết thúc các sự kiện."
- Documents: published within 1 working day of their approval (first publication vs ``issued_on``). Quy chế
  ban hành kèm theo Quyết định 1582/QĐ-BHXH, Điều 11 khoản 1 điểm a: "Văn bản … cung cấp trong 01 ngày làm việc
  kể từ khi hoàn thiện xong thông tin và được phép công bố." A document issued before its site went live (the
  first publication of the site's home page) could not have been published in time: it is an archive document
  ("văn bản lưu trữ", the seed documents and any later import of old ones), listed apart and never counted late.
- Contact changes: recorded within 1 working day of the day they happened in the unit (the same article:
  "Thông tin liên hệ … Trong 01 ngày làm việc kể từ khi có sự thay đổi thông tin"). Each admin edit of a
  unit is a ``contacts.edit`` audit entry holding that day (``changed_on``, given in the edit form; an edit
  without it is taken as recorded the day it happened); the report counts the changes recorded in the
  quarter and lists those recorded after the deadline.

Items are read once per kind for all the sites (one query each); the delay is judged in Python because
working days follow the Vietnamese calendar, not SQL date arithmetic.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from wagtail.models import ModelLogEntry

from contacts.history import CHANGED_ON, EDIT_ACTION
from contacts.models import Unit
from core.working_days import add_working_days, deadline, local, working_days_between
from home.news import NewsPage
from legal.models import LegalDocumentPage

from .sites import site_name, site_of_page

NEWS_DAYS = 10
DOCUMENT_WORKING_DAYS = 1
CONTACT_WORKING_DAYS = 1
LABELS = (
    "Tin bài đăng trễ",
    "Văn bản đăng trễ",
    "Thay đổi thông tin liên hệ đã ghi nhận",
    "Thay đổi thông tin liên hệ cập nhật trễ",
)


CALENDAR_DAYS = "ngày"
WORKING_DAYS = "ngày làm việc"


@dataclass
class LateItem:
    site: str
    kind: str
    title: str
    page_id: int | None  # None for a contact change (a unit, not a page)
    reference_date: dt.date  # the event or the approval
    published_on: dt.date
    days_late: int  # a number, so the spreadsheet sorts and adds it up
    day_unit: str  # CALENDAR_DAYS or WORKING_DAYS, as the item's rule counts

    @property
    def delay(self):
        return f"{self.days_late} {self.day_unit}"


@dataclass
class ArchivedDocument:
    """A document first published in the quarter but issued before its site went live (not judged late)."""

    site: str
    title: str
    page_id: int
    issued_on: dt.date
    published_on: dt.date


@dataclass
class TimelinessReport:
    quarter: object
    labels: tuple
    rows: list  # (site name, [late news, late documents, contact changes, late contact changes])
    total: list | None
    late_items: list
    archived: list  # ArchivedDocument, by site and publication


def late_news(sites, quarter):
    """Articles published in the quarter more than 10 calendar days after their event."""
    rows = (
        NewsPage.objects.filter(event_date__isnull=False, first_published_at__isnull=False)
        .annotate(published=Coalesce("published_at", "first_published_at"), report_site=site_of_page(sites))
        .filter(report_site__isnull=False, **quarter.bounds("published"))
        .values_list("pk", "title", "report_site", "event_date", "published")
        .order_by("published", "pk")
    )
    for pk, title, site_id, event_date, published in rows:
        late_by = (local(published).date() - event_date).days - NEWS_DAYS
        if late_by > 0:
            yield (
                site_id,
                "news",
                LateItem("", "Tin bài", title, pk, event_date, local(published).date(), late_by, CALENDAR_DAYS),
            )


def site_openings(sites):
    """{site id: the local day its home page first went live}; a site never published has none."""
    return {
        site.pk: local(site.root_page.first_published_at).date()
        for site in sites
        if site.root_page.first_published_at is not None
    }


def late_documents(sites, quarter):
    """Documents first published in the quarter later than the working day after their approval, and (kind
    "archived") those issued before their site went live."""
    openings = site_openings(sites)
    rows = (
        LegalDocumentPage.objects.filter(issued_on__isnull=False)
        .annotate(report_site=site_of_page(sites))
        .filter(report_site__isnull=False, **quarter.bounds("first_published_at"))
        .values_list("pk", "title", "report_site", "issued_on", "first_published_at")
        .order_by("first_published_at", "pk")
    )
    for pk, title, site_id, issued_on, published in rows:
        published_on = local(published).date()
        if site_id in openings and issued_on < openings[site_id]:
            yield site_id, "archived", ArchivedDocument("", title, pk, issued_on, published_on)
            continue
        late_by = working_days_between(add_working_days(issued_on, DOCUMENT_WORKING_DAYS), published_on)
        if late_by > 0:
            yield (
                site_id,
                "documents",
                LateItem("", "Văn bản", title, pk, issued_on, published_on, late_by, WORKING_DAYS),
            )


def contact_changes(site_ids, quarter):
    """(site id, unit name, recorded at, changed on) of each contact edit with a change in the quarter."""
    unit = Unit.objects.filter(pk=Cast(OuterRef("object_id"), IntegerField()))
    return (
        ModelLogEntry.objects.filter(
            action=EDIT_ACTION,
            content_changed=True,
            content_type=ContentType.objects.get_for_model(Unit),
            **quarter.bounds("timestamp"),
        )
        .annotate(site=Subquery(unit.values("site")[:1]), unit_name=Subquery(unit.values("name")[:1]))
        .filter(site__in=site_ids)
        .values_list("site", "unit_name", "timestamp", "data")
        .order_by("timestamp")
    )


def late_contact_change(unit_name, recorded_at, data):
    """A LateItem if the change was recorded after the close of the working day following it, else None."""
    changed_on = dt.date.fromisoformat(data[CHANGED_ON]) if data.get(CHANGED_ON) else local(recorded_at).date()
    start = timezone.make_aware(dt.datetime.combine(changed_on, dt.time.min), timezone.get_default_timezone())
    if recorded_at <= deadline(start, CONTACT_WORKING_DAYS):
        return None
    late_by = working_days_between(add_working_days(changed_on, CONTACT_WORKING_DAYS), local(recorded_at).date())
    return LateItem(
        "", "Thông tin liên hệ", unit_name, None, changed_on, local(recorded_at).date(), late_by, WORKING_DAYS
    )


def timeliness_report(sites, quarter, with_total):
    """Counts per site and the list of late items of ``quarter`` for ``sites`` (with root pages)."""
    sites = list(sites)
    names = {site.pk: site_name(site) for site in sites}
    counts = {site.pk: {"news": 0, "documents": 0} for site in sites}
    late_items, archived = [], []
    for site_id, kind, item in [*late_news(sites, quarter), *late_documents(sites, quarter)]:
        item.site = names[site_id]
        if kind == "archived":
            archived.append(item)
            continue
        counts[site_id][kind] += 1
        late_items.append(item)
    changes = {site.pk: [0, 0] for site in sites}  # [recorded, recorded late]
    for site_id, unit_name, recorded_at, data in contact_changes(list(names), quarter):
        changes[site_id][0] += 1
        item = late_contact_change(unit_name, recorded_at, data or {})
        if item is not None:
            changes[site_id][1] += 1
            item.site = names[site_id]
            late_items.append(item)
    rows = [
        (names[site.pk], [counts[site.pk]["news"], counts[site.pk]["documents"], *changes[site.pk]]) for site in sites
    ]
    total = [sum(values[i] for _name, values in rows) for i in range(len(LABELS))] if with_total else None
    late_items.sort(key=lambda item: (item.site, item.published_on, item.kind, item.page_id or 0))
    archived.sort(key=lambda item: (item.site, item.published_on, item.page_id))
    return TimelinessReport(quarter, LABELS, rows, total, late_items, archived)
