"""The English contact page (``/en/contact/``): Vietnamese government portals must offer their organisation
and contacts in English. The site comes from the request, like every public page; the page is named after the
office's English name (``name_en``), never the Vietnamese one."""

from django.http import Http404
from django.shortcuts import render
from wagtail.models import Site

from .directory import site_units
from .models.units import Unit


def contact_en(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    units = list(site_units(site))
    office = next((unit for unit in units if unit.kind == Unit.Kind.PROVINCIAL_OFFICE), None)
    context = {"units": units, "office": office, "page_title": "Contact"}
    return render(request, "contacts/contact_en.html", context)
