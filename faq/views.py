"""Public views of the faq app that are not pages: the request for information form of every site."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from core.abuse import HONEYPOT_FIELD, TIMING_FIELD, check_rate, form_token, too_many_requests_page

from . import information_requests
from .request_forms import InformationRequestForm

PAGE_TITLE = "Yêu cầu cung cấp thông tin"


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
    return render(request, "faq/request_submitted.html", {"info_request": info_request, "page_title": PAGE_TITLE})


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
