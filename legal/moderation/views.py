"""The moderation list (each row's text opens the comment, links to each state), a comment's page (its data,
its campaign, its log, the action forms) and the internal summary report.

Each view loads its record from the sites the user handles (404 outside them, even if the confinement
middleware were bypassed) and checks the permission on that record, not just on the model.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.log_actions import registry as log_registry
from wagtail.permissions import policy_registry

from core.spreadsheets import SnippetIndexView, xlsx_response
from multisite_config.confinement import page_within_reach
from multisite_config.record_views import RecordActionFormsMixin, RecordDetailView

from .. import report
from ..models import CommentDecision, DraftComment, DraftDocumentPage
from .filters import STATE_CHOICES

# What a moderator reads first (the text, where it was written, its state and answer), then the rest.
COMMENT_FIELDS = [
    "body",
    "draft",
    "article",
    "status",
    "decision",
    "response",
    "site",
    "submitted_at",
    "name",
    "email",
    "organisation",
    "publish_name",
    "rejection_reason",
    "moderated_at",
    "moderated_by",
    "decided_at",
    "decided_by",
]
EXCERPT_LENGTH = 120


class ExcerptColumn(TitleColumn):
    """The comment's first words as the row's link to the comment's page."""

    def get_value(self, instance):
        return Truncator(super().get_value(instance)).chars(EXCERPT_LENGTH)


class CommentIndexView(SnippetIndexView):
    """The moderation list: the first column (the text) links each row to its comment, and ``state_links``
    switch between the states (the queue "Chờ duyệt" first, as the list opens) keeping the other filters."""

    def _get_title_column(self, field_name, column_class=ExcerptColumn, **kwargs):
        return super()._get_title_column(field_name, column_class, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["state_links"] = self.state_links()
        return context

    def state_links(self):
        filters = self.filters
        current = filters.form.cleaned_data.get("status") if filters and filters.is_valid() else None
        query = self.request.GET.copy()
        for name in (self.page_kwarg, "_w_filter_fragment"):
            query.pop(name, None)
        links = []
        for value, label in STATE_CHOICES:
            query["status"] = value
            links.append({"label": label, "url": f"{self.index_url}?{query.urlencode()}", "current": value == current})
        return links


class CommentPolicyMixin(PermissionCheckedMixin):
    """The comments' registered policy, whichever way the view was built (not every viewset view is given it)."""

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(DraftComment)


class CommentDetailView(CommentPolicyMixin, RecordActionFormsMixin, RecordDetailView):
    """The "edit" page of a comment, opened from its row in the list: what it holds and every moderation step
    its state allows (approve, reject with a reason, the drafting unit's decision and response), never a
    free-form editor. ``decision_choices`` are the decide step's buttons, one click each."""

    model = DraftComment
    page_title = gettext_lazy("Ý kiến góp ý")
    fields = COMMENT_FIELDS
    report_url_name = None

    def handled(self):
        return super().handled().select_related("site", "draft", "article", "moderated_by", "decided_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        context.update(
            comment=comment,
            report_url_name=self.report_url_name,
            campaign=campaign_of(comment),
            decision_choices=CommentDecision.choices,
            log_entries=log_registry.get_logs_for_instance(comment).select_related("user").order_by("timestamp"),
        )
        return context


def campaign_of(comment):
    """Every comment of the comment's campaign, the first one first; empty for a text sent once."""
    root = comment.campaign or comment
    group = [root, *root.copies.select_related("site").order_by("submitted_at", "pk")]
    return group if len(group) > 1 else []


class InternalReportView(CommentPolicyMixin, View):
    """The internal profile of the summary report (contact data included) for a draft of the user's sites.

    The URL names the draft's ``page_id``, so the confinement middleware already answers 404 for a draft
    outside the user's sites; the view checks it again.
    """

    any_permission_required = ["view", "change"]

    def get(self, request, page_id):
        if not page_within_reach(request.user, page_id):
            raise Http404
        draft = get_object_or_404(DraftDocumentPage, pk=page_id)
        if request.GET.get("format") == "xlsx":
            return xlsx_response(
                report.workbook(draft, report.INTERNAL), report.filename(draft, report.INTERNAL, "xlsx")
            )
        headings, groups = report.table(draft, report.INTERNAL)
        return render(
            request,
            "legal/admin/draft_report.html",
            {
                "draft": draft,
                "headings": headings,
                "groups": groups,
                "report_title": report.REPORT_TITLE,
            },
        )
