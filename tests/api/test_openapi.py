"""The published contract: the OpenAPI schema at /api/v1/openapi.json and the docs at /api/v1/docs.

The schema is pinned by ``openapi_snapshot.json`` next to this file, so any change to a path, a
parameter or a field shows up in review as a diff of that file. After an intended change, refresh it:

    UPDATE_OPENAPI_SNAPSHOT=1 .venv/bin/python -m pytest tests/api/test_openapi.py

then read the diff of ``tests/api/openapi_snapshot.json`` and commit it with the change.
"""

import json
import os
import re

import pytest
from django.contrib.staticfiles import finders

from tests.support.api import OPENAPI_SNAPSHOT as SNAPSHOT

pytestmark = pytest.mark.django_db


def test_openapi_schema_matches_the_snapshot(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()

    if os.environ.get("UPDATE_OPENAPI_SNAPSHOT") == "1":
        SNAPSHOT.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert SNAPSHOT.exists(), "no snapshot yet: run with UPDATE_OPENAPI_SNAPSHOT=1 (see the module docstring)"
    assert schema == json.loads(SNAPSHOT.read_text(encoding="utf-8")), (
        "the OpenAPI schema changed; if intended, refresh the snapshot (see the module docstring)"
    )


def test_schema_describes_the_sites_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["openapi"].startswith("3.")
    assert "get" in schema["paths"]["/api/v1/sites/"]
    assert schema["components"]["schemas"]["SiteKind"]["enum"] == ["national", "province"]


def test_every_operation_documents_the_errors_it_can_give_as_problem_json(client):
    """Parameters can be malformed (400), a site unknown (404), a POST too large, not JSON or one too many (413,
    415, 429); each error is documented with the media type and the body it is sent with."""
    schema = client.get("/api/v1/openapi.json").json()
    problem_content = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}

    problem = schema["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == set(problem["properties"]) == {"type", "title", "status", "detail", "errors"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            parameters = {parameter["name"] for parameter in operation["parameters"]}
            expected = {"400"} if parameters or "requestBody" in operation else set()
            expected |= {"404"} if "site" in parameters else set()
            expected |= {"413", "415", "429"} if method == "post" else set()
            responses = operation["responses"]
            assert expected <= set(responses), f"{method} {path} documents {sorted(responses)}"
            for status, response in responses.items():
                if int(status) >= 400:
                    assert response["content"] == problem_content, f"{method} {path} {status}"
            if "429" in responses:
                assert "Retry-After" in responses["429"]["headers"]


def test_docs_are_served_from_bundled_static_files_with_no_external_resource(client):
    response = client.get("/api/v1/docs")
    html = response.content.decode()

    assert response.status_code == 200
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    scripts = re.findall(r"""<script[^>]+src="([^"]+)""", html)
    stylesheets = re.findall(r"""<link[^>]+rel="stylesheet"[^>]+href="([^"]+)""", html)
    assert "/static/ninja/swagger-ui-bundle.js" in scripts
    assert stylesheets == ["/static/ninja/swagger-ui.css"]
    for url in scripts + stylesheets:
        assert finders.find(url.removeprefix("/static/")), f"{url} is not a bundled static file"


def test_docs_do_not_send_the_schema_to_the_online_validator(client):
    html = client.get("/api/v1/docs").content.decode()
    settings = re.search(r'<script type="application/json" id="swagger-settings">(.*?)</script>', html, re.S)

    assert json.loads(settings.group(1))["validatorUrl"] is None
