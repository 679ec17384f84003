"""The "Hỏi đáp" admin menu: the question inbox and the failed e-mails, both site-owned snippet viewsets.

Being ``SiteOwnedSnippetViewSet``s, every view of theirs that opens a record reads it from the user's sites
only (the viewset's views through ``ConfinedObjectMixin``, the step URLs ``act/<pk>/<step>/`` and
``retry/<pk>/`` through ``HandledRecordMixin``): another site's record is a 404, and
``AdminSiteConfinementMiddleware`` refuses the same URLs again. Their "edit" page is the record's page with
its actions: public records are handled, not edited.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.record_listing import DeadlineRecordIndexView, LateColumn, LocalTimeColumn, TrackedRecordIndexView
from multisite_config.record_views import RecordActionsViewSetMixin
from multisite_config.site_owned import SiteOwnedSnippetViewSet

from ..models import OutboundEmail, Question
from .actions import ACTIONS
from .filters import EmailFilterSet, QuestionFilterSet
from .views import EmailDetailView, EmailRetryView, QuestionDetailView


class PublicRecordViewSet(SiteOwnedSnippetViewSet):
    """Lists the records of the sites the user handles; their "edit" page is ``edit_view_class``."""

    copy_view_enabled = False

    def handled(self, request):
        policy = policy_registry.get_by_type(self.model)
        return self.model._default_manager.filter(site__in=policy.handled_sites(request.user))


class QuestionViewSet(RecordActionsViewSetMixin, PublicRecordViewSet):
    model = Question
    index_view_class = DeadlineRecordIndexView
    record_actions = ACTIONS
    action_done_message = _("Đã thực hiện “{action}” cho câu hỏi {record.display_code}.")
    icon = "help"
    menu_label = _("Câu hỏi của người dân")
    edit_view_class = QuestionDetailView
    edit_template_name = "faq/admin/question_detail.html"
    filterset_class = QuestionFilterSet
    search_fields = ["tracking_code", "title", "name", "email"]
    list_display = [
        "tracking_code",
        "title",
        "site",
        Column("status", label=_("Trạng thái"), accessor="get_status_display", sort_key="status"),
        "topic",
        "unit",
        LocalTimeColumn("due_at", label=_("Hạn"), sort_key="due_at"),
        Column("due_step", label=_("Việc đến hạn"), accessor="due_step"),
        LateColumn(),
    ]
    # The board's spreadsheet of its questions: the process, never the asker's contact data.
    list_export = [
        "tracking_code",
        "site",
        "status",
        "topic",
        "unit",
        "is_complex",
        "received_at",
        "due_at",
        "answered_at",
        "published_at",
        "refused_at",
    ]

    def get_queryset(self, request):
        return self.handled(request).select_related("site", "topic", "unit")

    @property
    def edit_view(self):
        return self.construct_view(
            self.edit_view_class, template_name=self.edit_template_name, **self.record_page_kwargs()
        )


class FailedEmailViewSet(PublicRecordViewSet):
    """The outbox of e-mails to askers and requesters: the failed ones first (the list opens on them), so staff
    can see and send them again, and every other message with its state, as `make run`'s demo writes them."""

    model = OutboundEmail
    icon = "mail"
    menu_label = _("Hộp thư đi")
    edit_view_class = EmailDetailView
    edit_template_name = "faq/admin/email_detail.html"
    index_view_class = TrackedRecordIndexView
    list_display = [
        "subject",
        "to",
        "site",
        "kind",
        "attempts",
        LocalTimeColumn("sent_at", label=_("Gửi lúc"), sort_key="sent_at"),
        "last_error",
        LocalTimeColumn("next_attempt_at", label=_("Thử lại lúc"), sort_key="next_attempt_at"),
        LocalTimeColumn("created_at", label=_("Tạo lúc"), sort_key="created_at"),
    ]
    filterset_class = EmailFilterSet

    def get_queryset(self, request):
        messages = self.handled(request).select_related("site")
        return messages if request.GET.get("state") else messages.failed()

    @property
    def edit_view(self):
        return self.construct_view(
            self.edit_view_class, template_name=self.edit_template_name, retry_url_name=self.get_url_name("retry")
        )

    @property
    def retry_view(self):
        return self.construct_view(EmailRetryView)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"retry/<{self.pk_path_converter}:pk>/", self.retry_view, name="retry"),
        ]


class QuestionAdminGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, FailedEmailViewSet)
    menu_icon = "help"
    menu_label = _("Hỏi đáp")
    menu_name = "hoi-dap"
