"""``{% site_contacts as contacts %}``: the requesting site's units, leaders and reception for its "Liên hệ"
section, which stays a plain ``SectionPage`` created by the bootstrap."""
from django import template
from wagtail.models import Site

from ..directory import site_reception, site_units

register = template.Library()


@register.simple_tag(takes_context=True)
def site_contacts(context):
    page = context.get("page")
    site = page.get_site() if page is not None else Site.find_for_request(context["request"])
    return {"units": site_units(site), "reception": site_reception(site)}
