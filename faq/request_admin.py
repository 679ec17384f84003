"""Admin of requests for information: the request log per site, its steps' forms, yearly statistics.

Confinement follows the other site-owned records: the list shows only the user's sites, every view that
opens a request (inspect, edit, history, the step URLs ``act/<pk>/<step>/``) reads it from the user's sites
only (404 for another site's, ``SiteOwnedSnippetViewSet``), ``AdminSiteConfinementMiddleware`` refuses those
URLs again, and the statistics only ever count the user's sites. Requests come from the public,
never from the admin, and the log is kept: no add, no delete. Editing only sets the kind of information;
every change of state goes through ``faq.information_requests``.
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView

from core.record_listing import DeadlineRecordIndexView, LateColumn, LocalTimeColumn
from core.spreadsheets import xlsx_response
from multisite_config.confinement import reaches_all_sites
from multisite_config.record_views import ReadableFieldsMixin, RecordActionFormsMixin, RecordActionsViewSetMixin
from multisite_config.site_owned import PublicRecordPermissionPolicy, SiteOwnedSnippetViewSet

from .information_requests import LOG_ACTIONS
from .models import InformationRequest, RequestStatus
from .request_actions import ACTIONS
from .request_statistics import workbook, yearly_statistics

LOG_LABELS = {
    "receive": "Tiếp nhận yêu cầu cung cấp thông tin",
    "channel": "Ghi kênh gửi yêu cầu",
    "gather": "Thông báo thời hạn cung cấp thông tin",
    "extend": "Gia hạn cung cấp thông tin",
    "provide": "Cung cấp thông tin",
    "refuse": "Từ chối cung cấp thông tin",
    "redirect": "Hướng dẫn đến cơ quan có trách nhiệm",
}


policy = PublicRecordPermissionPolicy(InformationRequest)
register_permission_policy(InformationRequest, policy)


def handled_sites(request):
    """Only the user's own sites are offered in the filter."""
    return policy.handled_sites(request.user).order_by("site_name")


class RequestFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(label="Trang", queryset=handled_sites)
    late = django_filters.BooleanFilter(label="Trễ hạn", method="filter_late", widget=BooleanRadioSelect)
    year = django_filters.NumberFilter(label="Năm tiếp nhận", field_name="received_at", lookup_expr="year")

    class Meta:
        model = InformationRequest
        fields = ["site", "status", "channel", "category"]

    def filter_late(self, queryset, name, value):
        if value is None:
            return queryset
        late = InformationRequest.objects.late().values("pk")
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)


class RequestInspectView(ReadableFieldsMixin, RecordActionFormsMixin, InspectView):
    """The request, its log and a form for each step its state allows."""

    template_name = "faq/admin/requests/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = [
            {
                "event": event,
                "action": LOG_LABELS.get(event.action, event.action),
                "from": status_label(event.from_status),
                "to": status_label(event.to_status),
            }
            for event in self.object.events.select_related("user")
        ]
        return context


def status_label(value):
    """A state's label; "" for none (the receipt has no state before it)."""
    return RequestStatus(value).label if value in RequestStatus.values else (value or "")


def selected_year(request):
    """The year asked for in ``?year=``, or the current one when missing or not a plausible year."""
    current = timezone.localdate().year
    try:
        year = int(request.GET.get("year", current))
    except ValueError:
        return current
    return year if 2017 <= year <= current else current


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """Thống kê yêu cầu cung cấp thông tin: the user's sites, plus the national total for the centre."""

    template_name = "faq/admin/requests/statistics.html"
    page_title = "Thống kê yêu cầu cung cấp thông tin"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not policy.user_has_any_permission(request.user, ["view", "change"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def statistics(self):
        user = self.request.user
        return yearly_statistics(policy.handled_sites(user), selected_year(self.request), reaches_all_sites(user))

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            statistics = self.statistics()
            return xlsx_response(workbook(statistics), f"thong-ke-yeu-cau-cung-cap-thong-tin-{statistics.year}.xlsx")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statistics"] = self.statistics()
        context["years"] = range(timezone.localdate().year, 2016, -1)
        return context


class InformationRequestViewSet(RecordActionsViewSetMixin, SiteOwnedSnippetViewSet):
    model = InformationRequest
    record_actions = ACTIONS
    record_page = "inspect"
    action_done_message = "{action}: đã ghi nhận cho yêu cầu {record.display_code}."
    icon = "doc-full-inverse"
    menu_label = "Yêu cầu cung cấp thông tin"
    menu_name = "information-requests"
    add_to_admin_menu = True
    menu_order = 310
    permission_policy = policy
    filterset_class = RequestFilterSet
    index_view_class = DeadlineRecordIndexView
    # The requester's name and e-mail are searched (staff handle the request), the code in either form.
    search_fields = ["tracking_code", "name", "email"]
    list_display = [
        "tracking_code",
        "name",
        "site",
        "status",
        "channel",
        "category",
        LocalTimeColumn("received_at", label="Tiếp nhận lúc", sort_key="received_at"),
        LocalTimeColumn("due_at", label="Hạn cung cấp", sort_key="due_at"),
        LateColumn(),
    ]
    list_export = [
        "tracking_code",
        "site",
        "status",
        "channel",
        "category",
        "received_at",
        "due_at",
        "closed_at",
        "cost",
    ]
    inspect_view_enabled = True
    inspect_view_class = RequestInspectView
    panels = [FieldPanel("category")]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(**self.record_page_kwargs(), **kwargs)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("statistics/", StatisticsView.as_view(), name="statistics")]


viewset = InformationRequestViewSet()
register_snippet(viewset)


@hooks.register("register_admin_menu_item")
def statistics_menu_item():
    return StatisticsMenuItem(
        "Thống kê yêu cầu cung cấp thông tin", reverse(viewset.get_url_name("statistics")), icon_name="table", order=311
    )


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return policy.user_has_any_permission(request.user, ["view", "change"])


@hooks.register("register_log_actions")
def register_request_log_actions(actions):
    for step, action in LOG_ACTIONS.items():
        actions.register_action(action, LOG_LABELS[step], LOG_LABELS[step])
