"""The record-action kit on its own: one step declared here, routed through the one ``RecordActionView``
outside the admin URLs, so the view's own confinement and refusals are what is tested, not the middleware's.
"""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.urls import include, path
from django.utils import timezone

from core.record_actions import ActionRefused, RecordAction, RecordActionForm
from faq.models import Question
from faq.models import QuestionStatus as S
from multisite_config.models import SiteRole
from multisite_config.record_views import RecordActionView
from portal import urls as portal_urls


class NoteForm(RecordActionForm):
    note = forms.CharField(label="Ghi chú", max_length=20)


def write_note(question, user, data):
    """Saves first, then refuses "từ chối": what was saved before the refusal must not stay."""
    question.answer = data["note"]
    question.save(update_fields=["answer"])
    if data["note"] == "từ chối":
        raise ActionRefused("Quy tắc không cho ghi chú này.")


STEPS = [RecordAction("note", "Ghi chú nội bộ", NoteForm, write_note, lambda q: q.status == S.RECEIVED)]
step_view = RecordActionView.as_view(
    model=Question,
    actions=STEPS,
    record_url_name="wagtailsnippets_faq_question:edit",
    index_url_name="wagtailsnippets_faq_question:list",
)
urlpatterns = [path("kit/<int:pk>/<slug:action>/", step_view), path("", include(portal_urls))]
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def url(question, action="note"):
    return f"/kit/{question.pk}/{action}/"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def make_question(site, **fields):
    return Question.objects.create(
        site=site, name="A", email="a@example.vn", title="Câu hỏi", body="…", received_at=timezone.now(), **fields
    )


@pytest.fixture
def officer(client, make_user, hanoi):
    user = make_user(SiteRole.QA_OFFICERS, hanoi, "hanoi.qa")
    client.force_login(user)
    return user


def test_get_shows_the_form_of_an_offered_step(client, officer, hanoi):
    question = make_question(hanoi)
    response = client.get(url(question))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ghi chú nội bộ" in html and 'name="note"' in html and f'action="{url(question)}"' in html


def test_a_valid_form_is_applied_said_and_back_to_the_record(client, officer, hanoi):
    question = make_question(hanoi)
    response = client.post(url(question), {"note": "đã xem"})
    assert response.status_code == 302 and response.url == f"/admin/snippets/faq/question/edit/{question.pk}/"
    assert messages_of(response) == ["Đã thực hiện “Ghi chú nội bộ”."]
    question.refresh_from_db()
    assert question.answer == "đã xem"


def test_an_invalid_form_names_the_field_and_saves_nothing(client, officer, hanoi):
    question = make_question(hanoi)
    response = client.post(url(question), {"note": "x" * 21})
    assert response.status_code == 302
    assert [message.split(":")[0] for message in messages_of(response)] == ["Ghi chú"]
    question.refresh_from_db()
    assert question.answer == ""


def test_a_refusal_by_the_rules_is_said_and_rolls_back_what_the_step_saved(client, officer, hanoi):
    question = make_question(hanoi)
    response = client.post(url(question), {"note": "từ chối"})
    assert response.status_code == 302 and messages_of(response) == ["Quy tắc không cho ghi chú này."]
    question.refresh_from_db()
    assert question.answer == ""


def test_a_step_the_state_does_not_offer_has_no_form_page(client, officer, hanoi):
    assert client.get(url(make_question(hanoi, status=S.ASSIGNED))).status_code == 404


def test_an_unknown_step_is_404(client, officer, hanoi):
    question = make_question(hanoi)
    assert client.get(url(question, "publish")).status_code == 404
    assert client.post(url(question, "publish"), {"note": "x"}).status_code == 404


def test_another_sites_record_is_404_and_untouched(client, officer, danang):
    question = make_question(danang)
    assert client.get(url(question)).status_code == 404
    assert client.post(url(question), {"note": "x"}).status_code == 404
    question.refresh_from_db()
    assert question.answer == ""


def test_a_user_who_may_not_act_is_403_and_nothing_is_saved(client, hanoi_editor, hanoi):
    question = make_question(hanoi)
    client.force_login(hanoi_editor)
    assert client.get(url(question)).status_code == 403
    assert client.post(url(question), {"note": "x"}).status_code == 403
    question.refresh_from_db()
    assert question.answer == ""


def test_the_record_page_offers_only_the_steps_its_state_and_the_user_allow(hanoi, officer, hanoi_editor):
    received, assigned = make_question(hanoi), make_question(hanoi, status=S.ASSIGNED)
    assert STEPS[0].offered(received, officer) and not STEPS[0].offered(assigned, officer)
    assert not STEPS[0].offered(received, hanoi_editor)
