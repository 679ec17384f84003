"""Numbers as Vietnamese writes them: thousands grouped by a dot, decimals after a comma (5.000 ký tự,
24.000 đồng, 1.234,5).

Django's own ``vi`` locale names these separators but groups nothing (no ``NUMBER_GROUPING``); the project's
format module (``core/formats/vi``, ``FORMAT_MODULE_PATH``) adds the grouping, so ``intcomma`` and
``localize`` in templates give the same as ``grouped`` here. ``USE_THOUSAND_SEPARATOR`` stays off: it would
group every number a template prints, ids in URLs and years included.
"""

from decimal import Decimal

THOUSANDS = "."
DECIMALS = ","


def grouped(number: int | float | Decimal) -> str:
    """``grouped(24000)`` → "24.000"; usable where no locale is active (help texts built at import)."""
    whole, _dot, fraction = f"{number:,}".partition(".")
    text = whole.replace(",", THOUSANDS)
    return f"{text}{DECIMALS}{fraction}" if fraction else text
