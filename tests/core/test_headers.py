"""Security headers on public pages and the admin: CSP without inline scripts in public, Permissions-Policy."""

import pytest
from bs4 import BeautifulSoup

from tests.support.sites import HANOI

PUBLIC_PATHS = ["/", "/gioi-thieu/", "/hoi-dap/", "/van-ban-thu-tuc-hanh-chinh/", "/tin-tuc-su-kien/"]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_forbid_inline_scripts(client, db, path):
    response = client.get(path, HTTP_HOST=HANOI)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"][0] == "'self'" and "'unsafe-inline'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["default-src"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert "Server" not in response
    soup = BeautifulSoup(response.content, "html.parser")
    inline = [
        script
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") not in ("application/json", "application/ld+json")
    ]
    handlers = [tag.name for tag in soup.find_all(True) if any(name.startswith("on") for name in tag.attrs)]
    assert not inline and not handlers  # the policy would block them


def test_print_buttons_work_without_inline_code(client, db):
    soup = BeautifulSoup(client.get("/gioi-thieu/", HTTP_HOST=HANOI).content, "html.parser")
    assert soup.find("button", attrs={"data-print": True}) is not None
    assert soup.find("script", src=lambda src: src and "portal" in src and src.endswith(".js"))


def test_the_admin_has_its_own_policy(client, hanoi_board):
    client.force_login(hanoi_board)
    response = client.get("/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert "'self'" in policy["script-src"] and policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's own inline code, allowed in the admin only
    assert policy["frame-ancestors"] == ["'self'"] and "Permissions-Policy" in response
