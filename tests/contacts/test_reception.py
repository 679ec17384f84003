"""The head's monthly reception day (the dashboard warning) and the monthly report of the reception log."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from wagtail.models import Site

from contacts.models import ReceptionKind as K
from contacts.models import ReceptionLog
from contacts.reception_report import monthly_report
from contacts.reception_warnings import missing_head_receptions, months_from
from tests.contacts.factories import REFERENCE_DAY as TODAY
from tests.contacts.factories import ReceptionScheduleFactory
from tests.support.exports import AS_TEXT, exported_rows, name_as_formula

REPORT = "/admin/snippets/contacts/receptionlog/report/"


def schedule(leader, day):
    return ReceptionScheduleFactory(leader=leader, date=day)


def test_months_run_across_the_new_year():
    assert months_from(TODAY) == [dt.date(2026, 11, 1), dt.date(2026, 12, 1), dt.date(2027, 1, 1)]


def test_a_month_without_the_heads_reception_is_reported(hanoi, danang, hanoi_office, danang_office):
    head, deputy = hanoi_office.leaders.order_by("sort_order")
    schedule(head, dt.date(2026, 11, 25))
    schedule(deputy, dt.date(2026, 12, 10))  # a deputy's day does not stand in for the head's
    schedule(head, dt.date(2027, 1, 15))
    schedule(danang_office.leaders.get(is_head=True), dt.date(2026, 12, 10))  # another site's day
    missing, _without_head = missing_head_receptions(Site.objects.filter(pk=hanoi.pk), TODAY)
    assert [(row.site, row.months) for row in missing] == [(hanoi, [dt.date(2026, 12, 1)])]


def test_a_site_whose_head_has_every_month_is_not_reported(hanoi, hanoi_office):
    head = hanoi_office.leaders.get(is_head=True)
    for month in months_from(TODAY):
        schedule(head, month.replace(day=20))
    assert missing_head_receptions(Site.objects.filter(pk=hanoi.pk), TODAY) == ([], 0)


def test_sites_without_a_head_are_counted_not_listed(hanoi, danang, hanoi_office):
    missing, without_head = missing_head_receptions(Site.objects.filter(pk__in=[hanoi.pk, danang.pk]), TODAY)
    assert [row.site for row in missing] == [hanoi] and without_head == 1


def test_the_dashboard_warns_the_board_about_its_own_site_only(client, hanoi_board, hanoi_office, danang_office):
    client.force_login(hanoi_board)
    html = client.get("/admin/").content.decode()
    assert "Lịch tiếp công dân của thủ trưởng" in html
    assert 'data-site="hanoi.localhost"' in html and 'data-site="danang.localhost"' not in html


def test_the_dashboard_panel_is_not_shown_to_editors(client, hanoi_editor, hanoi_office):
    client.force_login(hanoi_editor)
    assert "Lịch tiếp công dân của thủ trưởng" not in client.get("/admin/").content.decode()


@pytest.fixture
def receptions(hanoi, danang):
    rows = [
        (hanoi, dt.date(2026, 10, 1), K.COMPLAINT),
        (hanoi, dt.date(2026, 10, 31), K.COMPLAINT),
        (hanoi, dt.date(2026, 10, 15), K.PETITION),
        (hanoi, dt.date(2026, 11, 1), K.FEEDBACK),
        (danang, dt.date(2026, 10, 2), K.DENUNCIATION),
        (danang, dt.date(2026, 9, 30), K.COMPLAINT),
    ]
    for site, day, kind in rows:
        ReceptionLog.objects.create(site=site, date=day, citizen_name="Công dân", subject="Nội dung", kind=kind)


def row_of(report, site):
    return dict(report.rows)[site.site_name]


def test_the_monthly_report_counts_exactly_the_months_entries(hanoi, danang, receptions):
    report = monthly_report(Site.objects.all(), 2026, 10, with_total=True)
    assert report.labels == ["Tổng số lượt tiếp", "Khiếu nại", "Tố cáo", "Kiến nghị", "Phản ánh"]
    assert row_of(report, hanoi) == [3, 2, 0, 1, 0]
    assert row_of(report, danang) == [1, 0, 1, 0, 0]
    assert report.total == [4, 2, 1, 1, 0]
    assert len(report.rows) == Site.objects.count()


def test_a_board_sees_only_its_provinces_row_and_no_national_total(client, hanoi_board, hanoi, receptions):
    client.force_login(hanoi_board)
    report = client.get(REPORT, {"month": "2026-10"}).context["report"]
    assert report.rows == [(hanoi.site_name, [3, 2, 0, 1, 0])] and report.total is None
    book = load_workbook(io.BytesIO(client.get(REPORT, {"month": "2026-10", "format": "xlsx"}).content))
    assert [list(row) for row in book.active.iter_rows(values_only=True)] == [
        ["Đơn vị", "Tổng số lượt tiếp", "Khiếu nại", "Tố cáo", "Kiến nghị", "Phản ánh"],
        [hanoi.site_name, 3, 2, 0, 1, 0],
    ]


def test_the_centre_gets_every_province_and_the_national_total(client, centre_user, danang, receptions):
    client.force_login(centre_user)
    response = client.get(REPORT, {"month": "2026-10", "format": "xlsx"})
    rows = [list(row) for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]
    assert rows[-1] == ["Toàn quốc", 4, 2, 1, 1, 0]
    assert [danang.site_name, 1, 0, 1, 0, 0] in rows


def test_the_report_xlsx_writes_a_formula_typed_name_as_text(client, hanoi_board, hanoi, receptions):
    name_as_formula(hanoi)
    client.force_login(hanoi_board)

    rows = exported_rows(client.get(REPORT, {"month": "2026-10", "format": "xlsx"}))

    assert rows[1] == [AS_TEXT, 3, 2, 0, 1, 0]


@pytest.mark.parametrize("month", ["2026-13", "abc", "99999-01", ""])
def test_a_malformed_month_falls_back_to_the_current_one(client, hanoi_board, month):
    client.force_login(hanoi_board)
    assert client.get(REPORT, {"month": month}).status_code == 200
