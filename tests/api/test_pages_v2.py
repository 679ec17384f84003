"""Wagtail's stable pages API at /api/v2/: read-only, filtered by ``?site=``; the v3 preview is not mounted."""
import pytest

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


@pytest.mark.parametrize("site", [
    "%ff", "\x00", "a" * 300, "hanoi.localhost:abc", "hanoi.localhost:99999999999999999999",
])
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
