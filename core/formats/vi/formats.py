"""What the project adds to Django's ``vi`` formats (read first through ``FORMAT_MODULE_PATH``; every format not
named here is Django's): thousands grouped by three, so ``intcomma`` writes 5.000 (``core.numbers``)."""

NUMBER_GROUPING = 3
THOUSAND_SEPARATOR = "."
DECIMAL_SEPARATOR = ","
