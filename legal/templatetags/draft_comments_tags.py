"""``{% draft_comments page as comments %}``: what the comment section of a draft page shows.

The draft page's own context stays the other parts' business; the section asks for its data here: the
form (the bound one when a refused comment is shown again), the approved comments by article, whether
answers are public yet, and the link to the published report. The form offers the articles of the latest
version that the page has already loaded with its articles.
"""

from django import template
from django.urls import reverse

from core.abuse import HONEYPOT_FIELD, TIMING_FIELD, form_token

from ..comment_forms import ERROR_ANCHOR, CommentForm
from ..comments import latest_version
from ..models import CommentStatus, DraftState
from ..report import group_by_article, report_is_public

register = template.Library()


@register.simple_tag(takes_context=True)
def draft_comments(context, draft):
    state = draft.state()
    approved = (
        draft.comments.filter(status=CommentStatus.APPROVED).select_related("version").order_by("submitted_at", "pk")
    )
    form = context.get("comment_form")
    if form is None and state == DraftState.OPEN:
        version = context["latest_version"] if "latest_version" in context else latest_version(draft)
        form = CommentForm(version=version)
    return {
        "state": state,
        "is_open": state == DraftState.OPEN,
        "answers_public": state == DraftState.CLOSED,
        "form": form,
        "error": context.get("comment_error", ""),
        "action": reverse("draft-comment", args=[draft.pk]) + ERROR_ANCHOR,
        "groups": group_by_article(draft, approved),
        "report_url": reverse("draft-report", args=[draft.pk]) if report_is_public(draft) else "",
        "honeypot_field": HONEYPOT_FIELD,
        "timing_field": TIMING_FIELD,
        "form_token": form_token(),
    }
