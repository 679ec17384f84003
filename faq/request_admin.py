"""Admin of requests for information: the request log per site, an action form per step, yearly statistics.

Confinement follows the other site-owned records: the list shows only the user's sites, the
``AdminSiteConfinementMiddleware`` answers 404 to any URL of this viewset (inspect, edit, history, the
action URLs) that names another site's request, and the statistics only ever count the user's sites.
Requests come from the public, never from the admin, and the log is kept: no add, no delete. Editing
only sets the kind of information; every change of state goes through ``faq.information_requests``.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView

from core.spreadsheets import xlsx_response
from multisite_config.confinement import reachable_sites, reaches_all_sites
from multisite_config.site_owned import PublicRecordPermissionPolicy, SiteOwnedSnippetViewSet

from . import information_requests as steps
from .information_requests import LOG_ACTIONS
from .models import InformationRequest, RefusalReason, RequestStatus
from .models.information_requests import MAX_EXTENSION_DAYS
from .request_statistics import workbook, yearly_statistics
from .transitions import TransitionError

LOG_LABELS = {
    "receive": "Tiếp nhận yêu cầu cung cấp thông tin",
    "gather": "Thông báo thời hạn cung cấp thông tin",
    "extend": "Gia hạn cung cấp thông tin",
    "provide": "Cung cấp thông tin",
    "refuse": "Từ chối cung cấp thông tin",
    "redirect": "Hướng dẫn đến cơ quan có trách nhiệm",
}


policy = PublicRecordPermissionPolicy(InformationRequest)
register_permission_policy(InformationRequest, policy)


# Action forms: one per step, each applying itself through the step's function.


class GatherForm(forms.Form):
    title = "Thông báo cần thêm thời gian (tối đa 15 ngày làm việc)"
    note = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 2}))

    def apply(self, info_request, user):
        steps.notify_gathering(info_request, user, note=self.cleaned_data["note"])


class ExtendForm(forms.Form):
    title = "Gia hạn (một lần)"
    days = forms.IntegerField(label="Số ngày làm việc", min_value=1, max_value=MAX_EXTENSION_DAYS)
    reason = forms.CharField(label="Lý do", max_length=300)

    def apply(self, info_request, user):
        steps.extend(info_request, user, days=self.cleaned_data["days"], reason=self.cleaned_data["reason"])


class ProvideForm(forms.Form):
    title = "Cung cấp thông tin"
    response = forms.CharField(label="Nội dung trả lời", widget=forms.Textarea(attrs={"rows": 4}))
    cost = forms.IntegerField(label="Chi phí thực tế (đồng)", min_value=0, initial=0)
    partly = forms.BooleanField(label="Chỉ cung cấp một phần", required=False)

    def apply(self, info_request, user):
        data = self.cleaned_data
        steps.provide(info_request, user, response=data["response"], cost=data["cost"], partly=data["partly"])


class RefuseForm(forms.Form):
    title = "Từ chối (Điều 28)"
    reason = forms.ChoiceField(label="Lý do theo Điều 28", choices=RefusalReason.choices)
    detail = forms.CharField(label="Lý do cụ thể (văn bản gửi người yêu cầu)", widget=forms.Textarea(attrs={"rows": 3}))

    def apply(self, info_request, user):
        steps.refuse(info_request, user, reason=self.cleaned_data["reason"], detail=self.cleaned_data["detail"])


class RedirectForm(forms.Form):
    title = "Hướng dẫn đến cơ quan có trách nhiệm"
    agency = forms.CharField(label="Cơ quan có trách nhiệm cung cấp", max_length=200)

    def apply(self, info_request, user):
        steps.redirect(info_request, user, agency=self.cleaned_data["agency"])


ACTION_FORMS = {
    "gather": GatherForm,
    "extend": ExtendForm,
    "provide": ProvideForm,
    "refuse": RefuseForm,
    "redirect": RedirectForm,
}


def handled_sites(request):
    """Only the user's own sites are offered in the filter."""
    return policy.handled_sites(request.user).order_by("site_name")


class RequestFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(label="Trang", queryset=handled_sites)
    late = django_filters.BooleanFilter(label="Quá hạn", method="filter_late")
    year = django_filters.NumberFilter(label="Năm tiếp nhận", field_name="received_at", lookup_expr="year")

    class Meta:
        model = InformationRequest
        fields = ["site", "status", "category"]

    def filter_late(self, queryset, name, value):
        if value is None:
            return queryset
        late = InformationRequest.objects.late().values("pk")
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)


class RequestInspectView(InspectView):
    """The request, its log and a form for each step its state allows."""

    template_name = "faq/admin/requests/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        info_request = self.object
        may_act = info_request.is_open and policy.user_has_permission_for_instance(
            self.request.user, "change", info_request
        )
        context["events"] = [
            {
                "event": event,
                "action": LOG_LABELS.get(event.action, event.action),
                "from": status_label(event.from_status),
                "to": status_label(event.to_status),
            }
            for event in info_request.events.select_related("user")
        ]
        context["action_forms"] = [
            (name, form_class(prefix=name), reverse(viewset.get_url_name("act"), args=[info_request.pk, name]))
            for name, form_class in ACTION_FORMS.items()
            if may_act and allowed(info_request, name)
        ]
        return context


def status_label(value):
    return RequestStatus(value).label if value in RequestStatus.values else value


def allowed(info_request, name):
    """Whether the step ``name`` can apply to the request now (the step itself checks again)."""
    if name == "gather":
        return info_request.status == RequestStatus.RECEIVED
    if name == "extend":
        return info_request.status == RequestStatus.GATHERING and not info_request.extension_days
    return True


class RequestActionView(View):
    """POST of one action form; the result (or the refusal) is shown as a message on the request."""

    def post(self, request, pk, action):
        info_request = get_object_or_404(InformationRequest, pk=pk, site__in=reachable_sites(request.user))
        if action not in ACTION_FORMS or not policy.user_has_permission_for_instance(
            request.user, "change", info_request
        ):
            raise PermissionDenied
        form = ACTION_FORMS[action](request.POST, prefix=action)
        if not form.is_valid():
            errors = "; ".join(f"{form.fields[name].label}: {' '.join(e)}" for name, e in form.errors.items())
            messages.error(request, errors)
        else:
            try:
                form.apply(info_request, request.user)
            except TransitionError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"{form.title}: đã ghi nhận cho yêu cầu {info_request.display_code}.")
        return redirect(viewset.get_url_name("inspect"), pk)


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


class InformationRequestViewSet(SiteOwnedSnippetViewSet):
    model = InformationRequest
    icon = "doc-full-inverse"
    menu_label = "Yêu cầu cung cấp thông tin"
    menu_name = "information-requests"
    add_to_admin_menu = True
    menu_order = 310
    permission_policy = policy
    filterset_class = RequestFilterSet
    list_display = ["__str__", "site", "status", "category", "received_at", "due_at"]
    list_export = ["tracking_code", "site", "status", "category", "received_at", "due_at", "closed_at", "cost"]
    inspect_view_enabled = True
    inspect_view_class = RequestInspectView
    panels = [FieldPanel("category")]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"act/<{self.pk_path_converter}:pk>/<slug:action>/", RequestActionView.as_view(), name="act"),
            path("statistics/", StatisticsView.as_view(), name="statistics"),
        ]


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
