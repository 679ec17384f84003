"""A comment's page in the moderation list (its data, its campaign, its log, the action forms), the
actions, and the internal summary report.

Each view loads its record from the sites the user handles (404 outside them, even if the confinement
middleware were bypassed) and checks the permission on that record, not just on the model.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.log_actions import registry as log_registry
from wagtail.permissions import policy_registry

from core.spreadsheets import xlsx_response
from multisite_config.confinement import page_within_reach
from multisite_config.record_views import HandledRecordMixin, RecordDetailView

from .. import comments, report
from ..models import DraftComment, DraftDocumentPage
from .forms import ACTIONS

COMMENT_FIELDS = [
    "site",
    "draft",
    "article",
    "status",
    "rejection_reason",
    "moderated_at",
    "moderated_by",
    "name",
    "email",
    "organisation",
    "publish_name",
    "submitted_at",
    "body",
    "decision",
    "response",
    "decided_at",
    "decided_by",
]


class CommentPolicyMixin(PermissionCheckedMixin):
    """The comments' registered policy, whichever way the view was built (not every viewset view is given it)."""

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(DraftComment)


class HandledCommentMixin(CommentPolicyMixin, HandledRecordMixin):
    model = DraftComment


class CommentDetailView(CommentPolicyMixin, RecordDetailView):
    """The "edit" page of a comment: what it holds and the moderation steps, never a free-form editor."""

    model = DraftComment
    page_title = gettext_lazy("Ý kiến góp ý")
    fields = COMMENT_FIELDS
    action_url_name = None
    report_url_name = None

    def handled(self):
        return super().handled().select_related("site", "draft", "article", "moderated_by", "decided_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment, can_act = self.object, context["can_act"]
        context.update(
            comment=comment,
            action_url_name=self.action_url_name,
            report_url_name=self.report_url_name,
            actions=[
                (name, label, form_class(comment=comment))
                for name, (label, form_class, allowed) in ACTIONS.items()
                if can_act and allowed(comment)
            ],
            campaign=campaign_of(comment),
            log_entries=log_registry.get_logs_for_instance(comment).select_related("user").order_by("timestamp"),
        )
        return context


class CommentActionView(HandledCommentMixin, View):
    """POST one step's form: run it (it writes the audit log), say what happened."""

    http_method_names = ["post"]
    permission_required = "change"
    edit_url_name = None

    def post(self, request, pk, action):
        comment = self.get_object()
        if action not in ACTIONS:
            raise Http404
        label, form_class, _allowed = ACTIONS[action]
        form = form_class(request.POST, comment=comment)
        if not form.is_valid():
            for field, errors in form.errors.items():
                messages.error(request, f"{form.fields[field].label}: {' '.join(errors)}")
            return redirect(self.edit_url_name, pk)
        try:
            getattr(comments, action)(comment, request.user, **form.cleaned_data)
        except comments.CommentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã thực hiện “%(action)s”.") % {"action": label})
        return redirect(self.edit_url_name, pk)


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
