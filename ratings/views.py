"""The target of the rating widget: ``POST /danh-gia/`` (the widget is a form under each rateable page).

The pages stay in the response cache: the widget posts here rather than to the page, carries no CSRF token and
no per-visitor state (``forms``). After a rating the browser is sent back to the page with a 303 and a thank-you
message; the message cookie keeps that one visit out of the cache, so the thanks are never shown to anyone
else. A refused rating is answered here with the form again, the errors naming the field (400), and nothing is
stored; past the rate limit with the shared 429 page.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Site

from core.abuse import HONEYPOT_FIELD, check_rate, too_many_requests_page
from core.post_redirect import see_other

from . import submissions, targets
from .forms import RatingForm

ANCHOR = "#muc-do-hai-long"
NEXT_FIELD = "trang"
THANKS = "Cảm ơn Ông/Bà đã đánh giá. Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn."
UNKNOWN_TARGET = "Nội dung được đánh giá không có trên trang này; vui lòng tải lại trang."
MESSAGE_TAG = "rating"


def back_url(request) -> str:
    """The page the widget was on (a path on this host), else the home page: never another site's address."""
    url = request.POST.get(NEXT_FIELD, "")
    if url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return "/"


@csrf_exempt  # see the module's docstring: a shared page cannot carry one visitor's token
@require_POST
def submit_rating(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Không xác định được trang.")
    back = back_url(request)
    throttled = check_rate(request, "satisfaction")
    if throttled:
        return too_many_requests_page(request, throttled, back, "Trang trước")
    form = RatingForm(request.POST)
    target = None
    if form.is_valid():
        target = targets.find(site, form.cleaned_data["target"])
        if target is None:
            form.add_error("target", UNKNOWN_TARGET)
        elif not submissions.first_rating_today(request, site, target):
            form.add_error("target", submissions.ALREADY_RATED)
    if not form.is_valid() or target is None:
        context = {"form": form, "back_url": back, "next_field": NEXT_FIELD, "honeypot_field": HONEYPOT_FIELD}
        return render(request, "ratings/rating_refused.html", context, status=400)
    data = form.cleaned_data
    submissions.record(site, target, data["level"], data["comment"])
    messages.success(request, THANKS, extra_tags=MESSAGE_TAG)
    return see_other(back + ANCHOR)
