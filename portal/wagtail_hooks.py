"""Admin of the project: the national calendar adjustments and the quarterly reports (Reports menu)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from core.models import CalendarAdjustment
from multisite_config.site_owned import PortalSnippetViewSet

from .reports.complaints import ComplaintsReportView
from .reports.sites import may_read_reports
from .reports.views import ActivityReportView, SatisfactionReportView, TimelinessReportView


class CalendarAdjustmentViewSet(PortalSnippetViewSet):
    model = CalendarAdjustment
    icon = "date"
    menu_label = "Lịch làm việc"
    list_display = ["date", "kind", "legal_basis", "reason", "swap_for"]
    list_filter = ["kind"]


register_snippet(CalendarAdjustmentViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/quarterly-activity/", ActivityReportView.as_view(), name="cms_reports_activity"),
        path("reports/timeliness/", TimelinessReportView.as_view(), name="cms_reports_timeliness"),
        path("reports/satisfaction/", SatisfactionReportView.as_view(), name="cms_reports_satisfaction"),
        path("reports/complaints/", ComplaintsReportView.as_view(), name="cms_reports_complaints"),
    ]


class QuarterlyReportMenuItem(MenuItem):
    """Shown only to those who may read a report: the boards and the national centre."""

    def is_shown(self, request):
        return may_read_reports(request.user)


@hooks.register("register_reports_menu_item")
def activity_report_menu_item():
    return QuarterlyReportMenuItem(
        "Báo cáo hoạt động hằng quý", reverse("cms_reports_activity"), icon_name="table", order=900
    )


@hooks.register("register_reports_menu_item")
def timeliness_report_menu_item():
    return QuarterlyReportMenuItem(
        "Báo cáo đăng tải đúng hạn", reverse("cms_reports_timeliness"), icon_name="time", order=901
    )


@hooks.register("register_reports_menu_item")
def satisfaction_report_menu_item():
    return QuarterlyReportMenuItem(
        "Báo cáo mức độ hài lòng hằng quý", reverse("cms_reports_satisfaction"), icon_name="success", order=902
    )


@hooks.register("register_reports_menu_item")
def complaints_report_menu_item():
    return QuarterlyReportMenuItem(
        "Báo cáo khiếu nại, tố cáo hằng tháng", reverse("cms_reports_complaints"), icon_name="mail", order=903
    )
