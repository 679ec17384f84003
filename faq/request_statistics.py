"""The yearly statistics of requests for information that seed 000 (07/BHXH-PC) asks of every unit.

Per site and, for the national centre, in total: requests received, provided, partly provided, refused
(by reason of art. 28.1), redirected, still open, by kind of information, and the actual cost charged.
All figures come from one grouped query, whatever the number of sites, and the HTML table and the XLSX
file are written from the same rows so they can never disagree.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from core.spreadsheets import table_workbook

from .models import InformationCategory, InformationRequest, RefusalReason
from .models import RequestStatus as S
from .models.information_requests import OPEN_REQUEST_STATUSES


def _columns():
    """(key, label, aggregate) of every figure, in the order of the table."""
    columns = [
        ("received", "Số yêu cầu nhận được", Count("pk")),
        ("provided", "Đã cung cấp", Count("pk", filter=Q(status=S.PROVIDED))),
        ("partly_provided", "Cung cấp một phần", Count("pk", filter=Q(status=S.PARTLY_PROVIDED))),
        ("refused", "Từ chối", Count("pk", filter=Q(status=S.REFUSED))),
    ]
    columns += [
        (
            f"refused_{reason.value}",
            f"Từ chối – {reason.label}",
            Count("pk", filter=Q(status=S.REFUSED, refusal_reason=reason)),
        )
        for reason in RefusalReason
    ]
    columns += [
        ("redirected", "Hướng dẫn đến cơ quan khác", Count("pk", filter=Q(status=S.REDIRECTED))),
        ("open", "Đang giải quyết", Count("pk", filter=Q(status__in=OPEN_REQUEST_STATUSES))),
    ]
    columns += [
        (f"category_{category.value}", f"Loại thông tin – {category.label}", Count("pk", filter=Q(category=category)))
        for category in InformationCategory
    ]
    columns.append(("cost", "Chi phí thực tế (đồng)", Coalesce(Sum("cost"), 0)))
    return columns


@dataclass
class YearlyStatistics:
    year: int
    labels: list
    rows: list  # (site name, [figures]) in column order
    total: list | None  # the national total, for the centre only


def yearly_statistics(sites, year, with_total):
    """Figures of ``year`` (by date of receipt) for each of ``sites``, zero rows included."""
    columns = _columns()
    aggregates = {key: aggregate for key, _label, aggregate in columns}
    figures = {
        row.pop("site"): row
        for row in InformationRequest.objects.filter(site__in=sites, received_at__year=year)
        .values("site")
        .annotate(**aggregates)
        .order_by()
    }
    rows = [
        (site.site_name or site.hostname, [figures.get(site.pk, {}).get(key, 0) for key, _label, _agg in columns])
        for site in sites.order_by("-is_default_site", "site_name")
    ]
    total = [sum(values[index] for _name, values in rows) for index in range(len(columns))] if with_total else None
    return YearlyStatistics(year, [label for _key, label, _agg in columns], rows, total)


def workbook(statistics):
    """The statistics as an XLSX workbook, laid out like every per-site report."""
    return table_workbook(f"Năm {statistics.year}", statistics.labels, statistics.rows, statistics.total)
