"""The "Góp ý dự thảo" admin: the moderation list of the user's sites, a comment's page and its actions,
and the internal summary report of a draft.

Being a ``SiteOwnedSnippetViewSet``, every view of it that opens a comment (including the step URLs
``act/<pk>/<step>/``) reads it from the user's sites only, a 404 outside them, and the report opens the
draft named by ``page_id`` only under the user's sites. ``AdminSiteConfinementMiddleware`` checks both again.
"""

from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permissions import policy_registry

from multisite_config.record_views import RecordActionsViewSetMixin
from multisite_config.site_owned import SiteOwnedSnippetViewSet

from ..models import DraftComment
from .filters import CommentFilterSet
from .forms import ACTIONS
from .views import CommentDetailView, CommentIndexView, InternalReportView


def with_group_size(comments):
    """Annotate ``group_size``: how many comments share the comment's campaign (1 for a text sent once)."""
    copies = (
        DraftComment.objects.filter(campaign_id=OuterRef("group_root"))
        .order_by()
        .values("campaign_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return comments.annotate(
        group_root=Coalesce(F("campaign_id"), F("pk")), group_size=Coalesce(Subquery(copies), Value(0)) + 1
    )


class CommentViewSet(RecordActionsViewSetMixin, SiteOwnedSnippetViewSet):
    model = DraftComment
    record_actions = ACTIONS
    icon = "comment"
    menu_label = _("Góp ý dự thảo")
    menu_name = "gop-y-du-thao"
    add_to_admin_menu = True
    menu_order = 305
    copy_view_enabled = False
    index_view_class = CommentIndexView
    index_results_template_name = "legal/admin/comment_index_results.html"
    edit_view_class = CommentDetailView
    edit_template_name = "legal/admin/comment_detail.html"
    filterset_class = CommentFilterSet
    search_fields = ["body", "name", "organisation"]
    list_display = [
        "body",  # the title column: the text, linked to the comment's page (``CommentIndexView``)
        "draft",
        Column(
            "article", label=_("Điều khoản"), accessor=lambda comment: comment.article.label if comment.article else "—"
        ),
        "site",
        Column("status", label=_("Trạng thái"), accessor="get_status_display", sort_key="status"),
        Column(
            "group_size",
            label=_("Số ý kiến trùng lặp"),
            sort_key="group_size",
            accessor=lambda comment: comment.group_size if comment.group_size > 1 else "—",
        ),
        Column("decision", label=_("Tiếp thu"), accessor="get_decision_display", sort_key="decision"),
        Column("submitted_at", label=_("Gửi lúc"), sort_key="submitted_at"),
    ]
    # The process, never the commenters' contact data (that is in the internal report, per draft).
    list_export = [
        "site",
        "draft",
        "article_anchor",
        "status",
        "decision",
        "submitted_at",
        "moderated_at",
        "decided_at",
        "body",
    ]

    def get_queryset(self, request):
        sites = policy_registry.get_by_type(DraftComment).handled_sites(request.user)
        return with_group_size(DraftComment.objects.filter(site__in=sites).select_related("site", "draft", "article"))

    @property
    def edit_view(self):
        return self.construct_view(
            self.edit_view_class,
            template_name=self.edit_template_name,
            report_url_name=self.get_url_name("report"),
            **self.record_page_kwargs(),
        )

    @property
    def report_view(self):
        return self.construct_view(InternalReportView)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("report/<int:page_id>/", self.report_view, name="report"),
        ]
