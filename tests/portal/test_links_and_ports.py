"""Links in e-mails carry the host and port that serve the portal, and no admin page asks gravatar.com for an
avatar (issue 16, "Links and ports"): the portal's network may not reach it, and the admin's policy allows
images from the portal only."""

import pytest
from django.conf import settings

from portal.settings.base import _base_url


@pytest.mark.parametrize(
    ("domain", "port", "url"),
    [
        ("localhost", 8000, "http://localhost:8000"),
        ("localhost", 8080, "http://localhost:8080"),
        ("baohiemxahoi.gov.vn", 443, "https://baohiemxahoi.gov.vn"),
        ("cong.bhxh.vn", 80, "http://cong.bhxh.vn"),
    ],
)
def test_the_admin_base_url_follows_the_portals_domain_and_port(domain, port, url):
    assert _base_url(domain, port) == url


def test_gravatar_is_off():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/users/", "/admin/pages/"])
def test_no_admin_page_links_an_avatar_outside_the_portal(admin_client, path):
    user = admin_client.get("/admin/").wsgi_request.user
    user.email = "admin@example.vn"  # gravatar URLs are built from an e-mail address
    user.save()
    html = admin_client.get(path).content.decode()
    assert "gravatar" not in html.lower()
