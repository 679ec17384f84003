"""The reviewer's side of the page workflow: approving is the primary action of the editor for whoever may
approve, "Chờ bạn duyệt" is the dashboard's first panel, and approving or sending back says what it did."""

import pytest
from django.contrib.messages import get_messages
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from tests.support.workflow import approve, edit_form, section, submit

pytestmark = pytest.mark.django_db


def said(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.fixture
def submitted(client, hanoi_editor, hanoi):
    """Hà Nội's introduction page, changed by an editor and waiting for the board."""
    page = section(hanoi)
    return page, submit(client, hanoi_editor, page, "Giới thiệu (chờ duyệt)")


def test_approving_is_the_primary_action_for_the_reviewer_only(client, hanoi_board, hanoi_editor, submitted):
    page, _state = submitted
    client.force_login(hanoi_board)
    menu = client.get(f"/admin/pages/{page.pk}/edit/").context["action_menu"]
    assert menu.default_item.name == "approve"
    assert "action-save-draft" in {item.name for item in menu.menu_items}  # still there, under the arrow

    client.force_login(hanoi_editor)  # the author cannot approve: nothing to put first
    menu = client.get(f"/admin/pages/{page.pk}/edit/").context["action_menu"]
    assert "approve" not in {menu.default_item.name, *(item.name for item in menu.menu_items)}


def test_awaiting_your_review_is_the_first_panel_of_the_dashboard(client, hanoi_board, submitted):
    client.force_login(hanoi_board)
    panels = client.get("/admin/").context["panels"]
    assert isinstance(panels[0], WorkflowObjectsToModeratePanel)
    assert len(panels) > 1


def test_requesting_changes_in_the_editor_says_the_page_was_sent_back(client, hanoi_board, submitted):
    """From the editor. (An approval posted there with changes saves the reviewer's revision first, which the
    board's own-work rule then refuses; the approval's message is checked from the dashboard below.)"""
    page, _state = submitted
    client.force_login(hanoi_board)
    action = {"action-workflow-action": "1", "workflow-action-name": "reject"}
    response = client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, "Giới thiệu (chờ duyệt)", **action))
    assert "Đã trả lại trang “Giới thiệu (chờ duyệt)” cho người soạn để chỉnh sửa; trang chưa được xuất bản." in said(
        response
    )


def test_approving_from_the_dashboard_says_the_page_was_published(client, hanoi_board, submitted):
    page, state = submitted
    response = approve(client, hanoi_board, page, state)
    assert "Đã phê chuẩn và xuất bản trang “Giới thiệu (chờ duyệt)”." in said(response)
    page.refresh_from_db()
    assert page.live and page.title == "Giới thiệu (chờ duyệt)"
