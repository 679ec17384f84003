"""Admin of the legal app: the shared list of document types (the national centre edits it) and the
moderation of comments on drafts (the board of the draft's site, and the centre)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from multisite_config.site_owned import PortalSnippetViewSet, PublicRecordPermissionPolicy

from .comment_windows import next_window_change
from .comments import register_log_actions as register_comment_log_actions
from .models import CommentPeriodRule, DocumentType, DraftComment
from .moderation.bulk_actions import ApproveBulkAction, RejectBulkAction
from .moderation.viewsets import CommentViewSet


class DocumentTypeViewSet(PortalSnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = "Loại văn bản"
    add_to_admin_menu = False
    list_display = ["name", "slug"]


register_snippet(DocumentTypeViewSet)


class CommentPeriodRuleViewSet(PortalSnippetViewSet):
    """The shortest comment window per document type, checked when a draft is published (centre only)."""

    model = CommentPeriodRule
    icon = "time"
    menu_label = "Thời gian lấy ý kiến tối thiểu"
    add_to_admin_menu = False
    list_display = ["document_type", "min_days"]


register_snippet(CommentPeriodRuleViewSet)


# Comments on drafts: per-site moderation (view/change, never add/delete), bulk moderation, audit-log labels.
register_permission_policy(DraftComment, PublicRecordPermissionPolicy(DraftComment))
register_snippet(CommentViewSet)
hooks.register("register_log_actions", register_comment_log_actions)
hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)

# A cached draft page or list changes state (upcoming → open → closed) at these moments.
hooks.register("next_public_change", next_window_change)
