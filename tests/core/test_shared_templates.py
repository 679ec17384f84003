"""Public markup written once (``core/templates``): the 429 page, breadcrumbs, pagination, form fields, error summary.

Read from the templates themselves, so a template that writes one of these blocks out again fails here; what
each block renders is checked by the pages' own tests.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / "core" / "templates"
PACKAGES = ["core", "multisite_config", "contacts", "faq", "home", "legal", "portal"]
# Markup that only the shared templates write.
ONCE = {
    'class="breadcrumbs"': SHARED / "includes" / "breadcrumbs.html",
    'class="pagination"': SHARED / "includes" / "pagination.html",
    "field.as_field_group": SHARED / "includes" / "form_fields.html",
    'name="{{ honeypot_field }}"': SHARED / "includes" / "form_fields.html",
    "form.visible_fields %}{% for error": SHARED / "includes" / "error_summary.html",
    "quá nhiều yêu cầu": SHARED / "too_many_requests.html",
}


def public_templates():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.html")):
            if "admin" not in path.relative_to(ROOT).parts[2:-1] and "cms" not in path.parts[-2:-1]:
                yield path


@pytest.mark.parametrize("markup", ONCE)
def test_shared_markup_is_written_once(markup):
    writers = [path for path in public_templates() if markup.lower() in path.read_text(encoding="utf-8").lower()]

    assert writers == [ONCE[markup]]


def test_the_429_page_is_rendered_by_one_helper():
    callers = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "too_many_requests.html" in path.read_text(encoding="utf-8")
    ]

    assert callers == ["core/abuse.py"]


def every_template():
    for package in [*PACKAGES, "complaints", "ratings"]:
        yield from sorted((ROOT / package).rglob("*.html"))
        yield from sorted((ROOT / package).rglob("*.txt"))


def test_no_template_comment_spans_lines():
    """Django's ``{# … #}`` comment ends with its line: one spread over two lines is printed to the reader as text
    (the form fields and error summary once showed their notes on every public form); ``{% comment %}`` spans."""
    spread = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in every_template()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]

    assert spread == []
