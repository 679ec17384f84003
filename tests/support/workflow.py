"""Wagtail's page workflow driven as the admin drives it: a section page to edit, the edit form with one action
button, a submission for moderation and an approval (the workflow, review and admin-language tests)."""

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import rich_text

from home.models import SectionPage


def section(site, slug="gioi-thieu"):
    return SectionPage.objects.descendant_of(site.root_page).get(slug=slug)


def edit_form(page, title, **action):
    """The page edit form as the admin posts it, with one action button (submit, publish, save)."""
    data = {
        "title": title,
        "slug": page.slug,
        "lead": "",
        "body": rich_text("<p>Nội dung sửa đổi.</p>"),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(action)
    return data


def submit(client, user, page, title):
    client.force_login(user)
    response = client.post(f"/admin/pages/{page.pk}/edit/", edit_form(page, title, **{"action-submit": "1"}))
    assert response.status_code == 302, response.content[:500]
    return WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )


def approve(client, user, page, state):
    client.force_login(user)
    task_state = state.current_task_state
    return client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
