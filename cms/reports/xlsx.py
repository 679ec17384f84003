"""The reports as XLSX workbooks, written from the same rows as the admin tables so they never disagree.

Every row goes through ``safe_row``: a site or page title typed as a formula stays text.
"""
from openpyxl import Workbook

from cms.spreadsheets import safe_row

NATIONAL_TOTAL = "Toàn quốc"


def _table(sheet, labels, rows, total):
    sheet.append(safe_row(["Đơn vị", *labels]))
    for name, values in rows:
        sheet.append(safe_row([name, *values]))
    if total is not None:
        sheet.append(safe_row([NATIONAL_TOTAL, *total]))
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 45


def table_workbook(title, labels, rows, total):
    """One sheet: a header row, one row per site, then the national total when there is one.

    Every per-site report of the portal (activity, reception, information requests) is exported this way.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = title
    _table(sheet, labels, rows, total)
    return book


def activity_workbook(report):
    return table_workbook(f"Quý {report.quarter.number}-{report.quarter.year}", report.labels, report.rows,
                          report.total)


def timeliness_workbook(report):
    """Two sheets: the counts per site, then each late item with its delay."""
    book = Workbook()
    counts = book.active
    counts.title = f"Quý {report.quarter.number}-{report.quarter.year}"
    _table(counts, report.labels, report.rows, report.total)
    items = book.create_sheet("Danh sách đăng trễ")
    items.append(["Đơn vị", "Loại", "Tiêu đề", "Ngày sự kiện / ban hành / thay đổi", "Ngày đăng / cập nhật", "Trễ"])
    for item in report.late_items:
        items.append(safe_row([item.site, item.kind, item.title, item.reference_date, item.published_on, item.delay]))
    items.column_dimensions["C"].width = 60
    return book
