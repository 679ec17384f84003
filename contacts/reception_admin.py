"""Admin of citizen reception: the leaders' schedule, the reception log and its monthly report.

Both are site-owned records (``SiteOwnedSnippetViewSet``): a board lists, opens and changes only its own
site's: every view that opens a record reads it through ``within_reach`` (404 for another site's), and the
confinement middleware refuses such URLs again. The log holds
citizens' names, so it is never exported outside the report's counts and never shown publicly.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import register_permission_policy

from core.spreadsheets import xlsx_response
from multisite_config.confinement import reaches_all_sites
from multisite_config.forms import SiteOwnedAdminForm
from multisite_config.site_owned import SiteOwnedSnippetViewSet

from .models import Leader, ReceptionLog, ReceptionSchedule, Unit
from .reception_report import monthly_report, workbook

schedule_policy = SitePermissionPolicy(ReceptionSchedule)
log_policy = SitePermissionPolicy(ReceptionLog)
register_permission_policy(ReceptionSchedule, schedule_policy)
register_permission_policy(ReceptionLog, log_policy)


class ScheduleForm(SiteOwnedAdminForm):
    """Offers only leaders of the sites the user may write to (the model refuses another site's leader)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "leader" in self.fields and "site" in self.fields:
            self.fields["leader"].queryset = Leader.objects.filter(
                unit__site__in=self.fields["site"].queryset
            ).select_related("unit")


class ReceptionLogForm(SiteOwnedAdminForm):
    """Offers only units of the sites the user may write to as the handling unit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "handling_unit" in self.fields and "site" in self.fields:
            self.fields["handling_unit"].queryset = Unit.objects.filter(site__in=self.fields["site"].queryset)


class ReceptionScheduleViewSet(SiteOwnedSnippetViewSet):
    model = ReceptionSchedule
    icon = "date"
    menu_label = "Lịch tiếp công dân"
    menu_name = "reception-schedule"
    add_to_admin_menu = True
    menu_order = 320
    permission_policy = schedule_policy
    list_display = ["__str__", "site", "leader", "mode"]
    list_filter = ["site", "mode"]
    edit_handler = ObjectList(
        [FieldPanel(name) for name in ("site", "date", "start_time", "end_time", "leader", "place", "mode")],
        base_form_class=ScheduleForm,
    )


def selected_month(request):
    """(year, month) from ``?month=YYYY-MM``, or the current month when missing or malformed."""
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
    except ValueError:
        return today.year, today.month
    if 2000 <= year <= today.year + 1 and 1 <= month <= 12:
        return year, month
    return today.year, today.month


class MonthlyReportView(WagtailAdminTemplateMixin, TemplateView):
    """Báo cáo tiếp công dân hằng tháng: the user's sites, plus the national total for the centre."""

    template_name = "contacts/admin/reception_report.html"
    page_title = "Báo cáo tiếp công dân hằng tháng"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not log_policy.user_has_any_permission(request.user, ["view", "change"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def report(self):
        user = self.request.user
        sites = log_policy.sites_user_has_any_permission_for(user, ["view", "change"])
        return monthly_report(sites, *selected_month(self.request), reaches_all_sites(user))

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            report = self.report()
            return xlsx_response(workbook(report), f"bao-cao-tiep-cong-dan-{report.year}-{report.month:02d}.xlsx")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.report()
        return context


class ReceptionLogViewSet(SiteOwnedSnippetViewSet):
    model = ReceptionLog
    icon = "clipboard-list"
    menu_label = "Sổ tiếp công dân"
    menu_name = "reception-log"
    add_to_admin_menu = True
    menu_order = 321
    permission_policy = log_policy
    list_display = ["__str__", "site", "kind", "citizen_name", "handling_unit"]
    list_filter = ["site", "kind"]
    search_fields = ["subject", "citizen_name"]
    edit_handler = ObjectList(
        [FieldPanel(name) for name in ("site", "date", "citizen_name", "subject", "kind", "handling_unit", "outcome")],
        base_form_class=ReceptionLogForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("report/", MonthlyReportView.as_view(), name="report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return log_policy.user_has_any_permission(request.user, ["view", "change"])


schedule_viewset = ReceptionScheduleViewSet()
log_viewset = ReceptionLogViewSet()


def report_menu_item():
    return ReportMenuItem(
        "Báo cáo tiếp công dân", reverse(log_viewset.get_url_name("report")), icon_name="table", order=322
    )
