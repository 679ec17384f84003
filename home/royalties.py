"""The quarterly royalty (nhuận bút) table of a site: the sum per author per quarter of a year (seed 003).

Royalties are read from articles under the site's root, so a table never shows another site's payments;
who may read which site's table is decided by ``royalty_sites``.
"""

from dataclasses import dataclass

from django.db.models import Sum
from django.db.models.functions import ExtractQuarter
from wagtail.models import Site

from multisite_config.confinement import reaches_all_sites
from multisite_config.models import SiteRole

from .news import Royalty

QUARTERS = (1, 2, 3, 4)


def royalty_sites(user):
    """The sites whose royalties this user reads: their own board's sites, or all for the national centre."""
    if reaches_all_sites(user):
        return Site.objects.order_by("-is_default_site", "site_name")
    return Site.objects.filter(site_groups__role=SiteRole.BOARD, site_groups__group__user=user).order_by("site_name")


@dataclass
class RoyaltyTable:
    site: Site
    year: int
    rows: list  # (author, [amount per quarter], total)
    totals: list  # [sum per quarter] + [grand total]


def royalty_table(site, year):
    """Sums per author and quarter of the royalties recorded in ``year`` for articles of ``site``."""
    sums = (
        Royalty.objects.filter(page__path__startswith=site.root_page.path, recorded_at__year=year)
        .annotate(quarter=ExtractQuarter("recorded_at"))
        .values("author_name", "quarter")
        .annotate(total=Sum("amount"))
        .order_by("author_name", "quarter")
    )
    by_author = {}
    for row in sums:
        by_author.setdefault(row["author_name"], dict.fromkeys(QUARTERS, 0))[row["quarter"]] += row["total"]
    rows = [(author, [amounts[q] for q in QUARTERS], sum(amounts.values())) for author, amounts in by_author.items()]
    totals = [sum(row[1][i] for row in rows) for i in range(len(QUARTERS))]
    return RoyaltyTable(site=site, year=year, rows=rows, totals=[*totals, sum(totals)])
