"""The admin of questions: the "Hỏi đáp" menu (inbox, failed e-mails), its audit-log actions, the dashboard panel."""

from wagtail import hooks
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet

from multisite_config.site_owned import PublicRecordPermissionPolicy

from . import request_admin  # noqa: F401  (registers the admin of requests for information)
from .inbox.actions import register_log_actions
from .inbox.dashboard import QuestionDeadlinesPanel
from .inbox.viewsets import QuestionAdminGroup
from .models import OutboundEmail, Question

register_permission_policy(Question, PublicRecordPermissionPolicy(Question))
register_permission_policy(OutboundEmail, PublicRecordPermissionPolicy(OutboundEmail))
register_snippet(QuestionAdminGroup)
hooks.register("register_log_actions", register_log_actions)


@hooks.register("construct_homepage_panels")
def add_question_deadlines_panel(request, panels):
    if policy_registry.get_by_type(Question).user_has_any_permission(request.user, ["view", "change"]):
        panels.append(QuestionDeadlinesPanel(Question.snippet_viewset.get_url_name("list")))
