"""GET /api/v1/sites/: the directory of the 35 sites and the shared links, public and cacheable."""

import pytest
from wagtail.models import Site

from multisite_config.models import PortalLink, SiteKind, SiteProfile

URL = "/api/v1/sites/"
SITE_KEYS = {"code", "name", "kind", "hostname", "url"}
# One query for the directory (profiles joined with their sites), one for the links; none per site.
MAX_QUERIES = 2

pytestmark = pytest.mark.django_db


def test_lists_every_site_and_the_shared_links_without_authentication(client):
    response = client.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(body["items"]) == 35
    assert all(set(item) == SITE_KEYS for item in body["items"])
    national, *provinces = body["items"]
    assert national == {
        "code": "00",
        "name": "Bảo hiểm xã hội Việt Nam",
        "kind": "national",
        "hostname": "localhost",
        "url": "http://localhost/",
    }
    assert {item["kind"] for item in provinces} == {"province"}
    hanoi = next(item for item in provinces if item["hostname"] == "hanoi.localhost")
    assert hanoi["url"] == "http://hanoi.localhost/"
    assert "Hà Nội" in hanoi["name"]
    government = {"title": "Cổng Thông tin điện tử Chính phủ", "url": "https://chinhphu.vn/", "group": "government"}
    assert government in body["links"]
    assert {link["group"] for link in body["links"]} == {"government", "ministries", "public_services"}


def test_json_is_readable_utf8(client):
    response = client.get(URL)

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Hà Nội".encode() in response.content
    assert b"\\u" not in response.content


def test_get_is_public_cacheable_with_etag_and_a_matching_if_none_match_gets_304(client):
    first = client.get(URL)
    etag = first["ETag"]
    cache_control = first["Cache-Control"]

    again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    other = client.get(URL, HTTP_IF_NONE_MATCH='"not-the-etag"')

    assert "public" in cache_control and "max-age=60" in cache_control
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert other.status_code == 200


def test_etag_changes_with_the_content(client):
    before = client.get(URL)["ETag"]
    PortalLink.objects.filter(url="https://chinhphu.vn/").update(title="Cổng Chính phủ")

    after = client.get(URL, HTTP_IF_NONE_MATCH=before)

    assert after.status_code == 200
    assert after["ETag"] != before


def test_signed_in_reader_gets_a_private_answer(client, hanoi_editor):
    client.force_login(hanoi_editor)

    cache_control = client.get(URL)["Cache-Control"]

    assert "private" in cache_control and "public" not in cache_control


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_methods_are_a_405_problem(client, method):
    response = getattr(client, method)(URL, data={}, content_type="application/json")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert response["Allow"] == "GET"
    body = response.json()
    assert body["status"] == 405
    assert method.upper() in body["detail"]


def add_site(hostname, national):
    site = Site.objects.create(hostname=hostname, port=80, root_page=national.root_page, site_name=hostname)
    SiteProfile.objects.create(site=site, kind=SiteKind.PROVINCE, code=hostname[:8], full_name=hostname)


def test_query_count_is_small_and_independent_of_the_number_of_sites(
    client,
    national,
    django_assert_max_num_queries,
):
    with django_assert_max_num_queries(MAX_QUERIES) as with_35_sites:
        client.get(URL)
    for number in range(5):
        add_site(f"extra{number}.localhost", national)

    with django_assert_max_num_queries(MAX_QUERIES) as with_40_sites:
        body = client.get(URL).json()

    assert body["count"] == 40
    assert len(with_40_sites) == len(with_35_sites)
