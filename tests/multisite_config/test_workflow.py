"""Moderation: an editor's change goes to its own site's board; nobody approves their own submission;
editors cannot publish directly; the national centre can act anywhere."""

import pytest
from wagtail.models import TaskState, WorkflowState

from tests.support.workflow import approve, edit_form, section, submit


def test_submission_goes_to_own_board_only(client, hanoi_editor, hanoi_board, danang_board, centre_user, hanoi):
    page = section(hanoi)
    state = submit(client, hanoi_editor, page, "Giới thiệu (bản sửa)")
    task = state.current_task_state.task.specific
    assert task.get_actions(page, hanoi_board), "the site's own board may act"
    assert task.get_actions(page, centre_user), "the national centre may act anywhere"
    assert task.get_actions(page, danang_board) == []
    assert task.get_task_states_user_can_moderate(danang_board).count() == 0
    assert task.get_task_states_user_can_moderate(hanoi_board).filter(pk=state.current_task_state.pk).exists()


def test_other_province_board_cannot_approve_by_url(client, hanoi_editor, danang_board, hanoi):
    page = section(hanoi)
    state = submit(client, hanoi_editor, page, "Giới thiệu (bản sửa)")
    assert approve(client, danang_board, page, state).status_code == 404
    assert TaskState.objects.get(pk=state.current_task_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_board_approval_publishes(client, hanoi_editor, hanoi_board, hanoi):
    page = section(hanoi)
    state = submit(client, hanoi_editor, page, "Giới thiệu (đã duyệt)")
    approve(client, hanoi_board, page, state)
    page.refresh_from_db()
    assert page.title == "Giới thiệu (đã duyệt)" and page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_nobody_approves_their_own_submission(client, hanoi_board, hanoi_board_2, hanoi):
    page = section(hanoi)
    state = submit(client, hanoi_board, page, "Giới thiệu (tự duyệt?)")
    assert state.current_task_state.task.specific.get_actions(page, hanoi_board) == []
    approve(client, hanoi_board, page, state)
    page.refresh_from_db()
    assert page.title != "Giới thiệu (tự duyệt?)"
    assert TaskState.objects.get(pk=state.current_task_state.pk).status == TaskState.STATUS_IN_PROGRESS

    approve(client, hanoi_board_2, page, state)
    page.refresh_from_db()
    assert page.title == "Giới thiệu (tự duyệt?)", "a second board member can approve it"


def test_self_approval_refused_even_when_forced_through_the_model(hanoi_board, hanoi):
    from django.core.exceptions import PermissionDenied

    page = section(hanoi)
    page.save_revision(user=hanoi_board)
    state = page.get_workflow().start(page, hanoi_board)
    task_state = state.current_task_state
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, hanoi_board, "approve")


def test_editors_cannot_publish_directly(client, hanoi_editor, hanoi):
    page = section(hanoi)
    assert not page.permissions_for_user(hanoi_editor).can_publish()
    client.force_login(hanoi_editor)
    client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, "Xuất bản thẳng", **{"action-publish": "1"}))
    page.refresh_from_db()
    assert page.title != "Xuất bản thẳng"
    assert page.live_revision.content["title"] != "Xuất bản thẳng"
