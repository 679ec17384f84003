"""Public views of every site: the online form of a complaint, denunciation, petition or feedback, and the
tracking page that says where a case stands by its code (status and dates only).

The form counts every attempt against the client's rate limit, as the other public forms do, and enters
through ``transitions.receive`` like a letter does; a received case is confirmed on a page of its own reached
by a 303 (``core.post_redirect``), shown only to the browser that sent it, so a reload never files it twice.
The tracking page finds a case on the site that handles it now or on a site that received it and sent it on
(the citizen keeps one code); it shows no content and no personal data, is rate-limited against guessing, and
is never cached.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site

from core.abuse import HONEYPOT_FIELD, TIMING_FIELD, check_rate, form_token, too_many_requests_page
from core.post_redirect import see_other
from faq.tracking import tracking_page

from . import transitions
from .forms import ComplaintForm
from .models import CaseChannel, ComplaintCase

FORM_TITLE = "Gửi đơn khiếu nại, tố cáo, kiến nghị, phản ánh"
TRACK_TITLE = "Tra cứu đơn khiếu nại, tố cáo, kiến nghị, phản ánh"
# The session key of the case this browser has just sent: the confirmation page shows that one only.
SUBMITTED_KEY = "complaint_submitted"


@require_http_methods(["GET", "HEAD", "POST"])
def complaint_form(request):
    if request.method != "POST":
        return render_form(request, ComplaintForm())
    throttled = check_rate(request, "complaint")
    if throttled:
        return too_many_requests_page(request, throttled, request.path, FORM_TITLE)
    form = ComplaintForm(request.POST)
    if not form.is_valid():
        return render_form(request, form, status=400)
    case = transitions.receive(Site.find_for_request(request), channel=CaseChannel.ONLINE, **form.cleaned_data)
    request.session[SUBMITTED_KEY] = case.pk
    return see_other(reverse("complaint-submitted"))


@require_GET
def submitted(request):
    """The confirmation with the tracking code; without a case sent from this browser, the tracking page."""
    case = ComplaintCase.objects.filter(pk=request.session.get(SUBMITTED_KEY), site=Site.find_for_request(request))
    case = case.first()
    if case is None:
        return HttpResponseRedirect(reverse("complaint-track"))
    response = render(request, "complaints/case_submitted.html", {"case": case, "page_title": FORM_TITLE})
    add_never_cache_headers(response)
    return response


def render_form(request, form, status=200):
    """The form with a fresh timing token each time, so a re-shown form is never stuck on an old one."""
    context = {
        "form": form,
        "page_title": FORM_TITLE,
        "honeypot_field": HONEYPOT_FIELD,
        "timing_field": TIMING_FIELD,
        "form_token": form_token(),
    }
    return render(request, "complaints/case_form.html", context, status=status)


@require_GET
def track(request):
    """Where a case stands, by its code: status and dates only."""
    return tracking_page(
        request,
        template="complaints/tracking.html",
        title=TRACK_TITLE,
        find=ComplaintCase.objects.tracked,
        found_as="case",
    )
