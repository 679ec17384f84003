"""``{{ moment|local_time }}`` in the admin's record pages: the portal's time zone whatever the reader's profile
says, as the listings show it (``core.record_listing.local_text``)."""

import datetime as dt

from django import template

from core.record_listing import local_text

register = template.Library()


@register.filter
def local_time(moment: dt.datetime | None) -> str:
    return local_text(moment)
