"""The site directory (national portal + every province) and the shared links, as every page and the API show them."""

from core.response_cache import tags
from core.text import fold

from .models import PortalLink, SiteKind, SiteProfile


def site_directory():
    """Profiles of every site, the national portal first, then provinces in Vietnamese alphabetical order.

    Sorting on the folded name puts "Đà Nẵng" among the D's and "Hải Phòng" before "Hưng Yên", as a
    reader expects, which the database's byte order does not.
    """
    tags.shows(tags.DIRECTORY)
    profiles = SiteProfile.objects.select_related("site")
    return sorted(profiles, key=lambda p: (p.kind != SiteKind.NATIONAL, fold(p.short_name), p.short_name))


def site_url(site):
    return f"{site.root_url}/"


def shared_links():
    tags.shows(tags.LINKS)
    return list(PortalLink.objects.all())
