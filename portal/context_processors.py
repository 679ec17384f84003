"""What every public page needs: the site, its profile, its layout (header, notices, footer) and its menu.

Lazy: an answer whose template never shows them (sitemap.xml, a feed) costs neither the layout's lookup nor
its tags.
"""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from .layout import is_english, navigation, site_layout


def portal(request):
    if request.path.startswith(("/admin/", "/api/")):
        return {}
    site = Site.find_for_request(request)
    if site is None:
        return {}
    layout = SimpleLazyObject(lambda: site_layout(request, site))
    return {
        "current_site": site,
        "site_profile": SimpleLazyObject(lambda: layout.profile),
        "site_nav": SimpleLazyObject(lambda: navigation(request, site, layout.sections)),
        "layout": layout,
        "page_lang": "en" if is_english(request) else "vi",
    }
