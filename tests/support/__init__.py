"""What the test modules share, so that no test module imports another one (``tests/test_support_rules.py``).

A constant, helper or fixture used by more than one test module lives here (or, for building records, in
``tests/<app>/factories.py``) and is defined once: ``sites`` (hostnames, names, section paths), ``exports``
(CSV/XLSX read back), ``growth`` (more of everything, for query counts), ``api`` (problem JSON),
``processes`` (a fresh interpreter), ``pages`` (the base of the page factories), ``conventions_api`` (a
test-only URLconf) and ``mail`` (a failing e-mail backend).
"""
