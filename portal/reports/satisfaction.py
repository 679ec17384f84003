"""The quarterly satisfaction report (seed 001, item 7: "đo lường, xác định chỉ số hài lòng của người dân"):
per site and quarter, the ratings per level of the decree's scale, their total and the share satisfied.

One row per site the reader may see (``sites.report_sites``: a province's board its own site, the national
centre every site plus the national total), counted inside the database in one query however many sites. The
share satisfied is "Rất hài lòng" + "Hài lòng" over all ratings, in percent with one decimal, empty when a site
had no rating; the national share is computed from the national counts, never averaged over sites. The table,
the chart and the XLSX file are written from the same ``SatisfactionReport``.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from ratings.models import SATISFIED_LEVELS, Level, Rating
from ratings.submissions import share

from .sites import site_name

LABELS = [*(str(level.label) for level in Level), "Tổng số đánh giá", "Tỷ lệ hài lòng (%)"]


@dataclass
class SatisfactionReport:
    quarter: object
    labels: list
    rows: list  # (site name, [count per level…, total, share or None])
    total: list | None  # the national total, for the centre only


def figures(counts: list[int]) -> list:
    """Counts per level (in ``Level`` order), then their total and the share satisfied."""
    satisfied = sum(count for level, count in zip(Level, counts, strict=True) if level in SATISFIED_LEVELS)
    total = sum(counts)
    return [*counts, total, share(satisfied, total)]


def satisfaction_report(sites, quarter, with_total):
    """The report of ``quarter`` for ``sites``, sites without a rating included with zeros."""
    sites = list(sites)
    by_site = {
        row.pop("site"): row
        for row in Rating.objects.filter(site__in=[site.pk for site in sites], **quarter.bounds("created_at"))
        .values("site")
        .annotate(**{level.value: Count("pk", filter=Q(level=level)) for level in Level})
        .order_by()
    }
    rows = []
    for site in sites:
        counted = by_site.get(site.pk, {})
        rows.append((site_name(site), figures([counted.get(level.value, 0) for level in Level])))
    total = None
    if with_total:
        total = figures([sum(values[index] for _name, values in rows) for index in range(len(Level))])
    return SatisfactionReport(quarter, LABELS, rows, total)
