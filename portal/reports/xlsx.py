"""The reports as XLSX workbooks, written from the same rows as the admin tables so they never disagree.

Every row goes through ``safe_row``: a site or page title typed as a formula stays text.
"""

from openpyxl import Workbook

from core.spreadsheets import append_site_table, safe_row, table_workbook


def activity_workbook(report):
    return table_workbook(
        f"Quý {report.quarter.number}-{report.quarter.year}", report.labels, report.rows, report.total
    )


def timeliness_workbook(report):
    """Two sheets: the counts per site, then each late item with its delay."""
    book = Workbook()
    counts = book.active
    counts.title = f"Quý {report.quarter.number}-{report.quarter.year}"
    append_site_table(counts, report.labels, report.rows, report.total)
    items = book.create_sheet("Danh sách đăng trễ")
    items.append(["Đơn vị", "Loại", "Tiêu đề", "Ngày sự kiện / ban hành / thay đổi", "Ngày đăng / cập nhật", "Trễ"])
    for item in report.late_items:
        items.append(safe_row([item.site, item.kind, item.title, item.reference_date, item.published_on, item.delay]))
    items.column_dimensions["C"].width = 60
    return book


def satisfaction_workbook(report):
    """Counts and shares as numbers (the share in percent), so the sheet adds up and sorts."""
    return table_workbook(
        f"Quý {report.quarter.number}-{report.quarter.year}", report.labels, report.rows, report.total
    )
