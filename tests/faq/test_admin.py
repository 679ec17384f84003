"""The question inbox in the admin: confined per site, filters, one action per step, dashboard, failed e-mails."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry, Site

from contacts.models import Unit
from faq import transitions
from faq.inbox.dashboard import deadline_counts
from faq.models import OutboundEmail, Question, QuestionEvent
from faq.models import QuestionStatus as S
from multisite_config.models import SiteRole, Topic
from tests.contacts.factories import UnitFactory
from tests.faq.factories import QuestionFactory
from tests.multisite_config.factories import TopicFactory
from tests.support.exports import AS_TEXT, FORMULA, exported_rows, formula_cells

INBOX = "/admin/snippets/faq/question/"
EMAILS = "/admin/snippets/faq/outboundemail/"
NOW = timezone.now()


def page(pk):
    return f"{INBOX}edit/{pk}/"


def act(pk, action):
    return f"{INBOX}act/{pk}/{action}/"


def make_question(site, title, due_at=None, **fields):
    return QuestionFactory(site=site, title=title, phone="0912345678", due_at=due_at, **fields)


def listed(response):
    return {question.title for question in response.context["object_list"]}


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def hanoi_qa(make_user, hanoi):
    return make_user(SiteRole.QA_OFFICERS, hanoi, "hanoi.qa")


@pytest.fixture
def danang_qa(make_user, danang):
    return make_user(SiteRole.QA_OFFICERS, danang, "danang.qa")


@pytest.fixture
def hanoi_unit(hanoi):
    return UnitFactory(site=hanoi, name="Phòng Chế độ BHXH Hà Nội")


@pytest.fixture
def danang_unit(danang):
    return UnitFactory(site=danang, name="Phòng Chế độ BHXH Đà Nẵng")


@pytest.fixture
def inbox(hanoi, danang):
    """Hà Nội: late, due soon, due later, paused while late, published; Đà Nẵng: one late question."""
    return {
        "late": make_question(hanoi, "HN trễ hạn", NOW - dt.timedelta(hours=2)),
        "soon": make_question(hanoi, "HN sắp đến hạn", NOW + dt.timedelta(hours=1), status=S.ASSIGNED),
        "later": make_question(hanoi, "HN còn hạn", NOW + dt.timedelta(days=30)),
        "paused": make_question(hanoi, "HN tạm dừng", NOW - dt.timedelta(days=1), paused_at=NOW - dt.timedelta(days=3)),
        "done": make_question(hanoi, "HN đã trả lời", NOW - dt.timedelta(days=5), status=S.PUBLISHED),
        "danang": make_question(danang, "ĐN trễ hạn", NOW - dt.timedelta(hours=2)),
    }


# Listing and confinement


def test_inbox_lists_only_own_site_questions(client, hanoi_qa, centre_user, inbox):
    client.force_login(hanoi_qa)
    response = client.get(INBOX)
    assert response.status_code == 200
    assert "ĐN trễ hạn" not in listed(response) and "HN trễ hạn" in listed(response)
    client.force_login(centre_user)
    assert {"ĐN trễ hạn", "HN trễ hạn"} <= listed(client.get(INBOX))


def test_the_inbox_export_holds_only_own_site_questions_and_no_contact_data(client, hanoi_qa, inbox):
    client.force_login(hanoi_qa)
    response = client.get(INBOX, {"export": "csv"})
    exported = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert response.status_code == 200
    assert inbox["late"].display_code in exported and inbox["danang"].display_code not in exported
    assert inbox["late"].email not in exported and inbox["late"].name not in exported


def test_board_sees_the_inbox_but_an_editor_does_not(client, hanoi_board, hanoi_editor, inbox):
    client.force_login(hanoi_board)
    assert "HN trễ hạn" in listed(client.get(INBOX))
    client.force_login(hanoi_editor)
    assert client.get(INBOX).status_code in (302, 403)
    assert client.get(page(inbox["late"].pk)).status_code in (302, 403, 404)


def test_another_provinces_officer_gets_404_on_page_action_and_history(client, danang_qa, inbox):
    question = inbox["late"]
    client.force_login(danang_qa)
    assert "HN trễ hạn" not in listed(client.get(INBOX))
    for url in (page(question.pk), f"{INBOX}history/{question.pk}/", f"{INBOX}usage/{question.pk}/"):
        assert client.get(url).status_code == 404, url
    response = client.post(act(question.pk, "refuse"), {"reason": "Không thuộc phạm vi"})
    assert response.status_code == 404
    question.refresh_from_db()
    assert question.status == S.RECEIVED and not question.events.exists()


def test_the_page_shows_private_contact_data_to_staff(client, hanoi_qa, inbox):
    client.force_login(hanoi_qa)
    html = client.get(page(inbox["late"].pk)).content.decode()
    assert "nguoihoi@example.vn" in html and "0912345678" in html


def test_questions_are_never_added_or_deleted_in_the_admin(client, centre_user, hanoi_qa, inbox):
    for user in (centre_user, hanoi_qa):
        client.force_login(user)
        assert client.get(f"{INBOX}add/").status_code in (302, 403)
        client.post(f"{INBOX}delete/{inbox['late'].pk}/")
        assert Question.objects.filter(pk=inbox["late"].pk).exists()


# Filters


def test_late_filter_returns_exactly_the_late_open_unpaused_questions(client, hanoi_qa, centre_user, inbox):
    client.force_login(hanoi_qa)
    assert listed(client.get(INBOX, {"late": "true"})) == {"HN trễ hạn"}
    client.force_login(centre_user)
    assert listed(client.get(INBOX, {"late": "true"})) == {"HN trễ hạn", "ĐN trễ hạn"}


def test_late_filter_catches_a_question_received_in_the_past(client, hanoi_qa, hanoi, inbox):
    old = transitions.submit(
        hanoi, name="B", email="b@example.vn", title="HN gửi tuần trước", body="…", now=NOW - dt.timedelta(days=14)
    )
    assert old.due_at < NOW
    client.force_login(hanoi_qa)
    assert listed(client.get(INBOX, {"late": "true"})) == {"HN trễ hạn", "HN gửi tuần trước"}


def test_due_soon_filter_uses_one_working_day(client, hanoi_qa, inbox):
    client.force_login(hanoi_qa)
    assert listed(client.get(INBOX, {"due_soon": "true"})) == {"HN sắp đến hạn"}


def test_state_unit_topic_and_site_filters(client, hanoi_qa, centre_user, hanoi, danang, hanoi_unit, inbox):
    topic = TopicFactory(slug="bhyt", name="Bảo hiểm y tế")
    Question.objects.filter(pk=inbox["soon"].pk).update(unit=hanoi_unit, topic=topic)
    client.force_login(hanoi_qa)
    assert listed(client.get(INBOX, {"status": S.ASSIGNED})) == {"HN sắp đến hạn"}
    assert listed(client.get(INBOX, {"unit": hanoi_unit.pk})) == {"HN sắp đến hạn"}
    assert listed(client.get(INBOX, {"topic": topic.pk})) == {"HN sắp đến hạn"}
    client.force_login(centre_user)
    assert listed(client.get(INBOX, {"site": danang.pk})) == {"ĐN trễ hạn"}


def test_filters_offer_only_own_sites_and_units(client, hanoi_qa, hanoi_unit, danang_unit, inbox):
    client.force_login(hanoi_qa)
    form = client.get(INBOX).context["filters"].form
    assert list(form.fields["unit"].queryset) == [hanoi_unit]
    assert [site.hostname for site in form.fields["site"].queryset] == ["hanoi.localhost"]


# Actions


def post(client, question, action, data=None):
    response = client.post(act(question.pk, action), data or {})
    assert response.status_code == 302 and response.url == page(question.pk)
    question.refresh_from_db()
    return response


def logged(question, action):
    return ModelLogEntry.objects.filter(object_id=str(question.pk), action=f"faq.question.{action}").first()


def test_each_action_moves_the_state_and_is_logged_twice(
    client, hanoi_qa, hanoi, hanoi_unit, inbox, django_capture_on_commit_callbacks, mailoutbox
):
    topic = TopicFactory(slug="bhxh-tu-nguyen", name="BHXH tự nguyện")
    question = transitions.submit(hanoi, name="C", email="c@example.vn", title="Đóng BHXH tự nguyện", body="…")
    client.force_login(hanoi_qa)
    steps = [
        ("classify", {"topic": topic.pk, "is_complex": "on"}, S.CLASSIFIED),
        ("pause", {"reason": "Chờ người hỏi bổ sung mã số BHXH"}, S.CLASSIFIED),
        ("resume", {}, S.CLASSIFIED),
        ("assign", {"unit": hanoi_unit.pk, "is_complex": "on"}, S.ASSIGNED),
        ("extend", {"days": 3, "reason": "Cần xác minh quá trình đóng"}, S.ASSIGNED),
        ("answer", {"text": "Ông/Bà được đóng tiếp BHXH tự nguyện."}, S.ANSWERED),
        ("publish", {}, S.PUBLISHED),
    ]
    for action, data, status in steps:
        with django_capture_on_commit_callbacks(execute=True):
            post(client, question, action, data)
        assert question.status == status, action
        event = question.events.order_by("-pk").first()
        assert event.action == action and event.user == hanoi_qa
        entry = logged(question, action)
        assert entry is not None and entry.user == hanoi_qa and entry.data["to"] == status, action
    assert question.topic == topic and question.unit == hanoi_unit and question.is_complex
    assert question.extension_days == 3 and question.paused_at is None
    assert logged(question, "assign").data["note"] == hanoi_unit.name
    assert "được đóng tiếp" in mailoutbox[-1].body  # the answer went to the asker


def test_refusal_is_logged_with_its_reason(client, hanoi_qa, inbox):
    question = inbox["later"]
    client.force_login(hanoi_qa)
    post(client, question, "refuse", {"reason": "Câu hỏi không thuộc lĩnh vực BHXH"})
    assert question.status == S.REFUSED
    assert QuestionEvent.objects.get(question=question, action="refuse").note == "Câu hỏi không thuộc lĩnh vực BHXH"
    assert logged(question, "refuse").data["note"] == "Câu hỏi không thuộc lĩnh vực BHXH"


def test_a_step_the_state_does_not_allow_is_refused_with_the_reason(client, hanoi_qa, inbox):
    question = inbox["later"]
    client.force_login(hanoi_qa)
    response = post(client, question, "answer", {"text": "Trả lời vội"})
    assert question.status == S.RECEIVED and question.answer == ""
    assert any("Không thể" in message for message in messages_of(response))
    assert logged(question, "answer") is None and not question.events.exists()


def test_a_form_error_names_the_field_and_changes_nothing(client, hanoi_qa, inbox):
    question = inbox["soon"]
    client.force_login(hanoi_qa)
    response = post(client, question, "extend", {"days": 99, "reason": "Quá dài"})
    assert question.extension_days == 0
    assert any(message.startswith("Số ngày làm việc gia hạn") for message in messages_of(response))


def test_units_of_another_site_cannot_be_assigned(client, hanoi_qa, danang_unit, inbox):
    question = inbox["later"]
    client.force_login(hanoi_qa)
    post(client, question, "assign", {"unit": danang_unit.pk})
    assert question.status == S.RECEIVED and question.unit is None


def test_the_page_offers_only_the_steps_of_the_current_state(client, hanoi_qa, inbox):
    client.force_login(hanoi_qa)
    offered = {action.name for action, _form in client.get(page(inbox["soon"].pk)).context["actions"]}
    assert offered == {"answer", "pause", "extend"}
    offered = {action.name for action, _form in client.get(page(inbox["paused"].pk)).context["actions"]}
    assert offered == {"resume"}


# Dashboard


def test_dashboard_panel_counts_own_site(client, hanoi_qa, inbox):
    client.force_login(hanoi_qa)
    html = client.get("/admin/").content.decode()
    assert 'data-count="late">1<' in html and 'data-count="due_soon">1<' in html
    assert f"{INBOX}?late=true" in html
    assert deadline_counts(hanoi_qa, now=NOW) == [
        {"site_id": inbox["late"].site_id, "site_name": "Bảo hiểm xã hội thành phố Hà Nội", "late": 1, "due_soon": 1}
    ]


def test_dashboard_panel_for_the_centre_adds_up_every_site(client, centre_user, inbox):
    client.force_login(centre_user)
    html = client.get("/admin/").content.decode()
    assert 'data-count="late">2<' in html and 'data-count="due_soon">1<' in html
    assert {row["site_name"] for row in deadline_counts(centre_user)} == {
        "Bảo hiểm xã hội thành phố Hà Nội",
        "Bảo hiểm xã hội thành phố Đà Nẵng",
    }


def test_dashboard_panel_is_one_query_whatever_the_number_of_sites(centre_user, django_assert_max_num_queries):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            rows = deadline_counts(centre_user)
        return len(queries), rows

    late = NOW - dt.timedelta(hours=1)
    sites = list(Site.objects.order_by("pk"))
    make_question(sites[0], "Một trang", late)
    centre_user = type(centre_user).objects.get(pk=centre_user.pk)  # fresh permission cache for each count
    one_site, rows = count_queries()
    assert len(rows) == 1
    for site in sites[1:]:
        make_question(site, "Mọi trang", late)
    centre_user = type(centre_user).objects.get(pk=centre_user.pk)
    with django_assert_max_num_queries(one_site):
        rows = deadline_counts(centre_user)
    assert len(rows) == len(sites) == 35 and sum(row["late"] for row in rows) == 35


def test_no_panel_for_users_without_questions(client, hanoi_editor, inbox):
    client.force_login(hanoi_editor)
    assert "question-deadlines" not in client.get("/admin/").content.decode()


# Failed e-mails


@pytest.fixture
def failed_email(hanoi, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        question = transitions.submit(hanoi, name="D", email="d@example.vn", title="Thư lỗi", body="…")
    return OutboundEmail.objects.get(subject_ref=question.tracking_code)


def test_staff_see_failed_emails_of_their_site_only(client, hanoi_qa, danang_qa, failed_email):
    assert failed_email.attempts == 1 and failed_email.sent_at is None
    client.force_login(hanoi_qa)
    assert [email.pk for email in client.get(EMAILS).context["object_list"]] == [failed_email.pk]
    assert "SMTP down" in client.get(f"{EMAILS}edit/{failed_email.pk}/").content.decode()
    client.force_login(danang_qa)
    assert list(client.get(EMAILS).context["object_list"]) == []
    assert client.get(f"{EMAILS}edit/{failed_email.pk}/").status_code == 404
    assert client.post(f"{EMAILS}retry/{failed_email.pk}/").status_code == 404
    failed_email.refresh_from_db()
    assert failed_email.attempts == 1


def test_retry_sends_a_failed_email_once_the_server_is_back(client, hanoi_qa, failed_email, settings, mailoutbox):
    client.force_login(hanoi_qa)
    response = client.post(f"{EMAILS}retry/{failed_email.pk}/")
    failed_email.refresh_from_db()
    assert failed_email.attempts == 2 and failed_email.last_error == "SMTP down" and failed_email.sent_at is None
    assert any("không thành công" in message for message in messages_of(response))

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(f"{EMAILS}retry/{failed_email.pk}/")
    failed_email.refresh_from_db()
    assert failed_email.sent_at is not None and mailoutbox[-1].to == ["d@example.vn"]
    assert ModelLogEntry.objects.filter(object_id=str(failed_email.pk), action="faq.outboundemail.retry").count() == 2
    assert list(client.get(EMAILS).context["object_list"]) == []


# Units and topics


def test_boards_edit_only_their_own_units(client, hanoi_board, hanoi, danang, hanoi_unit, danang_unit):
    client.force_login(hanoi_board)
    listing = {unit.name for unit in client.get("/admin/snippets/contacts/unit/").context["object_list"]}
    assert listing == {hanoi_unit.name}
    assert client.get(f"/admin/snippets/contacts/unit/edit/{hanoi_unit.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/contacts/unit/edit/{danang_unit.pk}/").status_code == 404
    response = client.post(
        "/admin/snippets/contacts/unit/add/",
        {"site": hanoi.pk, "kind": Unit.Kind.LOCAL_OFFICE, "name": "BHXH cơ sở Ba Đình", "parent": danang_unit.pk},
    )
    assert "parent" in response.context["form"].errors
    response = client.post(
        "/admin/snippets/contacts/unit/add/",
        {"site": danang.pk, "kind": Unit.Kind.LOCAL_OFFICE, "name": "BHXH cơ sở Hải Châu"},
    )
    assert "site" in response.context["form"].errors
    assert not Unit.objects.filter(name__startswith="BHXH cơ sở").exists()


def test_qa_officers_see_their_units_to_route_questions(client, hanoi_qa, hanoi_unit, danang_unit):
    client.force_login(hanoi_qa)
    listing = client.get("/admin/snippets/contacts/unit/")
    assert [unit.name for unit in listing.context["object_list"]] == [hanoi_unit.name]
    assert client.get(f"/admin/snippets/contacts/unit/edit/{hanoi_unit.pk}/").status_code in (302, 403)


def test_topics_are_edited_by_the_centre_only(client, centre_user, hanoi_board):
    client.force_login(hanoi_board)
    assert client.get("/admin/snippets/multisite_config/topic/add/").status_code in (302, 403)
    client.force_login(centre_user)
    client.post("/admin/snippets/multisite_config/topic/add/", {"name": "Bảo hiểm thất nghiệp", "slug": "bhtn"})
    assert Topic.objects.filter(slug="bhtn").exists()


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_inbox_export_writes_a_formula_typed_name_as_text(client, hanoi_qa, hanoi, export):
    make_question(hanoi, "HN có đơn vị", NOW, unit=UnitFactory(site=hanoi, name=FORMULA))
    client.force_login(hanoi_qa)

    rows = exported_rows(client.get(INBOX, {"export": export}))

    assert formula_cells(rows) == [AS_TEXT]
    if export == "xlsx":
        assert any(isinstance(cell, dt.datetime) for cell in rows[1])
