"""Exports read back as a spreadsheet reads them, and the formula-like text that must come out as text."""

import csv
import io

from openpyxl import load_workbook

FORMULA = '=HYPERLINK("http://x","y")'
AS_TEXT = f"'{FORMULA}"


def exported_rows(response):
    """The rows of a CSV or XLSX answer (its first sheet), each a list of cell values."""
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        return list(csv.reader(io.StringIO(content.decode())))
    return [list(row) for row in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]


def formula_cells(rows):
    """The cells that hold the formula's text, however written."""
    return [cell for row in rows for cell in row if "HYPERLINK" in str(cell)]


def name_as_formula(site):
    """Give ``site`` the formula as its name, as an administrator could type it."""
    site.site_name = FORMULA
    site.save(update_fields=["site_name"])
    return site
