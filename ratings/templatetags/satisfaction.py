"""``{% rating_widget content %}``: the satisfaction rating under a procedure, an answer or a content page.

The same markup for every visitor (the page is shared by the response cache): the form, and the thank-you
message only for the browser that just rated (its message cookie keeps that visit out of the cache). A page of
another site shown here (a shared national article) gets no widget: its ratings belong to the site that owns it.
"""

from django import template
from django.urls import reverse
from wagtail.models import Page, Site

from core.abuse import HONEYPOT_FIELD

from ..forms import RatingForm
from ..targets import key_of
from ..views import MESSAGE_TAG, NEXT_FIELD

register = template.Library()


@register.inclusion_tag("ratings/widget.html", takes_context=True)
def rating_widget(context, content):
    request = context["request"]
    key = key_of(content)
    if key is not None and isinstance(content, Page):
        site = Site.find_for_request(request)
        if site is None or not content.path.startswith(site.root_page.path):
            key = None
    stored = context.get("messages") or ()
    return {
        "key": key,
        "form": RatingForm(initial={"target": key}),
        "action": reverse("rating-submit"),
        "back_url": request.path,
        "next_field": NEXT_FIELD,
        "honeypot_field": HONEYPOT_FIELD,
        "thanks": [message for message in stored if MESSAGE_TAG in message.tags] if stored else [],
    }
