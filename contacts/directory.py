"""What a site publishes about its contacts and citizen reception, read the same way by the contact page,
the English page and the API, so they can never disagree. A flat number of queries whatever the size:
units with their leaders (two), the reception settings (one), the upcoming schedule with leaders (one).
Everything here is about one site only: a province's contacts never show under another.
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, Value, When

from core.response_cache import tags

from .models.reception import ReceptionSchedule, ReceptionSettings
from .models.units import Leader, Unit

UPCOMING_LIMIT = 20
KIND_ORDER = [Unit.Kind.PROVINCIAL_OFFICE, Unit.Kind.DEPARTMENT, Unit.Kind.LOCAL_OFFICE]


def site_units(site):
    """The site's units with their leaders, the office first, then departments, then local offices."""
    tags.shows(tags.listing("contacts", site.pk))
    kind_rank = Case(
        *(When(kind=kind, then=Value(rank)) for rank, kind in enumerate(KIND_ORDER)),
        default=Value(len(KIND_ORDER)),
        output_field=IntegerField(),
    )
    return (
        Unit.objects.filter(site=site)
        .order_by(kind_rank, "name", "pk")
        .prefetch_related(
            Prefetch("leaders", queryset=Leader.objects.select_related("photo").order_by("sort_order", "pk"))
        )
    )


@dataclass
class Reception:
    settings: ReceptionSettings
    upcoming: list


def site_reception(site, limit=UPCOMING_LIMIT):
    """The site's reception place, hours, rules and its next scheduled days (with the leader)."""
    tags.shows(tags.listing("contacts", site.pk))
    settings = ReceptionSettings.objects.filter(site=site).first() or ReceptionSettings(site=site)
    upcoming = list(ReceptionSchedule.objects.filter(site=site).upcoming().select_related("leader")[:limit])
    return Reception(settings, upcoming)
