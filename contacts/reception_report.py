"""The monthly report of citizen reception (seed 004): per province, and the national total for the centre.

Counts of citizens received in the month by kind (complaint, denunciation, petition, feedback), from one
grouped query whatever the number of sites; the admin table and the XLSX file are written from the same
rows so they can never disagree. Only the sites given are counted: the caller passes the user's own.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from core.spreadsheets import table_workbook

from .models import ReceptionKind, ReceptionLog


@dataclass
class MonthlyReport:
    year: int
    month: int
    labels: list
    rows: list  # (site name, [figures]) in column order
    total: list | None  # the national total, for the centre only


def _columns():
    return [("received", "Tổng số lượt tiếp", Count("pk"))] + [
        (kind.value, str(kind.label), Count("pk", filter=Q(kind=kind))) for kind in ReceptionKind
    ]


def monthly_report(sites, year, month, with_total):
    columns = _columns()
    figures = {
        row.pop("site"): row
        for row in ReceptionLog.objects.filter(site__in=sites, date__year=year, date__month=month)
        .values("site")
        .annotate(**{key: aggregate for key, _label, aggregate in columns})
        .order_by()
    }
    rows = [
        (site.site_name or site.hostname, [figures.get(site.pk, {}).get(key, 0) for key, _label, _agg in columns])
        for site in sites.order_by("-is_default_site", "site_name")
    ]
    total = [sum(values[index] for _name, values in rows) for index in range(len(columns))] if with_total else None
    return MonthlyReport(year, month, [label for _key, label, _agg in columns], rows, total)


def workbook(report):
    return table_workbook(f"Tháng {report.month:02d}-{report.year}", report.labels, report.rows, report.total)
