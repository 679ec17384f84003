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
from wagtail.snippets.views.snippets import IndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a spreadsheet cell should hold it: formula-like text behind a ``'``, anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


class SafeSpreadsheetExportMixin:
    """For a Wagtail listing built on ``SpreadsheetExportMixin``: every exported value goes through
    ``safe_cell`` once Wagtail has prepared it (text, or a number or date it keeps for XLSX).

    Wagtail's XLSX writer already stores formula-like text as text, but its CSV writer does not.
    """

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))


class SnippetIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing of a snippet viewset, its CSV/XLSX export (``list_export``) made safe."""
