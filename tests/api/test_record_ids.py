"""The one rule for record ids in paths, API and HTML alike (``core.ids``, ``core.api.fields.RecordId``).

A path id that is a well-formed positive integer but names no record is a 404, however large: a number beyond
the database's integer range cannot name a record. What is not a positive integer at all is a 400 naming the
parameter. The API's id paths are read from the published schema, so a detail endpoint added later is checked
without editing this file.
"""

import re

import pytest

from core.ids import MAX_ID, as_id
from tests.support.sites import HANOI

pytestmark = pytest.mark.django_db

NAMES_NO_RECORD = ["999999", str(2**31), str(MAX_ID), str(MAX_ID + 1), "9" * 30, "9" * 5000]
NOT_AN_ID = ["0", "-1", "abc", "1.5", "+5", "1e3", "٣"]
# A well-formed body, so that only the id decides the answer of a POST.
COMMENT = {
    "name": "Nguyễn Văn An",
    "email": "an@example.com",
    "body": "Đề nghị làm rõ điều này.",
    "publish_name": False,
}


def id_paths(client):
    """(method, path template, id parameter) for every operation of the API that names a record in its path."""
    found = []
    for template, operations in client.get("/api/v1/openapi.json").json()["paths"].items():
        for method, operation in operations.items():
            for parameter in operation["parameters"]:
                if parameter["in"] == "path" and parameter["schema"].get("type") == "integer":
                    found.append((method, template, parameter["name"]))
    return found


def call(client, method, template, name, value):
    url = template.replace("{" + name + "}", value) + f"?site={HANOI}"
    if method == "post":
        return client.post(url, COMMENT, content_type="application/json")
    return client.get(url)


def test_every_detail_endpoint_is_checked(client):
    templates = {template for _method, template, _name in id_paths(client)}

    assert {
        "/api/v1/news/{news_id}/",
        "/api/v1/documents/{id}/",
        "/api/v1/procedures/{id}/",
        "/api/v1/drafts/{draft_id}/",
        "/api/v1/drafts/{draft_id}/comments/",
    } <= templates


@pytest.mark.parametrize("value", NAMES_NO_RECORD)
def test_a_positive_id_that_names_no_record_is_a_404_however_large(client, value):
    for method, template, name in id_paths(client):
        response = call(client, method, template, name, value)

        assert response.status_code == 404, (method, template, value[:40], response.content[:300])
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("value", NOT_AN_ID)
def test_what_is_not_a_positive_integer_is_a_400_naming_the_id(client, value):
    for method, template, name in id_paths(client):
        response = call(client, method, template, name, value)

        assert response.status_code == 400, (method, template, value, response.content[:300])
        assert name in response.json()["errors"], (method, template, value)


def test_the_schema_documents_the_id_and_its_404(client):
    for method, template, name in id_paths(client):
        operation = client.get("/api/v1/openapi.json").json()["paths"][template][method]
        schema = next(p["schema"] for p in operation["parameters"] if p["name"] == name)

        assert schema["minimum"] == 1 and "maximum" not in schema, template
        assert {"400", "404"} <= set(operation["responses"]), template


@pytest.mark.parametrize(
    "path",
    [
        "/hoi-dap/{}/",
        "/tin-tuc-su-kien/chia-se/{}/",
        "/du-thao/{}/gop-y/",
        "/du-thao/{}/bao-cao-tong-hop/",
    ],
)
@pytest.mark.parametrize("value", NAMES_NO_RECORD)
def test_a_page_id_that_names_no_record_is_a_404_however_large(client, hanoi, path, value):
    url = path.format(value)
    response = client.post(url, {}, HTTP_HOST=HANOI) if "gop-y" in path else client.get(url, HTTP_HOST=HANOI)

    assert response.status_code == 404, (path, value[:40])


def test_as_id_reads_positive_integers_no_record_can_outgrow():
    assert as_id("42") == as_id("0042") == as_id(42) == 42
    assert as_id(str(MAX_ID)) == MAX_ID
    assert [as_id(value) for value in ["0", "", "-1", "4 2", "٣", "1.0", str(MAX_ID + 1), "9" * 5000]] == [None] * 8


def test_the_constant_is_the_only_one(client):
    """Nothing else in the code bounds an id (10**18, 2**31, digit counts): one constant, one rule."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    pattern = re.compile(r"MAX_(PAGE_)?ID(_DIGITS)?\s*=|10\s*\*\*\s*18|2_147_483_647")
    offenders = [
        str(path.relative_to(root))
        for package in ("core", "multisite_config", "contacts", "faq", "home", "legal", "portal")
        for path in (root / package).rglob("*.py")
        if pattern.search(path.read_text()) and path != root / "core" / "ids.py"
    ]
    assert offenders == []
