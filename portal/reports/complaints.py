"""Seed 004's monthly report of complaints and denunciations: per province, with the national total.

Cases are counted where they are handled: a case received in the month counts on the site holding it now (a
case transferred in within the sector counts at the receiving BHXH, where it is resolved); cases resolved in
the month are counted by kind and by outcome; refusals and transfers out of the site (to another BHXH or to an
agency outside the sector) are counted on the site that decided them. Two grouped queries whatever the number
of sites; the admin table and the XLSX file are written from the same rows so they never disagree. Who reads
which site is ``sites.report_sites`` (a province's board its own, the centre every site and the total).
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from complaints.models import CaseKind, CaseOutcome, CaseTransfer, ComplaintCase
from contacts.reception_admin import selected_month
from core.spreadsheets import table_workbook, xlsx_response
from multisite_config.confinement import reaches_all_sites

from .sites import report_sites, site_name


@dataclass
class ComplaintsReport:
    year: int
    month: int
    labels: list
    rows: list  # (site name, [figures]) in column order
    total: list | None  # the national total, for the centre only

    @property
    def caption(self):
        return f"Khiếu nại, tố cáo, kiến nghị, phản ánh tháng {self.month:02d}/{self.year}"


def month_bounds(year, month):
    """The month as aware local-time bounds: a case received at 23:30 on the last day belongs to that month."""
    zone = timezone.get_default_timezone()
    start = timezone.make_aware(dt.datetime(year, month, 1), zone)
    end = timezone.make_aware(dt.datetime(year + month // 12, month % 12 + 1, 1), zone)
    return start, end


def _case_columns(start, end):
    received = Q(received_at__gte=start, received_at__lt=end)
    resolved = Q(resolved_at__gte=start, resolved_at__lt=end)
    columns = [("received", "Đơn nhận trong tháng", Count("pk", filter=received))]
    columns += [
        (f"received_{kind.value}", f"Nhận: {kind.label}", Count("pk", filter=received & Q(kind=kind)))
        for kind in CaseKind
    ]
    columns += [("refused", "Không thụ lý", Count("pk", filter=Q(refused_at__gte=start, refused_at__lt=end)))]
    columns += [("resolved", "Đã giải quyết", Count("pk", filter=resolved))]
    columns += [
        (f"resolved_{kind.value}", f"Giải quyết: {kind.label}", Count("pk", filter=resolved & Q(kind=kind)))
        for kind in CaseKind
    ]
    columns += [
        (f"outcome_{outcome.value}", f"Kết quả: {outcome.label}", Count("pk", filter=resolved & Q(outcome=outcome)))
        for outcome in CaseOutcome
    ]
    return columns


def complaints_report(sites, year, month, with_total):
    start, end = month_bounds(year, month)
    columns = _case_columns(start, end)
    figures = {
        row.pop("site"): row
        for row in ComplaintCase.objects.filter(site__in=sites)
        .values("site")
        .annotate(**{key: aggregate for key, _label, aggregate in columns})
        .order_by()
    }
    transferred = dict(
        CaseTransfer.objects.filter(site__in=sites, at__gte=start, at__lt=end)
        .values("site")
        .annotate(count=Count("pk"))
        .values_list("site", "count")
        .order_by()
    )
    rows = [
        (
            site_name(site),
            [figures.get(site.pk, {}).get(key, 0) for key, _label, _agg in columns] + [transferred.get(site.pk, 0)],
        )
        for site in sites
    ]
    labels = [label for _key, label, _agg in columns] + ["Chuyển đi"]
    total = [sum(values[index] for _name, values in rows) for index in range(len(labels))] if with_total else None
    return ComplaintsReport(year, month, labels, rows, total)


def complaints_workbook(report):
    return table_workbook(f"Tháng {report.month:02d}-{report.year}", report.labels, report.rows, report.total)


class ComplaintsReportView(WagtailAdminTemplateMixin, TemplateView):
    """Báo cáo khiếu nại, tố cáo hằng tháng (seed 004: monthly reports from the provinces)."""

    template_name = "portal/reports/complaints.html"
    page_title = "Báo cáo khiếu nại, tố cáo hằng tháng"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not report_sites(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def report(self):
        user = self.request.user
        return complaints_report(report_sites(user), *selected_month(self.request), reaches_all_sites(user))

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            report = self.report()
            filename = f"bao-cao-khieu-nai-to-cao-{report.year}-{report.month:02d}.xlsx"
            return xlsx_response(complaints_workbook(report), filename)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.report()
        return context
