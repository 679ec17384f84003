"""The quarterly satisfaction report: counts per level and the share satisfied per site, the national total for the
centre, the board confined to its site, the XLSX with numbers as numbers, and an accessible chart.

Ratings are placed in the third quarter of 2025 (Vietnam time), with one just outside it on each side."""

import datetime as dt
import io
import json

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Site

from multisite_config.models import SiteRole
from portal.reports.periods import current_quarter
from portal.reports.sites import site_name
from ratings.models import Level, Rating
from tests.support.sites import HANOI

URL = "/admin/reports/satisfaction/"
Q3 = {"year": 2025, "quarter": 3}

pytestmark = pytest.mark.django_db


def at(month, day, hour=9, year=2025):
    return timezone.make_aware(dt.datetime(year, month, day, hour), timezone.get_default_timezone())


def add(site, level, moment):
    return Rating.objects.create(site=site, target="page:1", target_title="Thủ tục", level=level, created_at=moment)


@pytest.fixture
def quarter_ratings(hanoi, danang):
    add(hanoi, Level.VERY_SATISFIED, at(7, 1, 0))  # 00:00 on 1 July, Vietnam time: the quarter's first moment
    add(hanoi, Level.SATISFIED, at(8, 15))
    add(hanoi, Level.DISSATISFIED, at(9, 30, 23))
    add(hanoi, Level.SATISFIED, at(6, 30, 23))  # the second quarter
    add(hanoi, Level.SATISFIED, at(10, 1, 0))  # the fourth quarter
    add(danang, Level.DISSATISFIED, at(8, 1))


def rows_by_name(report):
    return dict(report.rows)


def test_the_centre_reads_every_site_and_the_national_total(client, quarter_ratings, centre_user, hanoi, danang):
    client.force_login(centre_user)
    report = client.get(URL, Q3).context["report"]
    assert report.labels == ["Rất hài lòng", "Hài lòng", "Không hài lòng", "Tổng số đánh giá", "Tỷ lệ hài lòng (%)"]
    assert len(report.rows) == Site.objects.count()
    rows = rows_by_name(report)
    assert rows[hanoi.site_name] == [1, 1, 1, 3, 66.7]
    assert rows[danang.site_name] == [0, 0, 1, 1, 0.0]
    assert rows[site_name(Site.objects.get(is_default_site=True))] == [0, 0, 0, 0, None]
    assert report.total == [1, 1, 2, 4, 50.0]  # from the national counts, not an average of the sites' shares


def test_a_board_reads_only_its_own_site(client, quarter_ratings, hanoi_board, hanoi, danang):
    client.force_login(hanoi_board)
    response = client.get(URL, Q3)
    assert response.status_code == 200
    assert [name for name, _values in response.context["report"].rows] == [hanoi.site_name]
    assert response.context["report"].total is None
    page = response.content.decode()
    assert danang.site_name not in page and "Toàn quốc" not in page


@pytest.mark.parametrize("role", [SiteRole.EDITORS, SiteRole.QA_OFFICERS])
def test_other_roles_cannot_read_it(client, make_user, hanoi, role):
    client.force_login(make_user(role, hanoi))
    for params in (Q3, {**Q3, "format": "xlsx"}):
        response = client.get(URL, params)
        assert response.status_code in (302, 403) and not response.has_header("Content-Disposition")
    assert URL not in client.get("/admin/").content.decode()


def test_the_board_finds_it_in_the_reports_menu(client, hanoi_board):
    client.force_login(hanoi_board)
    assert URL in client.get("/admin/").content.decode()


def test_the_xlsx_matches_the_table_with_numbers_as_numbers(client, quarter_ratings, centre_user, hanoi):
    client.force_login(centre_user)
    report = client.get(URL, Q3).context["report"]
    response = client.get(URL, {**Q3, "format": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-muc-do-hai-long-quy-3-2025.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Đơn vị", *report.labels)
    assert [(name, *values) for name, values in report.rows] == rows[1:-1]
    assert rows[-1] == ("Toàn quốc", 1, 1, 2, 4, 50)
    hanoi_row = next(row for row in rows if row[0] == hanoi.site_name)
    assert all(isinstance(value, (int, float)) for value in hanoi_row[1:])


def test_the_chart_labels_each_bar_and_says_when_a_site_has_no_rating(client, quarter_ratings, centre_user, hanoi):
    client.force_login(centre_user)
    response = client.get(URL, Q3)
    chart = response.context["chart"]
    hanoi_group = next(group for group in chart["groups"] if group.name == hanoi.site_name)
    assert [(bar.value, bar.width) for bar in hanoi_group.bars] == [(66.7, round(420 * 66.7 / 100))]
    assert chart["groups"][-1].name == "Toàn quốc" and chart["groups"][-1].bars[0].value == 50.0
    page = response.content.decode()
    assert 'role="img"' in page and "satisfaction-chart-title" in page
    assert "66,7%" in page and "Chưa có đánh giá" in page


def test_a_rating_sent_through_the_api_is_counted_in_its_quarter(client, procedure, centre_user, hanoi):
    response = client.post(
        f"/api/v1/ratings/?site={HANOI}",
        json.dumps({"target": f"page:{procedure.pk}", "level": "very_satisfied"}),
        content_type="application/json",
    )
    assert response.status_code == 201
    client.force_login(centre_user)
    quarter = current_quarter()
    report = client.get(URL, {"year": quarter.year, "quarter": quarter.number}).context["report"]
    assert rows_by_name(report)[hanoi.site_name] == [1, 0, 0, 1, 100.0]
