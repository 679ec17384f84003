"""Moderation of comments in the admin: confined to the board of the draft's site (and the centre),
filters and the campaign size, approve / reject / decide and their bulk forms, all in the audit log."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from wagtail.models import ModelLogEntry
from wagtail.permissions import policy_registry

from legal.models import CommentDecision, CommentStatus, DraftComment
from multisite_config.models import SiteRole
from tests.legal.factories import COMMENT_TEXT, make_comment, make_draft
from tests.support.exports import AS_TEXT, FORMULA, exported_rows, formula_cells

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/legal/draftcomment/"
BULK = "/admin/bulk/legal/draftcomment/"


def page(pk):
    return f"{LIST}edit/{pk}/"


def act(pk, action):
    return f"{LIST}act/{pk}/{action}/"


def listed(response):
    return {comment.pk for comment in response.context["object_list"]}


def logged(comment, action):
    return ModelLogEntry.objects.filter(object_id=str(comment.pk), action=f"legal.comment.{action}")


@pytest.fixture
def drafts(hanoi, danang):
    return make_draft(hanoi, slug="du-thao-ha-noi"), make_draft(danang, slug="du-thao-da-nang")


@pytest.fixture
def hanoi_comment(drafts):
    return make_comment(drafts[0], "Ý kiến của người dân Hà Nội về Điều 1.", anchor="a1")


@pytest.fixture
def danang_comment(drafts):
    return make_comment(drafts[1], "Ý kiến của người dân Đà Nẵng về Điều 2.", anchor="a2")


# --- confinement --------------------------------------------------------------------------------------


def test_the_list_shows_only_the_boards_own_site(
    client, hanoi_board, danang_board, centre_user, hanoi_comment, danang_comment
):
    client.force_login(danang_board)
    response = client.get(LIST)
    assert response.status_code == 200 and listed(response) == {danang_comment.pk}
    assert "Hà Nội về Điều 1" not in response.content.decode()
    client.force_login(centre_user)
    assert listed(client.get(LIST)) >= {hanoi_comment.pk, danang_comment.pk}


def test_another_provinces_board_gets_404_on_every_url_of_a_comment(client, danang_board, hanoi_comment, drafts):
    client.force_login(danang_board)
    for url in (
        page(hanoi_comment.pk),
        f"{LIST}history/{hanoi_comment.pk}/",
        f"{LIST}usage/{hanoi_comment.pk}/",
        f"{LIST}report/{drafts[0].pk}/",
    ):
        assert client.get(url).status_code == 404, url
    for action, data in (
        ("approve", {}),
        ("reject", {"reason": "Spam"}),
        ("decide", {"decision": "accepted", "response": "Tiếp thu"}),
    ):
        assert client.post(act(hanoi_comment.pk, action), data).status_code == 404
    hanoi_comment.refresh_from_db()
    assert hanoi_comment.status == CommentStatus.PENDING and hanoi_comment.decision == ""


@pytest.mark.parametrize("action", ["approve_comments", "reject_comments", "delete"])
def test_bulk_actions_on_another_provinces_comments_are_404_and_name_nothing(
    client, danang_board, hanoi_comment, danang_comment, action
):
    client.force_login(danang_board)
    for ids in (f"id={hanoi_comment.pk}", f"id={hanoi_comment.pk}&id={danang_comment.pk}", "id=all"):
        response = client.get(f"{BULK}{action}/?{ids}")
        assert response.status_code == 404 and "Hà Nội" not in response.content.decode()
        assert client.post(f"{BULK}{action}/?{ids}", {"reason": "Spam"}).status_code == 404
    hanoi_comment.refresh_from_db(), danang_comment.refresh_from_db()
    assert hanoi_comment.status == danang_comment.status == CommentStatus.PENDING


def test_editors_cannot_moderate(client, hanoi_editor, hanoi_comment):
    client.force_login(hanoi_editor)
    assert client.get(LIST).status_code in (302, 403)
    assert client.post(act(hanoi_comment.pk, "approve")).status_code in (302, 403, 404)
    hanoi_comment.refresh_from_db()
    assert hanoi_comment.status == CommentStatus.PENDING


# --- actions ------------------------------------------------------------------------------------------


def test_board_approves_rejects_with_reason_and_records_the_decision_in_the_audit_log(
    client, hanoi_board, hanoi_comment
):
    client.force_login(hanoi_board)
    assert client.get(page(hanoi_comment.pk)).status_code == 200
    client.post(act(hanoi_comment.pk, "reject"), {"reason": ""})
    hanoi_comment.refresh_from_db()
    assert hanoi_comment.status == CommentStatus.PENDING  # a rejection needs its reason

    client.post(act(hanoi_comment.pk, "reject"), {"reason": "Nội dung không liên quan đến dự thảo"})
    hanoi_comment.refresh_from_db()
    assert hanoi_comment.status == CommentStatus.REJECTED
    assert hanoi_comment.rejection_reason == "Nội dung không liên quan đến dự thảo"
    assert hanoi_comment.moderated_by == hanoi_board
    assert logged(hanoi_comment, "reject").get().user == hanoi_board

    client.post(act(hanoi_comment.pk, "approve"))
    client.post(act(hanoi_comment.pk, "decide"), {"decision": "partly", "response": "Tiếp thu một phần, sửa Điều 1."})
    hanoi_comment.refresh_from_db()
    assert (hanoi_comment.status, hanoi_comment.decision) == (CommentStatus.APPROVED, CommentDecision.PARTLY)
    assert hanoi_comment.response == "Tiếp thu một phần, sửa Điều 1." and hanoi_comment.decided_by == hanoi_board
    assert logged(hanoi_comment, "approve").count() == 1 and logged(hanoi_comment, "decide").count() == 1
    html = client.get(page(hanoi_comment.pk)).content.decode()
    assert "Góp ý dự thảo: ghi tiếp thu, giải trình" in html


def test_no_decision_on_a_rejected_comment(client, hanoi_board, drafts):
    comment = make_comment(drafts[0], status=CommentStatus.REJECTED, rejection_reason="Spam")
    client.force_login(hanoi_board)
    response = client.post(act(comment.pk, "decide"), {"decision": "accepted", "response": "?"})
    assert any("không ghi tiếp thu" in str(message) for message in get_messages(response.wsgi_request))
    comment.refresh_from_db()
    assert comment.decision == "" and not logged(comment, "decide").exists()


def test_bulk_approve_and_bulk_reject_with_a_reason(client, hanoi_board, drafts):
    first, second, third = (make_comment(drafts[0], f"Ý kiến số {i} về dự thảo.") for i in range(3))
    client.force_login(hanoi_board)
    assert client.get(f"{BULK}approve_comments/?id={first.pk}&id={second.pk}").status_code == 200
    client.post(f"{BULK}approve_comments/?id={first.pk}&id={second.pk}")
    response = client.post(f"{BULK}reject_comments/?id={third.pk}", {"reason": ""})
    assert response.status_code == 200  # the form again: a reason is required
    client.post(f"{BULK}reject_comments/?id={third.pk}", {"reason": "Trùng lặp"})
    statuses = dict(DraftComment.objects.filter(draft=drafts[0]).values_list("pk", "status"))
    assert statuses == {first.pk: "approved", second.pk: "approved", third.pk: "rejected"}
    assert logged(first, "approve").get().user == hanoi_board
    assert logged(third, "reject").get().data["note"] == "Trùng lặp"


# --- filters and campaigns ----------------------------------------------------------------------------


def test_filters_by_draft_article_state_and_duplicates_with_the_campaign_size(client, hanoi_board, hanoi):
    one, two = make_draft(hanoi, slug="mot"), make_draft(hanoi, slug="hai")
    root = make_comment(one, COMMENT_TEXT, anchor="a1")
    copies = [make_comment(one, COMMENT_TEXT, anchor="a1", campaign=root) for _ in range(2)]
    approved = make_comment(one, "Ý kiến khác về Điều 2 đã duyệt.", CommentStatus.APPROVED, anchor="a2")
    elsewhere = make_comment(two, "Ý kiến về dự thảo thứ hai.", anchor="a3")
    client.force_login(hanoi_board)

    every = {"status": "all"}  # the list opens on "Chờ duyệt"; these filters are checked over every state
    assert listed(client.get(LIST, {"draft": two.pk})) == {elsewhere.pk}
    assert listed(client.get(LIST, {"article": "Điều 2", **every})) == {approved.pk}
    assert listed(client.get(LIST, {"article": "a3"})) == {elsewhere.pk}
    assert listed(client.get(LIST, {"status": "approved"})) == {approved.pk}
    assert listed(client.get(LIST, {"duplicates": "true"})) == {root.pk, *(c.pk for c in copies)}
    assert listed(client.get(LIST, {"duplicates": "false", **every})) == {approved.pk, elsewhere.pk}
    sizes = {comment.pk: comment.group_size for comment in client.get(LIST, every).context["object_list"]}
    assert sizes[root.pk] == sizes[copies[0].pk] == 3 and sizes[approved.pk] == 1
    html = client.get(page(copies[0].pk)).content.decode()
    assert "Nhóm ý kiến trùng lặp (3 ý kiến)" in html


def test_the_internal_report_has_contact_data_for_the_boards_own_draft(client, hanoi_board, drafts, hanoi_comment):
    client.force_login(hanoi_board)
    response = client.get(f"{LIST}report/{drafts[0].pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "an.nguyen@example.vn" in html and "Chờ duyệt" in html
    xlsx = client.get(f"{LIST}report/{drafts[0].pk}/", {"format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_moderation_permissions_come_from_the_bootstrap(make_user, hanoi):
    board = make_user(SiteRole.BOARD, hanoi)
    policy = policy_registry.get_by_type(DraftComment)
    assert policy.user_has_permission(board, "change")
    assert not policy.user_has_permission(board, "add") and not policy.user_has_permission(board, "delete")


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_comment_export_writes_a_formula_typed_comment_as_text(client, hanoi_board, drafts, export):
    make_comment(drafts[0], FORMULA)
    client.force_login(hanoi_board)

    rows = exported_rows(client.get(LIST, {"export": export}))

    assert formula_cells(rows) == [AS_TEXT]
    if export == "xlsx":
        assert any(isinstance(cell, dt.datetime) for cell in rows[1])


# --- the list as a queue, each row opening its comment --------------------------------------------------


@pytest.fixture
def one_of_each(drafts):
    """A pending, an approved and a rejected comment of Hà Nội's draft."""
    return (
        make_comment(drafts[0], "Ý kiến đang chờ duyệt."),
        make_comment(drafts[0], "Ý kiến đã được duyệt.", CommentStatus.APPROVED),
        make_comment(drafts[0], "Ý kiến không được duyệt.", CommentStatus.REJECTED, rejection_reason="Spam"),
    )


def test_the_list_opens_on_the_pending_comments_with_a_link_to_every_state(client, hanoi_board, one_of_each):
    pending, approved, rejected = one_of_each
    client.force_login(hanoi_board)

    response = client.get(LIST)

    assert listed(response) == {pending.pk}
    links = {link["label"]: link for link in response.context["state_links"]}
    assert list(links) == ["Chờ duyệt", "Đã duyệt", "Không duyệt", "Tất cả"]
    assert links["Chờ duyệt"]["current"] and not links["Tất cả"]["current"]
    assert listed(client.get(links["Tất cả"]["url"])) == {pending.pk, approved.pk, rejected.pk}
    assert listed(client.get(links["Đã duyệt"]["url"])) == {approved.pk}
    # the active filter's "remove" shows every comment instead of falling back to the default
    (active,) = response.context["active_filters"]
    assert active.value == "Chờ duyệt" and "status=all" in active.removed_filter_url
    assert not client.get(LIST, {"status": "all"}).context.get("active_filters")


def test_every_row_opens_the_comments_own_page(client, hanoi_board, one_of_each):
    client.force_login(hanoi_board)
    html = client.get(LIST, {"status": "all"}).content.decode()
    for comment in one_of_each:
        assert f'href="{page(comment.pk)}"' in html, comment.status


def test_select_all_in_the_list_acts_only_on_what_the_list_shows(client, hanoi_board, one_of_each):
    """Wagtail's "select all" sends ``id=all`` with the list's query string: the default "Chờ duyệt" holds."""
    pending, approved, _rejected = one_of_each
    client.force_login(hanoi_board)

    response = client.post(f"{BULK}reject_comments/?id=all", {"reason": "Trùng lặp"})

    assert response.status_code == 302
    pending.refresh_from_db(), approved.refresh_from_db()
    assert pending.status == CommentStatus.REJECTED and approved.status == CommentStatus.APPROVED
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert messages == ["Đã từ chối 1 ý kiến góp ý: các ý kiến này không được công bố."]


# --- the comment's page: every step its state allows ----------------------------------------------------


@pytest.mark.parametrize(
    ("state", "steps"),
    [
        (CommentStatus.PENDING, {"approve", "reject", "decide"}),
        (CommentStatus.APPROVED, {"reject", "decide"}),
        (CommentStatus.REJECTED, {"approve"}),  # approve first: a rejected comment gets no decision (report rule)
    ],
)
def test_the_comments_page_offers_the_steps_of_its_state(client, hanoi_board, drafts, state, steps):
    comment = make_comment(drafts[0], status=state)
    client.force_login(hanoi_board)
    html = client.get(page(comment.pk)).content.decode()
    offered = {name for name in ("approve", "reject", "decide") if f'action="{act(comment.pk, name)}"' in html}
    assert offered == steps


def test_the_decision_on_an_approved_comment_is_one_post_from_its_page(client, hanoi_board, drafts):
    comment = make_comment(drafts[0], status=CommentStatus.APPROVED)
    client.force_login(hanoi_board)
    html = client.get(page(comment.pk)).content.decode()
    assert "autofocus" in html  # the cursor waits in the response
    for value in CommentDecision.values:
        assert f'name="decision" value="{value}"' in html  # one button per decision

    response = client.post(act(comment.pk, "decide"), {"decision": "not_accepted", "response": "Giữ như dự thảo."})

    assert response.status_code == 302 and response["Location"] == page(comment.pk)
    comment.refresh_from_db()
    assert (comment.status, comment.decision) == (CommentStatus.APPROVED, CommentDecision.NOT_ACCEPTED)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Đã ghi nhận ý kiến tiếp thu, giải trình của đơn vị chủ trì soạn thảo: Không tiếp thu, giải trình."
    ]
    assert "autofocus" not in client.get(page(comment.pk)).content.decode()  # answered: nothing waits


def test_approve_and_reject_say_what_happened_and_a_rejection_needs_its_reason(client, hanoi_board, drafts):
    comment = make_comment(drafts[0])
    client.force_login(hanoi_board)

    response = client.post(act(comment.pk, "reject"), {"reason": "  "})
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Lý do không duyệt: Trường này là bắt buộc."]
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING

    client.get(page(comment.pk))  # the page shows (and so clears) the message

    response = client.post(act(comment.pk, "approve"))
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Đã duyệt và công bố ý kiến góp ý trên trang dự thảo “{drafts[0].title}”."
    ]
    client.get(page(comment.pk))
    response = client.post(act(comment.pk, "reject"), {"reason": "Xúc phạm cá nhân"})
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Đã từ chối ý kiến góp ý: ý kiến không được công bố. Lý do: Xúc phạm cá nhân"
    ]
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED


def test_the_comments_page_is_refused_to_another_province_and_to_editors(
    client, make_user, danang, hanoi_editor, hanoi_comment
):
    for user, refused in ((make_user(SiteRole.EDITORS, danang), (403, 404)), (hanoi_editor, (302, 403, 404))):
        client.force_login(user)
        assert client.get(page(hanoi_comment.pk)).status_code in refused, user
        assert client.get(act(hanoi_comment.pk, "decide")).status_code in refused, user
