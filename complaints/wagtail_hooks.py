"""The "Khiếu nại, tố cáo" admin menu: the board's inbox of cases, receiving a letter, and the read-only list
of cases the site sent on; the audit-log actions, the dashboard panel, and the "open a case" button on the
reception log.

Both viewsets are site-owned (``SiteOwnedSnippetViewSet``): every view that opens a record reads it from the
user's sites only, so a case transferred to another site is a 404 for the sender's officers from then on,
while the trace (``CaseTransfer``, owned by the sender) stays in the sender's list, read-only for everyone.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.models import Site
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSetGroup

from contacts.models import ReceptionLog
from core.record_listing import DeadlineRecordIndexView, LateColumn, LocalTimeColumn, TrackedRecordIndexView
from multisite_config.record_views import ReadableFieldsMixin, RecordActionsViewSetMixin
from multisite_config.site_owned import PublicRecordPermissionPolicy, SiteOwnedSnippetViewSet

from .actions import ACTIONS, register_log_actions
from .inbox import (
    CaseActionView,
    CaseDeadlinesPanel,
    CaseDetailView,
    CaseFilterSet,
    FromReceptionView,
    ReceiveLetterView,
)
from .models import CaseTransfer, ComplaintCase


class TracePermissionPolicy(PublicRecordPermissionPolicy):
    """The sender's trace of a transfer is evidence: viewed on its site, never added, changed or deleted."""

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_any_permission(user, ["view"])

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return "view" in actions and super().user_has_any_permission_for_instance(user, ["view"], instance)


register_permission_policy(ComplaintCase, PublicRecordPermissionPolicy(ComplaintCase))
register_permission_policy(CaseTransfer, TracePermissionPolicy(CaseTransfer))


class CaseViewSet(RecordActionsViewSetMixin, SiteOwnedSnippetViewSet):
    model = ComplaintCase
    index_view_class = DeadlineRecordIndexView
    record_actions = ACTIONS
    action_done_message = _("Đã thực hiện “{action}” cho đơn {record.display_code}.")
    icon = "mail"
    menu_label = _("Đơn khiếu nại, tố cáo")
    copy_view_enabled = False
    edit_view_class = CaseDetailView
    edit_template_name = "complaints/admin/case_detail.html"
    filterset_class = CaseFilterSet
    # Never the person's name or contact: searching by them would reveal a denunciant to any officer.
    search_fields = ["tracking_code", "subject"]
    list_display = [
        "tracking_code",
        "subject",
        "site",
        Column("kind", label=_("Loại đơn"), accessor="get_kind_display", sort_key="kind"),
        Column("status", label=_("Trạng thái"), accessor="get_status_display", sort_key="status"),
        LocalTimeColumn("due_at", label=_("Hạn"), sort_key="due_at"),
        LateColumn(),
    ]
    # The board's spreadsheet: the process and its dates, never the person's identity or the content.
    list_export = [
        "tracking_code",
        "site",
        "kind",
        "channel",
        "status",
        "instance",
        "complexity",
        "received_at",
        "accepted_at",
        "due_at",
        "resolved_at",
        "outcome",
        "transferred_to_agency",
        "closed_at",
    ]

    def get_queryset(self, request):
        policy = policy_registry.get_by_type(ComplaintCase)
        return ComplaintCase.objects.filter(site__in=policy.handled_sites(request.user)).select_related("site")

    @property
    def edit_view(self):
        return self.construct_view(
            self.edit_view_class, template_name=self.edit_template_name, **self.record_page_kwargs()
        )

    @property
    def action_view(self):
        return self.construct_view(
            CaseActionView,
            actions=self.record_actions,
            record_url_name=self.get_url_name(self.record_page),
            done_message=self.action_done_message,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("receive/", self.construct_view(ReceiveLetterView), name="receive"),
            path("from-reception/<int:entry_id>/", self.construct_view(FromReceptionView), name="from_reception"),
        ]


class TransferInspectView(ReadableFieldsMixin, InspectView):
    """The trace of a transfer, with local times and a dash for what it does not name."""


class CaseTransferViewSet(SiteOwnedSnippetViewSet):
    model = CaseTransfer
    index_view_class = TrackedRecordIndexView
    icon = "arrow-right"
    menu_label = _("Đơn đã chuyển đi")
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = TransferInspectView
    list_display = [
        "__str__",
        "site",
        "kind",
        LocalTimeColumn("received_at", label=_("Tiếp nhận lúc"), sort_key="received_at"),
        LocalTimeColumn("at", label=_("Chuyển lúc"), sort_key="at"),
    ]
    list_filter = ["site", "kind"]
    search_fields = ["tracking_code", "to_agency"]
    inspect_view_fields = ["tracking_code", "kind", "received_at", "to_site", "to_agency", "reason", "at", "user"]


class ComplaintsAdminGroup(SnippetViewSetGroup):
    items = (CaseViewSet, CaseTransferViewSet)
    menu_icon = "mail"
    menu_label = _("Khiếu nại, tố cáo")
    menu_name = "khieu-nai-to-cao"
    menu_order = 323


register_snippet(ComplaintsAdminGroup)
hooks.register("register_log_actions", register_log_actions)


@hooks.register("construct_homepage_panels")
def add_case_deadlines_panel(request, panels):
    if policy_registry.get_by_type(ComplaintCase).user_has_any_permission(request.user, ["view", "change"]):
        panels.append(CaseDeadlinesPanel(ComplaintCase.snippet_viewset.get_url_name("list")))


@hooks.register("register_snippet_listing_buttons")
def open_case_button(snippet, user, next_url=None):
    """On each reception log entry: open its case (or go to it) for an officer who may change cases there."""
    if not isinstance(snippet, ReceptionLog):
        return []
    policy = policy_registry.get_by_type(ComplaintCase)
    # A Site with only its id: the policy answers from the user's cached permissions, no query per row.
    if not policy.user_has_permission_for_instance(user, "change", Site(pk=snippet.site_id)):
        return []
    url = reverse(ComplaintCase.snippet_viewset.get_url_name("from_reception"), args=[snippet.pk])
    return [ListingButton(_("Mở hồ sơ đơn"), url, icon_name="mail", priority=30)]
