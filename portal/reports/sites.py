"""Which sites a report covers for a user, and which site a page belongs to, inside the database.

The reports are the board's duty (seed 003: each site reports to the national propaganda board), so a
province's board reads its own site and the national centre reads every site plus the national total;
editors and others do not read them. Within the user's reachable sites only, as every admin view does.
"""

from django.db.models import Case, IntegerField, Value, When

from multisite_config.confinement import reachable_sites, reaches_all_sites
from multisite_config.models import SiteRole


def report_sites(user):
    """The sites whose reports ``user`` reads, national site first (none for non-board users)."""
    sites = reachable_sites(user)
    if not reaches_all_sites(user):
        sites = sites.filter(site_groups__role=SiteRole.BOARD, site_groups__group__user=user).distinct()
    return sites.select_related("root_page").order_by("-is_default_site", "site_name")


def may_read_reports(user):
    return report_sites(user).exists()


def site_of_page(sites):
    """An expression giving the id of the site whose tree holds a page (deepest root first), else NULL."""
    roots = sorted(((site.root_page.path, site.pk) for site in sites), key=lambda root: -len(root[0]))
    if not roots:
        return Value(None, output_field=IntegerField())
    return Case(
        *(When(path__startswith=path, then=Value(pk)) for path, pk in roots),
        default=Value(None),
        output_field=IntegerField(),
    )


def site_name(site):
    return site.site_name or site.hostname
