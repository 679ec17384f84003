"""Wagtail's stable pages API at /api/v2/: read-only, filtered by ``?site=``; the v3 preview is not mounted."""

import pytest

from home.models import SectionPage
from tests.support.api import PROBLEM_KEYS

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def listed(client, site):
    response = client.get(PAGES, {"site": site})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["meta"]["total_count"] == len(body["items"])
    return body["items"]


def test_site_filter_returns_only_that_sites_pages(client, hanoi, danang):
    hanoi_items = listed(client, "hanoi.localhost")
    danang_items = listed(client, "danang.localhost")

    hanoi_home = next(item for item in hanoi_items if item["id"] == hanoi.root_page_id)
    assert hanoi_home["title"] == "Bảo hiểm xã hội thành phố Hà Nội"
    assert all(item["meta"]["html_url"].startswith("http://hanoi.localhost/") for item in hanoi_items)
    assert all(item["meta"]["html_url"].startswith("http://danang.localhost/") for item in danang_items)
    assert not {item["id"] for item in hanoi_items} & {item["id"] for item in danang_items}


def test_an_unknown_site_is_a_client_error(client):
    assert client.get(PAGES, {"site": "nowhere.localhost"}).status_code == 404


@pytest.mark.parametrize(
    "site",
    [
        "%ff",
        "\x00",
        "a" * 300,
        "hanoi.localhost:abc",
        "hanoi.localhost:99999999999999999999",
    ],
)
def test_a_malformed_site_is_never_a_server_error(client, site):
    status = client.get(PAGES, {"site": site}).status_code

    assert 400 <= status < 500


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused(client, hanoi, method):
    for url in (PAGES, f"{PAGES}{hanoi.root_page_id}/"):
        response = getattr(client, method)(url, data={"title": "x"}, content_type="application/json")
        assert response.status_code == 405, url


@pytest.mark.parametrize("path", ["/api/v3/", "/api/v3/pages/", "/api/v3/pages/1/"])
def test_the_v3_preview_api_is_not_mounted(client, path):
    assert client.get(path).status_code == 404


def test_only_the_pages_endpoint_of_v2_is_mounted(client):
    """v2's documents and images lists are not site-scoped, so they are not exposed."""
    assert client.get("/api/v2/documents/").status_code == 404
    assert client.get("/api/v2/images/").status_code == 404


def refused(client, params, field):
    """The answer to ``params``: a 400 in problem JSON whose errors name ``field`` in Vietnamese."""
    response = client.get(PAGES, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert set(body) == PROBLEM_KEYS and body["status"] == 400 and body["title"] == "Yêu cầu không hợp lệ"
    assert list(body["errors"]) == [field]
    assert f"Tham số {field}" in body["errors"][field][0]
    return body


@pytest.mark.parametrize(
    "field, value",
    [
        ("offset", "99999999999999999999"),
        ("offset", "1000001"),
        ("offset", "-1"),
        ("offset", "abc"),
        ("offset", "1.5"),
        ("offset", "１"),
        ("offset", ""),
        ("limit", "-1"),
        ("limit", "abc"),
        ("limit", "21"),
        ("limit", "99999999999999999999"),
        ("limit", " 1"),
    ],
)
def test_a_limit_or_offset_that_is_no_bounded_integer_is_a_400_naming_it(client, field, value):
    refused(client, {field: value}, field)


def test_the_largest_offset_and_limit_still_answer(client, hanoi):
    response = client.get(PAGES, {"site": "hanoi.localhost", "offset": 1_000_000, "limit": 20})

    assert response.status_code == 200
    assert response.json()["items"] == [] and response.json()["meta"]["total_count"] > 0


@pytest.mark.parametrize("search", ['"', '""', 'a"b', "NEAR(a b)", "{title}:x", "x*", "^x", "a & b | !c", "x:*", "-"])
def test_search_syntax_is_searched_as_text(client, hanoi, search):
    response = client.get(PAGES, {"site": "hanoi.localhost", "search": search})

    assert response.status_code == 200, response.content
    assert response.json()["items"] == []


def test_a_quoted_search_finds_the_page_holding_the_words(client, hanoi):
    page = hanoi.root_page.add_child(instance=SectionPage(title='Quy chế "một cửa"', slug="quy-che-mot-cua"))
    page.save_revision().publish()

    for search in ('"một cửa"', '"một', 'cửa"'):
        response = client.get(PAGES, {"site": "hanoi.localhost", "search": search})
        assert [item["id"] for item in response.json()["items"]] == [page.pk], search


def test_search_length_and_operator_are_checked(client):
    refused(client, {"search": "x" * 201}, "search")
    refused(client, {"search": "x", "search_operator": "xor"}, "search_operator")
    assert client.get(PAGES, {"search": "x" * 200, "search_operator": "or"}).status_code == 200


@pytest.mark.parametrize("value", ["x", "2025-13-01", "99999999999999999999"])
def test_a_field_filter_value_the_field_cannot_read_is_a_400_naming_it(client, value):
    refused(client, {"first_published_at": value}, "first_published_at")


def test_a_nul_byte_is_a_400_naming_its_parameter(client):
    refused(client, {"title": "a\x00b"}, "title")
    refused(client, {"site": "\x00"}, "site")


def test_wagtails_own_refusals_and_unknown_pages_are_problem_json_too(client):
    unknown = client.get(PAGES, {"nonsense": "1"})
    missing = client.get(f"{PAGES}999999999/")

    assert unknown.status_code == 400 and unknown["Content-Type"].startswith("application/problem+json")
    assert "nonsense" in unknown.json()["detail"]
    assert missing.status_code == 404 and missing.json()["title"] == "Không tìm thấy"
