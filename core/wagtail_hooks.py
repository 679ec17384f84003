"""Every page Wagtail serves records the tags of what it shows (``core/response_cache/tags.py``); every slug
field of the admin folds Vietnamese to ASCII (``core/slugs.py``); a yes/no value reads "Có"/"Không"
(``core/yes_no.py``)."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.models import Page, Site

from .response_cache import tags
from .slugs import AsciiSlugField, VietnameseSlugInput
from .yes_no import yes_no  # noqa: F401  (registers Wagtail's yes/no filter chips and revision comparisons)

# Registered after Wagtail's own override for SlugField (imported above), so this one is the one used.
register_form_field_override(models.SlugField, override={"form_class": AsciiSlugField, "widget": VietnameseSlugInput})


@hooks.register("before_serve_page")
def record_page_tags(page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> None:
    """The page itself, the list of its children, and the per-site lists its type names in ``shows_lists``.

    A section page (news, documents, Q&A, contacts) lists records of its site; the site is the one serving
    the request, which Wagtail has already looked up (no query).
    """
    tags.shows(tags.page(page.pk), tags.children(page.path))
    lists = getattr(page, "shows_lists", ())
    site = Site.find_for_request(request) if lists else None
    if site is not None:
        tags.shows(*(tags.listing(name, site.pk) for name in lists))
