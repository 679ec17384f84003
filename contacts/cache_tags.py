"""What a write to the contacts and citizen reception purges (``core/response_cache/invalidation.py``).

Units, their leaders, the reception place and schedule show on the site's contact page and in the contacts
and reception API: each purges its own site's contacts and nothing of another site. The reception log
(who came, about what) is never public.
"""

from core.response_cache import tags
from core.response_cache.invalidation import register

from .models.reception import ReceptionLog, ReceptionSchedule, ReceptionSettings
from .models.units import Leader, Unit


def connect():
    register(Unit, lambda unit: [tags.listing("contacts", unit.site_id)])
    register(Leader, lambda leader: [tags.listing("contacts", leader.unit.site_id)])
    register(ReceptionSettings, lambda settings: [tags.listing("contacts", settings.site_id)])
    register(ReceptionSchedule, lambda day: [tags.listing("contacts", day.site_id)])
    register(ReceptionLog, lambda entry: [])
