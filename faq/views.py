"""Public views of the faq app that are not pages: the request for information of every site, at
``/yeu-cau-cung-cap-thong-tin/`` (``faq.urls``): the art. 24 form, its confirmation and tracking by code.

The form redirects after a valid POST (303, "Post/Redirect/Get") to a confirmation shown only to the browser
that sent the request, so reloading it sends nothing again. Tracking mirrors the questions' and the complaint
cases': status and dates only (never what was asked, never the requester), on the site that received the
request and no other, rate-limited against guessing and never cached.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site

from core.abuse import HONEYPOT_FIELD, TIMING_FIELD, check_rate, form_token, too_many_requests_page

from . import information_requests
from .models import InformationRequest
from .request_forms import InformationRequestForm
from .tracking import tracking_page

PAGE_TITLE = "Yêu cầu cung cấp thông tin"
TRACK_TITLE = "Tra cứu yêu cầu cung cấp thông tin"
# Session key: the request this browser just sent, whose confirmation (and code) only it may see.
SUBMITTED_KEY = "faq:request_submitted"


@require_http_methods(["GET", "HEAD", "POST"])
def information_request(request):
    """The art. 24 form of the requesting site; every attempt counts towards the rate limit, valid or not."""
    if request.method != "POST":
        return render_form(request, InformationRequestForm())
    throttled = check_rate(request, "information_request")
    if throttled:
        return too_many_requests_page(request, throttled, request.path, PAGE_TITLE)
    form = InformationRequestForm(request.POST)
    if not form.is_valid():
        return render_form(request, form, status=400)
    info_request = information_requests.submit(Site.find_for_request(request), **form.cleaned_data)
    request.session[SUBMITTED_KEY] = info_request.pk
    response = HttpResponseRedirect(reverse("information-request-submitted"))
    response.status_code = 303  # the browser fetches the confirmation with GET: a reload sends nothing again
    return response


def render_form(request, form, status=200):
    """The form with a fresh timing token each time, so a re-shown form is never stuck on an old one."""
    return render(
        request,
        "faq/request_form.html",
        {
            "form": form,
            "page_title": PAGE_TITLE,
            "honeypot_field": HONEYPOT_FIELD,
            "timing_field": TIMING_FIELD,
            "form_token": form_token(),
        },
        status=status,
    )


@require_GET
def request_submitted(request):
    """The confirmation with the code and the tracking link, for the browser that sent the request on this
    site; anyone else (or a later visit of another site) is sent to the tracking page."""
    info_request = InformationRequest.objects.filter(
        pk=request.session.get(SUBMITTED_KEY), site=Site.find_for_request(request)
    ).first()
    if info_request is None:
        return HttpResponseRedirect(reverse("information-request-track"))
    response = render(
        request,
        "faq/request_submitted.html",
        {"info_request": info_request, "page_title": PAGE_TITLE, "track_url": reverse("information-request-track")},
    )
    add_never_cache_headers(response)
    return response


@require_GET
def track(request):
    """Where a request stands, by its code (typed with or without the hyphen, in any case)."""
    return tracking_page(
        request,
        template="faq/request_tracking.html",
        title=TRACK_TITLE,
        find=InformationRequest.objects.tracked,
        found_as="info_request",
    )
