"""Admin views of the quarterly reports: a table, a chart and an XLSX download, for boards and the centre.

Who reads which site is decided by ``sites.report_sites`` only; a user who reads none (an editor, a Q&A
officer) is refused with 403, and nobody can name another site in the URL because no site is taken from it.
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.spreadsheets import xlsx_response
from multisite_config.confinement import reaches_all_sites

from .chart import questions_chart, satisfaction_chart
from .periods import FIRST_YEAR, selected_quarter
from .quarterly import activity_report
from .satisfaction import satisfaction_report
from .sites import report_sites
from .timeliness import timeliness_report
from .xlsx import activity_workbook, satisfaction_workbook, timeliness_workbook


class QuarterlyReportView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "table"
    file_prefix = ""

    def dispatch(self, request, *args, **kwargs):
        if not report_sites(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def report(self):
        user = self.request.user
        return self.build(report_sites(user), selected_quarter(self.request.GET), reaches_all_sites(user))

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            report = self.report()
            filename = f"{self.file_prefix}-quy-{report.quarter.number}-{report.quarter.year}.xlsx"
            return xlsx_response(self.workbook(report), filename)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.report()
        context["years"] = range(timezone.localdate().year, FIRST_YEAR - 1, -1)
        context["quarters"] = (1, 2, 3, 4)
        return context


class ActivityReportView(QuarterlyReportView):
    """Báo cáo hoạt động hằng quý (seed 003, 8.3)."""

    template_name = "portal/reports/activity.html"
    page_title = "Báo cáo hoạt động hằng quý"
    file_prefix = "bao-cao-hoat-dong"
    build = staticmethod(activity_report)
    workbook = staticmethod(activity_workbook)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chart"] = questions_chart(context["report"])
        return context


class TimelinessReportView(QuarterlyReportView):
    """Báo cáo đăng tải đúng hạn (Công văn 2096/BHXH-TT, mục 8.1, for news; Quy chế 1582/QĐ-BHXH, Điều 11.1.a)."""

    template_name = "portal/reports/timeliness.html"
    page_title = "Báo cáo đăng tải đúng hạn"
    file_prefix = "bao-cao-dung-han"
    build = staticmethod(timeliness_report)
    workbook = staticmethod(timeliness_workbook)


class SatisfactionReportView(QuarterlyReportView):
    """Báo cáo mức độ hài lòng hằng quý (seed 001, item 7)."""

    template_name = "portal/reports/satisfaction.html"
    page_title = "Báo cáo mức độ hài lòng hằng quý"
    file_prefix = "bao-cao-muc-do-hai-long"
    build = staticmethod(satisfaction_report)
    workbook = staticmethod(satisfaction_workbook)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chart"] = satisfaction_chart(context["report"])
        return context
