"""Seed 004's monthly report: cases by kind and outcome per province with the national total, HTML and XLSX."""

import pytest
from wagtail.models import Site

from complaints import transitions
from complaints.models import CaseKind
from multisite_config.models import SiteRole
from portal.reports.complaints import complaints_report
from tests.support.clock import at
from tests.support.exports import exported_rows

REPORT = "/admin/reports/complaints/"


@pytest.fixture
def march(receive, hanoi, danang, hanoi_board, clock):
    """In Hà Nội in March 2026: two complaints (one resolved partly, one transferred to Đà Nẵng), a denunciation
    refused; in Đà Nẵng a feedback resolved as founded; one Hà Nội complaint in February is not counted."""
    resolved = receive(CaseKind.COMPLAINT, at(2026, 3, 2, 9))
    moved = receive(CaseKind.COMPLAINT, at(2026, 3, 3, 9))
    refused = receive(CaseKind.DENUNCIATION, at(2026, 3, 4, 9))
    receive(CaseKind.COMPLAINT, at(2026, 2, 27, 9))
    feedback = receive(CaseKind.FEEDBACK, at(2026, 3, 5, 9), site=danang)
    clock(at(2026, 3, 10, 9))
    transitions.accept(resolved, hanoi_board)
    transitions.resolve(resolved, hanoi_board, outcome="partly", resolution="Đúng một phần")
    transitions.transfer(moved, hanoi_board, to_site=danang, reason="Thẩm quyền BHXH Đà Nẵng")
    transitions.refuse(refused, hanoi_board, reason="Không đủ điều kiện thụ lý")
    transitions.accept(feedback, None)
    transitions.resolve(feedback, None, outcome="founded", resolution="Đã chấn chỉnh")


def figures(report, name):
    row = dict(report.rows)[name]
    return dict(zip(report.labels, row, strict=True))


def test_the_month_is_counted_per_province_by_kind_and_outcome_with_the_national_total(march, hanoi, danang):
    report = complaints_report(Site.objects.filter(pk__in=[hanoi.pk, danang.pk]), 2026, 3, True)
    hanoi_row, danang_row = figures(report, hanoi.site_name), figures(report, danang.site_name)
    assert hanoi_row["Đơn nhận trong tháng"] == 2 and hanoi_row["Nhận: Tố cáo"] == 1
    assert hanoi_row["Không thụ lý"] == 1 and hanoi_row["Kết quả: Đúng một phần"] == 1 and hanoi_row["Chuyển đi"] == 1
    assert danang_row["Đơn nhận trong tháng"] == 2 and danang_row["Nhận: Khiếu nại"] == 1  # the one transferred in
    assert danang_row["Giải quyết: Phản ánh"] == 1 and danang_row["Kết quả: Đúng / có cơ sở"] == 1
    total = dict(zip(report.labels, report.total, strict=True))
    assert total["Đơn nhận trong tháng"] == 4 and total["Đã giải quyết"] == 2 and total["Chuyển đi"] == 1


def test_a_board_reads_its_own_site_and_the_centre_every_site_with_the_total(
    client, march, hanoi, danang, hanoi_board, centre_user, make_user
):
    client.force_login(hanoi_board)
    response = client.get(REPORT, {"month": "2026-03"})
    assert response.status_code == 200
    assert [name for name, _values in response.context["report"].rows] == [hanoi.site_name]
    assert response.context["report"].total is None
    client.force_login(centre_user)
    html = client.get(REPORT, {"month": "2026-03"}).content.decode()
    assert "Toàn quốc" in html and danang.site_name in html
    rows = exported_rows(client.get(REPORT, {"month": "2026-03", "format": "xlsx"}))
    assert rows[0][:2] == ["Đơn vị", "Đơn nhận trong tháng"] and rows[-1][:2] == ["Toàn quốc", 4]
    client.force_login(make_user(SiteRole.EDITORS, hanoi))
    assert client.get(REPORT).status_code in (302, 403)  # Wagtail sends a refused user back to the dashboard
