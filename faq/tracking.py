"""Looking up a record by its code, for information requests and complaint cases alike: the public page and the
API endpoint."""

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from wagtail.models import Site

from core.abuse import check_rate, too_many_requests_page
from core.api.scoping import resolve_site
from core.api.submissions import too_many_requests

from .forms import TrackingForm


def tracking_page(request, *, template, title, find, found_as):
    """Where a record stands: the empty form, 400 for a malformed code, lookups rate-limited like every public
    lookup, then the record ``find(site, code)`` returns on this site (404 when none) as ``found_as`` in the
    template. Never cached: the status changes while the page is read."""
    form = TrackingForm(request.GET if "ma" in request.GET else None)
    context = {"form": form, "page_title": title}
    if not form.is_bound:
        return render(request, template, context)
    if not form.is_valid():
        return render(request, template, context, status=400)
    throttled = check_rate(request, "track")
    if throttled:
        return too_many_requests_page(request, throttled, request.path, title)
    record = find(Site.find_for_request(request), form.cleaned_data["ma"])
    context.update({found_as: record, "looked_up": True})
    response = render(request, template, context, status=200 if record else 404)
    add_never_cache_headers(response)
    return response


def tracked_record(request, scope, code, *, find, missing):
    """The API's side of the same lookup: the record ``find(site, code)`` returns on the site asked about, a 429
    answer when the client has looked up too many codes, 404 (``missing``) when no record of the site has it."""
    site = resolve_site(request, scope)
    throttled = check_rate(request, "track")
    if throttled:
        return too_many_requests(throttled)
    record = find(site, code)
    if record is None:
        raise Http404(missing)
    return record
