"""What a write to the platform's records purges (``core/response_cache/invalidation.py``).

A site's profile (its names, address, hotline) shows in its own layout and in the directory every site
shows; the shared links show on every site. Staff groups are never public.
"""

from core.response_cache import tags
from core.response_cache.invalidation import register

from .models import PortalLink, SiteGroup, SiteProfile


def connect():
    register(SiteProfile, lambda profile: [tags.layout(profile.site_id), tags.DIRECTORY])
    register(PortalLink, lambda link: [tags.LINKS])
    register(SiteGroup, lambda group: [])
