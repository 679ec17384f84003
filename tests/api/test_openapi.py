"""The published contract: the OpenAPI schema at /api/v1/openapi.json and the docs at /api/v1/docs.

The schema is pinned by ``openapi_snapshot.json`` next to this file, so any change to a path, a
parameter or a field shows up in review as a diff of that file. After an intended change, refresh it:

    UPDATE_OPENAPI_SNAPSHOT=1 .venv/bin/python -m pytest tests/api/test_openapi.py

then read the diff of ``tests/api/openapi_snapshot.json`` and commit it with the change.
"""
import json
import os
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

SNAPSHOT = Path(__file__).with_name("openapi_snapshot.json")

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
