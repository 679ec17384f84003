"""What every public page of a site shows around its content: header, menu, notices, footer with the directory.

The same for every page of a site, so it is built once per site and kept as a response cache fragment
(``core/response_cache/fragments.py``) under the tags of what it shows: the site's layout (its profile, menu
sections and notices), the directory of sites and the shared links. The header, notices and footer are kept
as HTML; the menu is kept as data, because which entry is current (``aria-current``) differs on every page
and is worked out per request from the page Wagtail routed to, without a query.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail.models import Page

from core.response_cache import fragments, tags
from home.menu import MenuSection, menu_sections
from home.models import SiteNotice
from multisite_config.directory import request_port_suffix, shared_links, site_directory, site_url
from multisite_config.models import SiteKind, SiteProfile

HOME_TITLE = "Trang chủ"
# English pages (``/en/…``, the contact page foreign readers need) name the menu in English: the standard
# sections by their path (the same on every site), the Vietnamese contact page replaced by the English one.
# A section an editor added, with no English name here, keeps its Vietnamese title marked ``lang="vi"``.
ENGLISH_PREFIX = "/en/"
ENGLISH_HOME_TITLE = "Home"
ENGLISH_SECTIONS = {
    "/gioi-thieu/": ("About us", None),
    "/tin-tuc-su-kien/": ("News and events", None),
    "/van-ban-thu-tuc-hanh-chinh/": ("Legal documents and procedures", None),
    "/hoi-dap/": ("Questions and answers", None),
    "/lien-he/": ("Contact", "/en/contact/"),
    "/thong-tin-cong-khai/": ("Public information", None),
}


@dataclass(frozen=True)
class SiteLayout:
    profile: SiteProfile | None
    sections: tuple[MenuSection, ...]
    brand: SafeString
    notices: SafeString
    footer: SafeString


def site_layout(request, site):
    """The site's layout, from the response cache store while nothing it shows has changed.

    The directory's links carry the request's scheme and port (``site_url``), so the fragment is kept per origin.
    """
    origin = f"{request.scheme}{request_port_suffix(request)}"
    return fragments.fragment(f"layout-{site.pk}-{origin}", lambda: build(request, site))


def build(request, site):
    tags.shows(tags.layout(site.pk), tags.site(site.pk))
    directory = site_directory()
    profile = own_profile(site, directory)
    shown = {
        "site_profile": profile,
        "national_hotline": national_hotline(directory),
        "site_notices": SiteNotice.objects.current(site),
        "directory": [directory_entry(entry, site, request) for entry in directory],
        "portal_links": shared_links(),
    }
    return SiteLayout(
        profile=profile,
        sections=menu_sections(request, site),
        brand=render_to_string("includes/site_brand.html", shown),
        notices=render_to_string("includes/site_notices.html", shown),
        footer=render_to_string("includes/site_footer.html", shown),
    )


def own_profile(site, directory):
    """The site's profile, picked from the directory already loaded so the page costs no extra query."""
    return next((profile for profile in directory if profile.site_id == site.pk), None) or SiteProfile.for_site(site)


def national_hotline(directory):
    """The national portal's phone, which every site's footer gives besides (or for want of) the site's own."""
    return next((profile.phone for profile in directory if profile.kind == SiteKind.NATIONAL), "")


def directory_entry(profile, site, request):
    """One link of the directory: the national portal by its full name, a province by its short one."""
    national = profile.kind == SiteKind.NATIONAL
    return {
        "name": profile.full_name if national else profile.short_name or profile.full_name,
        "url": site_url(profile.site, request),
        "national": national,
        "current": profile.site_id == site.pk,
    }


def is_english(request):
    return request.path.startswith(ENGLISH_PREFIX)


def navigation(request, site, sections):
    """The home link and the menu sections, each with the aria-current value it deserves on this page.

    The page shown is the one Wagtail routed this request to (cached on the request, so no query); on
    other views (sitemap, 404) it is None and nothing is current.
    """
    if is_english(request):
        return english_navigation(request, sections)
    page = Page.find_for_request(request, request.path)
    home = {"title": HOME_TITLE, "url": "/", "current": "page" if page and page.pk == site.root_page_id else None}
    return [home] + [
        {"title": section.title, "url": section.url, "current": aria_current(section, page, request)}
        for section in sections
    ]


def english_navigation(request, sections):
    """The menu in English; the links still lead to the Vietnamese sections (``hreflang="vi"``), except the
    contact page, which has its English version."""
    items = [{"title": ENGLISH_HOME_TITLE, "url": "/", "current": None, "hreflang": "vi"}]
    for section in sections:
        title, english_url = ENGLISH_SECTIONS.get(section.url, (None, None))
        url = english_url or section.url
        items.append(
            {
                "title": title or section.title,
                "url": url,
                "current": "page" if url == request.path else None,
                "lang": None if title else "vi",
                "hreflang": None if english_url else "vi",
            }
        )
    return items


def aria_current(section, page, request):
    """The section's own page is the "page"; anywhere below it, the section is "true" (the current location).

    Tree paths nest: a page lies below a section exactly when the section's path is a prefix of the page's.
    A routable section's sub-routes (``/hoi-dap/tra-cuu/``) are served by the section page itself but are
    not that page, so they are "true" too.
    """
    if page is None:
        return None
    if page.pk == section.pk:
        return "page" if request.path == section.url else "true"
    return "true" if page.path.startswith(section.path) else None
