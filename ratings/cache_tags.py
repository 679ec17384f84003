"""A new rating changes only the site's satisfaction summary (``ratings-<site>``), never the pages it rates:
the widget shows no counts, so the pages stay in the response cache."""

from core.response_cache import tags
from core.response_cache.invalidation import register

from .models import Rating


def connect():
    register(Rating, lambda rating: [tags.listing("ratings", rating.site_id)])
