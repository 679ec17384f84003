"""Whatever a client sends to /api/v1/, the answer is a 2xx-4xx, and every 4xx is problem JSON.

The endpoints come from the published OpenAPI schemas (the public API and the test-only API of
``tests.support.conventions_api``), so every endpoint a later router adds is fired at without editing this file.
"""

import re

import pytest

from tests.support.api import PROBLEM_KEYS, assert_vietnamese
from tests.support.conventions_api import PREFIX as CONVENTIONS_PREFIX

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.support.conventions_api")]

SCHEMAS = ["/api/v1/openapi.json", f"{CONVENTIONS_PREFIX}openapi.json"]
NASTY_QUERIES = [
    "",
    "site=%ff",
    "site=" + "a" * 300,
    "site=",
    "site=%00",
    "site=hanoi.localhost%00",
    "site=hanoi.localhost&site=danang.localhost",
    "site=..%2f..%2fetc%2fpasswd",
    "site=hanoi.localhost%0d%0aX-Injected:%201",
    "site[]=hanoi.localhost",
    "site=nowhere.localhost",
    "limit=1e9",
    "limit=0",
    "limit=-1",
    "limit=101",
    "limit=abc",
    "limit=%00",
    "limit=1&limit=2",
    "offset=-1",
    "offset=" + "9" * 40,
    "offset=1.5",
    "q=%00",
    "q=" + "%ff" * 2000,
    "q=%27%20OR%201=1--",
    "topic=%ff&doc_type=%00&state=%ff&year=" + "9" * 30,
    "%00=%00",
    "&&&==&",
    "%",
    "a=%zz",
]
NASTY_PATH_VALUES = ["1", "0", "-1", "9" * 30, "abc", "%00", "%ff", "..%2f.."]


def get_endpoints(client):
    """Every GET path of the schemas, each path parameter filled with each nasty value."""
    urls = []
    for schema_url in SCHEMAS:
        for template, operations in client.get(schema_url).json()["paths"].items():
            if "get" in operations:
                urls.extend({re.sub(r"\{[^}]+\}", value, template) for value in NASTY_PATH_VALUES})
    return sorted(set(urls))


def assert_sane(response, url):
    assert response.status_code < 500, (url, response.content[:500])
    if 400 <= response.status_code < 500:
        assert response["Content-Type"] == "application/problem+json", url
        body = response.json()
        assert set(body) == PROBLEM_KEYS and body["status"] == response.status_code, url
        assert_vietnamese([body["detail"], *(text for messages in body["errors"].values() for text in messages)])


def test_the_schemas_list_endpoints_to_fire_at(client):
    endpoints = get_endpoints(client)

    assert "/api/v1/sites/" in endpoints
    assert "/api/v1/questions/" in endpoints and "/api/v1/questions/track/abc/" in endpoints
    assert "/api/v1/documents/" in endpoints and "/api/v1/documents/abc/" in endpoints
    assert "/api/v1/procedures/" in endpoints and "/api/v1/procedures/abc/" in endpoints
    assert f"{CONVENTIONS_PREFIX}pages/" in endpoints


def test_nasty_query_strings_never_break_a_get_endpoint(client):
    for endpoint in get_endpoints(client):
        for query in NASTY_QUERIES:
            url = f"{endpoint}?{query}" if query else endpoint
            assert_sane(client.get(url), url)


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "localhost:notaport",
        "hanoi.localhost:99999999999999999999",
        "hanoi.localhost:0",
        "HANOI.LOCALHOST",
        "a" * 300 + ".localhost",
    ],
)
def test_nasty_host_headers_never_break_a_get_endpoint(client, host):
    for endpoint in get_endpoints(client):
        assert_sane(client.get(endpoint, HTTP_HOST=host), f"{host} {endpoint}")


def test_a_host_outside_allowed_hosts_is_a_400_problem(client):
    response = client.get("/api/v1/sites/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert_sane(response, "evil.example")


@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/nope/", "/api/v1/sites/123/", "/api/v1/%00/", "/api/v1/sites"])
def test_unknown_paths_under_the_api_are_404_problems(client, path):
    response = client.get(path, follow=True)

    assert response.status_code == 404
    assert_sane(response, path)
    assert "no-store" in response["Cache-Control"]


def post_endpoints(client):
    """Every POST path of the public schema, its path parameters filled with 1."""
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    return [re.sub(r"\{[^}]+\}", "1", template) for template, operations in paths.items() if "post" in operations]


def test_a_body_over_the_upload_limit_is_a_413_naming_the_limit(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = b'{"name": "' + b"a" * 1000 + b'"}'

    endpoints = post_endpoints(client)
    assert "/api/v1/questions/" in endpoints and "/api/v1/drafts/1/comments/" in endpoints
    for endpoint in endpoints:
        response = client.generic("POST", endpoint, body, content_type="application/json", HTTP_HOST="hanoi.localhost")
        assert response.status_code == 413, endpoint
        assert_sane(response, endpoint)
        assert "1000 byte" in response.json()["detail"], endpoint


def test_a_body_on_a_get_is_ignored_not_an_error(client):
    response = client.generic("GET", "/api/v1/sites/", b"\x00\xff{not json", content_type="application/json")

    assert response.status_code == 200
