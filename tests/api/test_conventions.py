"""The shared conventions later routers build on: site scoping, pagination, problem JSON.

They run against the test-only API of ``tests.support.conventions_api`` (site-scoped and paginated endpoints
made with the shared helpers), and ``resolve_site`` is also called directly.
"""

import pytest
from django.http import Http404
from django.test import RequestFactory

from core.api.pagination import MAX_OFFSET
from core.api.scoping import SiteFilter, resolve_site
from tests.support.conventions_api import PREFIX

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.support.conventions_api")]

PAGES = f"{PREFIX}pages/"
SITES = f"{PREFIX}sites/"


def page_ids(client, **params):
    response = client.get(PAGES, params, HTTP_HOST="localhost")
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def assert_problem(response, status, field=None):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) == {"type", "title", "status", "detail", "errors"}
    assert body["status"] == status
    if field:
        assert field in body["errors"] and body["errors"][field]
    return body


# Site scoping: resolve_site called directly


def request_for(host):
    return RequestFactory().get("/api/v1/anything/", HTTP_HOST=host)


def test_resolve_site_takes_the_host_header(hanoi, danang):
    assert resolve_site(request_for("hanoi.localhost")) == hanoi
    assert resolve_site(request_for("danang.localhost"), SiteFilter()) == danang


def test_resolve_site_prefers_the_site_parameter_to_the_host(hanoi):
    assert resolve_site(request_for("danang.localhost"), SiteFilter(site="hanoi.localhost")) == hanoi


def test_resolve_site_normalises_case_and_spaces(hanoi):
    assert resolve_site(request_for("localhost"), SiteFilter(site=" HaNoi.Localhost ")) == hanoi


def test_resolve_site_refuses_an_unknown_site_instead_of_falling_back():
    with pytest.raises(Http404):
        resolve_site(request_for("hanoi.localhost"), SiteFilter(site="nowhere.localhost"))


def test_a_host_without_a_site_of_its_own_is_the_national_portal(national):
    assert resolve_site(request_for("127.0.0.1")) == national


# Site scoping through an endpoint


def test_a_site_scoped_list_returns_only_that_sites_records(client, hanoi, danang):
    hanoi_ids = page_ids(client, site="hanoi.localhost")
    danang_ids = page_ids(client, site="danang.localhost")

    assert hanoi.root_page_id in hanoi_ids and danang.root_page_id in danang_ids
    assert not hanoi_ids & danang_ids


def test_without_site_the_host_header_decides(client, danang):
    response = client.get(PAGES, HTTP_HOST="danang.localhost")

    assert {item["id"] for item in response.json()["items"]} == page_ids(client, site="danang.localhost")


def test_an_unknown_site_is_a_404_problem(client):
    body = assert_problem(client.get(PAGES, {"site": "nowhere.localhost"}), 404)

    assert "nowhere.localhost" in body["detail"]


@pytest.mark.parametrize("value", ["", "a" * 300, "hanoi.localhost\x00", "\ufffd", "../etc", "hanoi localhost"])
def test_a_malformed_site_is_a_400_naming_it(client, value):
    assert_problem(client.get(PAGES, {"site": value}), 400, field="site")


# Pagination


def test_a_list_is_count_and_items_with_20_items_by_default(client):
    body = client.get(SITES).json()

    assert set(body) == {"count", "items"}
    assert body["count"] == 35
    assert len(body["items"]) == 20


def test_limit_and_offset_select_a_window(client):
    everything = client.get(SITES, {"limit": 100}).json()["items"]
    window = client.get(SITES, {"limit": 5, "offset": 30}).json()
    last_page = client.get(SITES, {"limit": 10, "offset": 30}).json()  # counted from its items, without a query
    past_the_end = client.get(SITES, {"offset": 1000}).json()

    assert len(everything) == 35
    assert window == {"count": 35, "items": everything[30:35]}
    assert last_page == {"count": 35, "items": everything[30:35]}
    assert past_the_end == {"count": 35, "items": []}


@pytest.mark.parametrize(
    "query, field",
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=-1", "limit"),
        ("limit=abc", "limit"),
        ("limit=1e9", "limit"),
        ("limit=2.5", "limit"),
        ("offset=-1", "offset"),
        ("offset=abc", "offset"),
        (f"offset={MAX_OFFSET + 1}", "offset"),
        ("offset=" + "9" * 40, "offset"),
    ],
)
def test_an_out_of_range_limit_or_offset_is_a_400_naming_the_field(client, query, field):
    assert_problem(client.get(f"{SITES}?{query}"), 400, field=field)


def test_the_schema_documents_the_limit_default_and_bound(client):
    schema = client.get(f"{PREFIX}openapi.json").json()
    parameters = {p["name"]: p["schema"] for p in schema["paths"][SITES]["get"]["parameters"]}

    assert parameters["limit"]["default"] == 20
    assert parameters["limit"]["minimum"] == 1
    assert parameters["limit"]["maximum"] == 100
    assert parameters["offset"]["minimum"] == 0
    assert parameters["offset"]["maximum"] == MAX_OFFSET


# Errors raised inside an endpoint


def test_django_permission_denied_is_a_403_problem(client):
    assert_problem(client.get(f"{PREFIX}forbidden/"), 403)


def test_an_unexpected_error_is_a_500_problem_without_internals(client):
    response = client.get(f"{PREFIX}crash/")

    body = assert_problem(response, 500)
    assert b"secret internals" not in response.content
    assert b"Traceback" not in response.content
    assert body["errors"] == {}


def test_error_answers_are_not_stored_by_caches(client):
    cache_control = client.get(PAGES, {"site": "nowhere.localhost"})["Cache-Control"]

    assert "no-store" in cache_control
    assert "public" not in cache_control and "max-age" not in cache_control
