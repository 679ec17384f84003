"""The one rule every CSV/XLSX export applies: text a spreadsheet would run as a formula is written as text."""

import datetime as dt
from decimal import Decimal

import pytest

from core.spreadsheets import safe_cell, safe_row


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_starting_like_a_formula_gets_a_leading_apostrophe(text):
    assert safe_cell(text) == f"'{text}"


@pytest.mark.parametrize(
    "value",
    [
        "Hà Nội",
        "1 = 1",
        " =1",
        "",
        "'quoted",
        None,
        -5,
        0,
        2.5,
        Decimal("-1.5"),
        True,
        dt.date(2025, 7, 1),
        dt.datetime(2025, 7, 1, 9, 30),
    ],
)
def test_other_values_are_written_as_they_are(value):
    assert safe_cell(value) is value


def test_a_row_keeps_its_numbers_and_dates():
    day = dt.date(2025, 7, 1)
    assert safe_row(["=1+1", 3, day, "Hà Nội"]) == ["'=1+1", 3, day, "Hà Nội"]
