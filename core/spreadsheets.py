"""Cells of every CSV and XLSX the portal writes stay data: text that a spreadsheet would run as a formula
is written with a leading apostrophe.

A citizen's comment typed as ``=HYPERLINK("http://…","Bấm vào đây")``, or any text beginning with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return, becomes a live formula (a link, a lookup, a command) when
the export is opened in Excel or LibreOffice: CSV or formula injection. Exports are read by the boards, so
every one writes its cells through ``safe_cell``: the admin listings' CSV/XLSX downloads through
``SafeSpreadsheetExportMixin`` (``SnippetIndexView`` for snippet viewsets), the reports' workbooks through
``safe_row``. Only text changes: numbers and dates stay numbers and dates, so the sheets still add up and
sort.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from wagtail.snippets.views.snippets import IndexView

if TYPE_CHECKING:  # for the type checker, the mixin extends the Wagtail mixin it is combined with (its super())
    from wagtail.admin.views.mixins import SpreadsheetExportMixin as _ExportBase
else:
    _ExportBase = object

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NATIONAL_TOTAL = "Toàn quốc"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_Value = TypeVar("_Value")


def safe_cell(value: _Value) -> _Value | str:
    """``value`` as a spreadsheet cell should hold it: formula-like text behind a ``'``, anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def safe_row(values: Iterable[_Value]) -> list[_Value | str]:
    return [safe_cell(value) for value in values]


def xlsx_response(book: Workbook, filename: str) -> HttpResponse:
    """A workbook as the download every XLSX button of the portal gives (``filename`` ends in ``.xlsx``)."""
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    book.save(response)
    return response


def append_site_table(
    sheet: Worksheet,
    labels: Iterable[str],
    rows: Iterable[tuple[str, Iterable[object]]],
    total: Iterable[object] | None,
) -> None:
    """A header row, one row per site, then the national total when there is one."""
    sheet.append(safe_row(["Đơn vị", *labels]))
    for name, values in rows:
        sheet.append(safe_row([name, *values]))
    if total is not None:
        sheet.append(safe_row([NATIONAL_TOTAL, *total]))
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 45


def table_workbook(
    title: str,
    labels: Iterable[str],
    rows: Iterable[tuple[str, Iterable[object]]],
    total: Iterable[object] | None,
) -> Workbook:
    """One sheet of ``append_site_table``: how every per-site report (activity, reception, information
    requests) is exported."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    append_site_table(sheet, labels, rows, total)
    return book


class SafeSpreadsheetExportMixin(_ExportBase):
    """For a Wagtail listing built on ``SpreadsheetExportMixin``: every exported value goes through
    ``safe_cell`` once Wagtail has prepared it (text, or a number or date it keeps for XLSX).

    Wagtail's XLSX writer already stores formula-like text as text, but its CSV writer does not.
    """

    def preprocess_field_value(self, field: str, value: object, export_format: str) -> object:
        return safe_cell(super().preprocess_field_value(field, value, export_format))


class SnippetIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing of a snippet viewset, its CSV/XLSX export (``list_export``) made safe."""
