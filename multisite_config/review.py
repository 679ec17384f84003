"""The reviewer's side of Wagtail's page workflow (each site's board approves its editors' pages).

Stock Wagtail keeps "Lưu nháp" (save draft) as the page editor's primary button even for the person the page
waits for, puts "Chờ bạn duyệt" (awaiting your review) third on the dashboard, and after an approval made in
the editor says only that the page was updated. Here, for a reviewer: approving is the primary action
(``approve_first``), the review panel comes first (``review_first``), and after approving or requesting
changes a message says what came of it: published, sent to the next step, or sent back (``say_outcome``).
"""

from django.contrib import messages
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import WorkflowState

APPROVE, REQUEST_CHANGES = "approve", "reject"  # Wagtail's action names on a group approval task


def approve_first(menu_items, request, context):
    """``construct_page_action_menu``: the approve item, present only when the user may approve the page's
    current task, becomes the menu's first item, which Wagtail renders as the primary button."""
    for index, item in enumerate(menu_items):
        if isinstance(item, WorkflowMenuItem) and item.name == APPROVE:
            menu_items.insert(0, menu_items.pop(index))
            return


def review_first(request, panels):
    """``construct_homepage_panels`` (run after the apps' own): the pages awaiting the user's review come before
    every other panel. The panel shows nothing to a user with nothing to review."""
    for panel in panels:
        if isinstance(panel, WorkflowObjectsToModeratePanel):
            panel.order = min(other.order for other in panels) - 1


def outcome(page, action):
    """What an approval or a request for changes just did to ``page``, in words."""
    title = page.get_admin_display_title()
    if action == REQUEST_CHANGES:
        return f"Đã trả lại trang “{title}” cho người soạn để chỉnh sửa; trang chưa được xuất bản."
    state = page.workflow_states.order_by("-created_at", "-pk").first()
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        task = state.current_task_state.task
        return f"Đã phê chuẩn trang “{title}”; trang được chuyển sang bước tiếp theo: “{task.name}”."
    return f"Đã phê chuẩn và xuất bản trang “{title}”."


def say_outcome(request, page):
    """``after_edit_page``: when the editor's form was posted as an approval or a request for changes."""
    if "action-workflow-action" not in request.POST:
        return
    action = request.POST.get("workflow-action-name")
    if action in (APPROVE, REQUEST_CHANGES):
        messages.success(request, outcome(page, action))


class ReviewedWorkflowActionView(WorkflowActionView):
    """The approve / request-changes buttons of the dashboard's review panel, which stock Wagtail leaves
    without any message."""

    def post(self, request, *args, **kwargs):
        task_state = self.task_state
        response = super().post(request, *args, **kwargs)
        task_state.refresh_from_db()
        if self.action_name in (APPROVE, REQUEST_CHANGES) and task_state.status != task_state.STATUS_IN_PROGRESS:
            messages.success(request, outcome(self.object, self.action_name))
        return response
