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
    """Three sheets: the counts per site, each late item with its delay as a number of days (the next column
    says which days), and the archive documents left out of the counts."""
    book = Workbook()
    counts = book.active
    counts.title = f"Quý {report.quarter.number}-{report.quarter.year}"
    append_site_table(counts, report.labels, report.rows, report.total)
    items = book.create_sheet("Danh sách đăng trễ")
    items.append(
        ["Đơn vị", "Loại", "Tiêu đề", "Ngày sự kiện / ban hành / thay đổi", "Ngày đăng / cập nhật", "Trễ", "Tính theo"]
    )
    for item in report.late_items:
        items.append(
            safe_row(
                [
                    item.site,
                    item.kind,
                    item.title,
                    item.reference_date,
                    item.published_on,
                    item.days_late,
                    item.day_unit,
                ]
            )
        )
    archive = book.create_sheet("Văn bản lưu trữ")
    archive.append(["Đơn vị", "Tiêu đề", "Ngày ban hành", "Ngày đăng"])
    for document in report.archived:
        archive.append(safe_row([document.site, document.title, document.issued_on, document.published_on]))
    items.column_dimensions["C"].width = archive.column_dimensions["B"].width = 60
    for cell in [*items["D"][1:], *items["E"][1:], *archive["C"][1:], *archive["D"][1:]]:
        cell.number_format = "DD/MM/YYYY"
    return book


def satisfaction_workbook(report):
    """Counts and shares as numbers (the share in percent), so the sheet adds up and sorts."""
    return table_workbook(
        f"Quý {report.quarter.number}-{report.quarter.year}", report.labels, report.rows, report.total
    )
