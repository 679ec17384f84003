"""The site a host names is looked up once and kept until a site or its home page changes.

Tests run inside a transaction that never commits, so each change is made inside
``django_capture_on_commit_callbacks(execute=True)``: the purges run as they would on commit.
"""

from tests.support.growth import queries_for
from tests.support.sites import HANOI, HANOI_NAME, NATIONAL_NAME


def test_a_known_host_costs_no_site_query_once_looked_up(client, fragments_only):
    assert queries_for(client, HANOI, "/robots.txt") == 1
    fragments_only()
    assert queries_for(client, HANOI, "/robots.txt") == 0


def test_another_host_falls_back_to_the_default_site_and_is_never_kept(client, fragments_only):
    """Made-up host names must not fill the store: they are looked up each time."""
    fragments_only()
    assert queries_for(client, "khong-co.localhost", "/robots.txt") == 1
    assert "Sitemap: http://localhost/sitemap.xml" in client.get("/robots.txt", HTTP_HOST="khong-co.localhost").text


def test_a_new_host_name_is_served_at_once(client, response_cache, hanoi, django_capture_on_commit_callbacks):
    assert HANOI_NAME in client.get("/", HTTP_HOST=HANOI).text
    with django_capture_on_commit_callbacks(execute=True):
        hanoi.hostname = "thudo.localhost"
        hanoi.save()
    assert HANOI_NAME in client.get("/gioi-thieu/", HTTP_HOST="thudo.localhost").text
    old_host = client.get("/gioi-thieu/", HTTP_HOST=HANOI).text
    assert NATIONAL_NAME in old_host and HANOI_NAME not in old_host
