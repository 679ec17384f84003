"""What a site's home page shows of its contacts (declared in ``ContactsConfig.home_panels``): whom to call and
when to come.

The site's own line and the national hotline (1900 9068) side by side, each named for what it is, so no province
passes the national hotline off as its own; the reception place and regular hours, and the next day a leader
receives citizens (seed 004: the head receives at least one day a month, published on the site). Tagged with
the site's contacts (reception settings and schedule) and the directory (every site's profile).
"""

from django.db.models import Q
from django.utils import timezone

from core.response_cache import tags
from core.sections import HomePanel
from multisite_config.models import SiteKind, SiteProfile

from .models.reception import ReceptionSchedule, ReceptionSettings


def hotline_and_reception(request, site):
    tags.shows(tags.listing("contacts", site.pk), tags.DIRECTORY)
    profiles = SiteProfile.objects.filter(Q(site=site) | Q(kind=SiteKind.NATIONAL))
    phones = profiles.values_list("site_id", "kind", "phone")
    own_phone = national_hotline = ""
    for site_id, kind, phone in phones:
        own_phone = phone if site_id == site.pk else own_phone
        national_hotline = phone if kind == SiteKind.NATIONAL else national_hotline
    reception = ReceptionSettings.objects.filter(site=site).only("place", "regular_hours").first()
    next_day = (
        ReceptionSchedule.objects.filter(site=site)
        .upcoming(timezone.localdate())
        .select_related("leader")
        .only("date", "start_time", "end_time", "place", "mode", "leader__name", "leader__title")
        .first()
    )
    return HomePanel(
        "contacts/home/hotline_and_reception.html",
        {
            "own_phone": "" if own_phone == national_hotline else own_phone,
            "national_hotline": national_hotline,
            "reception": reception,
            "next_day": next_day,
        },
    )
