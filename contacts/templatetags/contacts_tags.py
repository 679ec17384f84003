"""``{% site_contacts as contacts %}``: the requesting site's units, leaders and reception for its "Liên hệ"
section, which stays a plain ``SectionPage`` created by the bootstrap."""

from django import template
from wagtail.models import Site

from ..directory import site_reception, site_units

register = template.Library()


@register.simple_tag(takes_context=True)
def site_contacts(context):
    site = contacts_site(context.get("page"), context["request"])
    return {"units": site_units(site), "reception": site_reception(site)}


def contacts_site(page, request):
    """The site whose contacts the page shows: the request's (loaded already), unless the page is elsewhere."""
    site = Site.find_for_request(request)
    if page is None or (site is not None and page.path.startswith(site.root_page.path)):
        return site
    return page.get_site()
