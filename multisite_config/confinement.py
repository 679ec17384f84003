"""Which sites a staff user may reach, answered once per request and used by every admin and API check.

Confinement is a security property: every place that lists or opens content asks these functions, rather
than each view filtering in its own way. A user reaches every site if they are a superuser or in the
national communication centre group; otherwise exactly the sites of the site groups they belong to.
"""
from django.db.models import Q
from wagtail.models import Page, Site

from .models import SiteGroup, SiteRole

_CACHE_ATTR = "_vss_reachable_sites"


def reaches_all_sites(user):
    """True for superusers and members of the national communication centre."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return _reachable(user)[0]


def reachable_sites(user):
    """The sites whose content this user may see in the admin (all of them for the national centre)."""
    if reaches_all_sites(user):
        return Site.objects.all()
    if not (user.is_authenticated and user.is_active):
        return Site.objects.none()
    return Site.objects.filter(pk__in=_reachable(user)[1])


def _reachable(user):
    """(reaches_all, site ids) from the user's site groups, cached on the user object for the request."""
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        rows = list(SiteGroup.objects.filter(group__user=user).values_list("role", "site_id"))
        cached = (
            any(role == SiteRole.CENTRE for role, _site in rows),
            frozenset(site_id for _role, site_id in rows if site_id is not None),
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def reachable_root_paths(user):
    """Tree paths of the root pages of the user's sites."""
    return list(reachable_sites(user).values_list("root_page__path", flat=True))


def pages_within_reach(user, queryset):
    """Narrow a page queryset to the pages under the user's site roots."""
    if reaches_all_sites(user):
        return queryset
    condition = Q(pk__in=[])
    for path in reachable_root_paths(user):
        condition |= Q(path__startswith=path)
    return queryset.filter(condition)


def page_within_reach(user, page_id):
    """Whether the page with this id lies under one of the user's site roots (missing pages do not)."""
    if reaches_all_sites(user):
        return True
    row = Page.objects.filter(pk=page_id).values_list("path", "depth").first()
    if row is None:
        return False
    path, depth = row
    if depth == 1:
        return True  # the tree root holds no content; browsing it shows only the user's own sites
    return any(path.startswith(root) for root in reachable_root_paths(user))
