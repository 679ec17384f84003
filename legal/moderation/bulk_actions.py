"""Approve or reject many comments at once from the moderation list (Wagtail's bulk actions).

Wagtail's bulk action view takes ids from the query string (or ``id=all`` with the listing's filters); here
they are looked up among the comments of the user's own sites only, so an id of another province's comment
is neither acted on nor named on the confirmation page. Each comment goes through ``legal.comments``, so
each is in the audit log.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .. import comments
from ..models import CommentStatus, DraftComment
from .filters import CommentFilterSet
from .forms import RejectForm


class CommentBulkAction(SnippetBulkAction):
    models = [DraftComment]
    template_name = "legal/admin/bulk_moderate.html"
    target_status = None

    def get_actionable_objects(self):
        handled = DraftComment.objects.filter(site__in=self.permission_policy.handled_sites(self.request.user))
        ids = self.request.GET.getlist("id")
        if "all" in ids:
            # "All in the listing": the listing's query string comes along, so its filters (the default
            # "Chờ duyệt" included) say which comments the list showed.
            listing = CommentFilterSet(self.request.GET, queryset=handled, request=self.request)
            if not listing.is_valid():
                raise Http404
            handled = listing.qs
        else:
            handled = handled.filter(pk__in=[pk for pk in ids if pk.isdigit()])
        objects = [
            comment
            for comment in handled.select_related("site")
            if self.check_perm(comment) and comment.status != self.target_status
        ]
        if not objects:
            raise Http404
        return objects, {"items_with_no_access": []}

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", comment)

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    done_message = ""

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.done_message % {"count": num_parent_objects}


class ApproveBulkAction(CommentBulkAction):
    display_name = _("Duyệt công khai")
    action_type = "approve_comments"
    aria_label = _("Duyệt công khai các ý kiến đã chọn")
    action_priority = 10
    target_status = CommentStatus.APPROVED
    done_message = _("Đã duyệt và công bố %(count)d ý kiến góp ý trên trang dự thảo.")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for comment in objects:
            comments.approve(comment, user)
        return len(objects), 0


class RejectBulkAction(CommentBulkAction):
    display_name = _("Không duyệt")
    action_type = "reject_comments"
    aria_label = _("Không duyệt các ý kiến đã chọn")
    action_priority = 20
    form_class = RejectForm
    target_status = CommentStatus.REJECTED
    done_message = _("Đã từ chối %(count)d ý kiến góp ý: các ý kiến này không được công bố.")

    def get_execution_context(self):
        return {**super().get_execution_context(), "reason": self.cleaned_form.cleaned_data["reason"]}

    @classmethod
    def execute_action(cls, objects, user=None, reason="", **kwargs):
        for comment in objects:
            comments.reject(comment, user, reason)
        return len(objects), 0
