"""What every public page needs: the site's profile, its sections for navigation, notices, the directory."""

from wagtail.models import Page, Site

from core.response_cache import tags
from home.models import SiteNotice
from multisite_config.directory import shared_links, site_directory, site_url
from multisite_config.models import SiteKind, SiteProfile


def portal(request):
    if request.path.startswith(("/admin/", "/api/")):
        return {}
    site = Site.find_for_request(request)
    if site is None:
        return {}
    tags.shows(tags.layout(site.pk))
    directory = site_directory()
    return {
        "current_site": site,
        "site_profile": own_profile(site, directory),
        "site_nav": navigation(request, site),
        "site_notices": SiteNotice.objects.current(site),
        "directory": [directory_entry(profile, site) for profile in directory],
        "portal_links": shared_links(),
    }


def own_profile(site, directory):
    """The site's profile, picked from the directory already loaded so the page costs no extra query."""
    return next((profile for profile in directory if profile.site_id == site.pk), None) or SiteProfile.for_site(site)


def directory_entry(profile, site):
    """One link of the directory: the national portal by its full name, a province by its short one."""
    national = profile.kind == SiteKind.NATIONAL
    return {
        "name": profile.full_name if national else profile.short_name or profile.full_name,
        "url": site_url(profile.site),
        "national": national,
        "current": profile.site_id == site.pk,
    }


def navigation(request, site):
    """The home link and the site's menu sections, each with the aria-current value it deserves.

    The page shown is the one Wagtail routed this request to (cached on the request, so no query); on
    other views (sitemap, 404) it is None and nothing is current.
    """
    page = Page.find_for_request(request, request.path)
    sections = site.root_page.get_children().live().in_menu().only("id", "title", "path", "depth", "url_path")
    home = {"title": "Trang chủ", "url": "/", "current": "page" if page and page.pk == site.root_page_id else None}
    items = [home]
    for section in sections:
        url = section.get_url(request)
        items.append({"title": section.title, "url": url, "current": aria_current(section, page, request, url)})
    return items


def aria_current(section, page, request, url):
    """The section's own page is the "page"; anywhere below it, the section is "true" (the current location).

    Tree paths nest: a page lies below a section exactly when the section's path is a prefix of the page's.
    A routable section's sub-routes (``/hoi-dap/tra-cuu/``) are served by the section page itself but are
    not that page, so they are "true" too.
    """
    if page is None:
        return None
    if page.pk == section.pk:
        return "page" if request.path == url else "true"
    return "true" if page.path.startswith(section.path) else None
