"""Template tags the public pages of every app share: ``{% breadcrumbs %}``.

The markup lives in ``core/templates/includes/breadcrumbs.html``; this tag only builds its trail, so that a
template names the pages above it rather than writing the list out again.
"""

from typing import Any

from django import template
from django.template import Context
from wagtail.models import Page

register = template.Library()

# A site's home page sits at this depth; the trail always starts with it as "Trang chủ".
HOME_DEPTH = 2


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: Context, current: str, *above: Any) -> dict[str, object]:
    """``{% breadcrumbs current index procedures_url "Thủ tục hành chính" %}``: the trail from the home page.

    Each argument after ``current`` is a page, a list of pages (``page.breadcrumbs``) or a URL followed by its
    title. A site's home page is left out, as the trail starts with it anyway.
    """
    request = context.get("request")
    trail: list[dict[str, object]] = []
    pending_url: str | None = None
    for item in above:
        if pending_url is not None:
            trail.append({"url": pending_url, "title": item})
            pending_url = None
        elif isinstance(item, str):
            pending_url = item
        else:
            pages = [item] if isinstance(item, Page) else item
            trail += [{"url": page.get_url(request), "title": page.title} for page in pages if page.depth > HOME_DEPTH]
    return {"trail": trail, "current": current}
