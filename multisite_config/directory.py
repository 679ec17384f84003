"""The site directory (national portal + every province) and the shared links, as every page and the API show them."""

from django.http.request import split_domain_port

from core.collation import vietnamese_key
from core.response_cache import tags

from .models import PortalLink, SiteKind, SiteProfile


def site_directory():
    """Profiles of every site, the national portal first, then provinces in Vietnamese alphabetical order.

    ``core.collation.vietnamese_key`` puts "Cao Bằng" before "Cần Thơ" and "Đà Nẵng" after "Dak …", as a
    Vietnamese reader expects, which neither the database's byte order nor the folded name does.
    """
    tags.shows(tags.DIRECTORY)
    profiles = SiteProfile.objects.select_related("site")
    return sorted(profiles, key=lambda p: (p.kind != SiteKind.NATIONAL, vietnamese_key(p.short_name)))


def site_url(site, request=None):
    """The site's home page; asked from a page, on the scheme and port that page was reached on.

    The port stored with each site is the one the bootstrap was run for; a portal served on another port (or
    behind a proxy on 80/443) must link its sites where the reader can reach them, as the request shows.
    """
    if request is None:
        return f"{site.root_url}/"
    return f"{request.scheme}://{site.hostname}{request_port_suffix(request)}/"


def request_port_suffix(request):
    """ ":8731" when the request's Host names a port, "" when it names none (the scheme's default)."""
    _domain, port = split_domain_port(request.get_host())
    return f":{port}" if port else ""


def shared_links():
    tags.shows(tags.LINKS)
    return list(PortalLink.objects.all())
