"""The English contact page (``/en/contact/``): Vietnamese government portals must offer their organisation
and contacts in English. The site comes from the request, like every public page."""

from django.http import Http404
from django.shortcuts import render
from wagtail.models import Site

from .directory import site_units


def contact_en(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return render(request, "contacts/contact_en.html", {"units": site_units(site), "page_title": "Contact"})
