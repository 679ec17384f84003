"""Comments on drafts: the window, the API and the HTML form, campaign grouping, what the public sees."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from core.abuse import form_token
from legal import comments
from legal.models import CommentDecision, CommentStatus, DraftComment
from tests.legal.factories import COMMENT_EMAIL as EMAIL
from tests.legal.factories import COMMENT_TEXT, form_data, html_url, make_comment, make_draft
from tests.support.sites import HANOI

pytestmark = pytest.mark.django_db


def api_url(draft):
    return f"/api/v1/drafts/{draft.pk}/comments/"


def payload(**overrides):
    return {
        "name": "Nguyễn Văn An",
        "email": EMAIL,
        "organization": "Công ty TNHH Bình An",
        "article": "a2",
        "body": COMMENT_TEXT,
        "publish_name": True,
        **overrides,
    }


def post_json(client, draft, data, host=HANOI, content_type="application/json"):
    body = data if isinstance(data, (str, bytes)) else json.dumps(data)
    return client.post(api_url(draft), body, content_type=content_type, HTTP_HOST=host)


# --- the API ------------------------------------------------------------------------------------------


def test_api_comment_is_held_for_moderation_on_its_article(client, hanoi):
    draft = make_draft(hanoi)
    response = post_json(client, draft, payload())
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "pending"
    comment = DraftComment.objects.get(pk=response.json()["id"])
    assert (comment.site, comment.draft, comment.article_anchor) == (hanoi, draft, "a2")
    assert comment.article.label == "Điều 2"
    assert comment.organisation == "Công ty TNHH Bình An" and comment.status == CommentStatus.PENDING
    assert ModelLogEntry.objects.filter(object_id=str(comment.pk), action="legal.comment.submit").exists()


@pytest.mark.parametrize("state, field", [("closed", "closes_at"), ("upcoming", "opens_at")])
def test_api_comment_outside_the_window_is_refused_and_nothing_saved(client, hanoi, state, field):
    draft = make_draft(hanoi, state=state)
    response = post_json(client, draft, payload())
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert field in response.json()["errors"]
    assert "lấy ý kiến" in response.json()["detail"]
    assert not DraftComment.objects.filter(draft=draft).exists()


def test_html_comment_outside_the_window_is_refused_and_nothing_saved(client, hanoi):
    draft = make_draft(hanoi, state="closed")
    response = client.post(html_url(draft), form_data(), HTTP_HOST=HANOI)
    assert response.status_code == 409
    assert "đã hết hạn lấy ý kiến" in response.content.decode()
    assert not DraftComment.objects.filter(draft=draft).exists()


def test_submit_refuses_outside_the_window(hanoi):
    draft = make_draft(hanoi, state="closed")
    with pytest.raises(comments.OutsideWindow):
        comments.submit(draft, name="A", email=EMAIL, body=COMMENT_TEXT, publish_name=False)
    assert not DraftComment.objects.exists()


def test_unknown_article_is_a_400_naming_article(client, hanoi):
    draft = make_draft(hanoi)
    response = post_json(client, draft, payload(article="zz"))
    assert response.status_code == 400 and "article" in response.json()["errors"]
    assert not DraftComment.objects.exists()


@pytest.mark.parametrize(
    "data, field",
    [
        (payload(name=123), "name"),
        (payload(publish_name="maybe"), "publish_name"),
        (payload(email="not-an-email"), "email"),
        (payload(body="x" * 20_000), "body"),
        (payload(body="ngắn"), "body"),
        (payload(body=["a list"]), "body"),
        (payload(phone="0912345678"), "phone"),
        ({k: v for k, v in payload().items() if k != "email"}, "email"),
    ],
)
def test_malformed_bodies_get_a_400_naming_the_field(client, hanoi, data, field):
    draft = make_draft(hanoi)
    response = post_json(client, draft, data)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert not DraftComment.objects.exists()


@pytest.mark.parametrize(
    "body, content_type, status",
    [
        ("name=A&body=B", "application/x-www-form-urlencoded", 415),
        (json.dumps(payload()), "text/plain", 415),
        ("{not json", "application/json", 400),
        ("[1, 2]", "application/json", 400),
    ],
)
def test_wrong_content_types_and_broken_json_are_4xx(client, hanoi, body, content_type, status):
    draft = make_draft(hanoi)
    response = post_json(client, draft, body, content_type=content_type)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert not DraftComment.objects.exists()


def test_a_draft_of_another_site_is_a_404(client, hanoi):
    draft = make_draft(hanoi)
    assert post_json(client, draft, payload(), host="danang.localhost").status_code == 404
    assert client.get(api_url(draft), HTTP_HOST="danang.localhost").status_code == 404
    assert not DraftComment.objects.exists()


def test_bursts_get_429_with_retry_after(client, hanoi, settings):
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "comment": (3, 600)}
    draft = make_draft(hanoi)
    statuses = [post_json(client, draft, payload(body=f"{COMMENT_TEXT} Ý kiến số {i}.")).status_code for i in range(4)]
    assert statuses == [201, 201, 201, 429]
    response = post_json(client, draft, payload())
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert DraftComment.objects.count() == 3


def test_html_bursts_get_429_with_retry_after(client, hanoi, settings):
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "comment": (1, 600)}
    draft = make_draft(hanoi)
    assert client.post(html_url(draft), form_data(), HTTP_HOST=HANOI).status_code == 303
    response = client.post(html_url(draft), form_data(body=f"{COMMENT_TEXT} Lần hai."), HTTP_HOST=HANOI)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert [template.name for template in response.templates][0] == "too_many_requests.html"
    assert f'#gop-y">Về trang {draft.title}</a>' in response.content.decode()
    assert DraftComment.objects.count() == 1


# --- the HTML form ------------------------------------------------------------------------------------


def test_html_form_records_a_pending_comment_and_says_so(client, hanoi):
    draft = make_draft(hanoi)
    response = client.post(html_url(draft), form_data(), HTTP_HOST=HANOI, follow=True)
    assert response.status_code == 200
    assert "Cảm ơn Ông/Bà đã góp ý" in response.content.decode()
    comment = DraftComment.objects.get()
    assert (comment.article_anchor, comment.status, comment.publish_name) == ("a1", CommentStatus.PENDING, True)


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"website": "http://spam.example"}, "Biểu mẫu không hợp lệ"),
        ({"form_token": "fresh"}, "gửi quá nhanh"),
        ({"body": "x" * 6000}, "Nội dung không quá 5.000 ký tự"),
        ({"email": "sai"}, "Thư điện tử không hợp lệ"),
        ({"article": "zz"}, "Điều khoản đã chọn không có"),
    ],
)
def test_html_form_refuses_bots_and_bad_fields_in_vietnamese(client, hanoi, overrides, message):
    draft = make_draft(hanoi)
    if overrides.get("form_token") == "fresh":
        overrides = {"form_token": form_token()}  # issued now: sent back at once, as a bot would
    response = client.post(html_url(draft), form_data(**overrides), HTTP_HOST=HANOI)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DraftComment.objects.exists()


# --- campaigns ----------------------------------------------------------------------------------------


def test_identical_and_near_identical_texts_form_one_campaign_and_none_is_dropped(hanoi):
    draft = make_draft(hanoi)
    base = (
        "Chúng tôi đề nghị Ban soạn thảo giữ nguyên mức hưởng chế độ ốm đau như hiện hành vì người lao động "
        "có thu nhập thấp sẽ bị ảnh hưởng nghiêm trọng nếu mức hưởng bị giảm"
    )

    def send(body, name):
        return comments.submit(draft, name=name, email=EMAIL, body=body, publish_name=False)

    first = send(base, "A")
    same = send(base.upper().replace("đề nghị", "ĐỀ   NGHỊ,") + "!!!", "B")
    near = send(base + " theo dự thảo", "C")
    other = send(COMMENT_TEXT, "D")
    assert same.campaign == first and near.campaign == first
    assert same.fingerprint == first.fingerprint
    assert other.campaign is None and first.campaign is None
    assert DraftComment.objects.filter(draft=draft).count() == 4
    assert first.copies.count() == 2


def test_campaigns_do_not_cross_drafts(hanoi):
    one, two = make_draft(hanoi, slug="mot"), make_draft(hanoi, slug="hai")
    comments.submit(one, name="A", email=EMAIL, body=COMMENT_TEXT, publish_name=False)
    second = comments.submit(two, name="B", email=EMAIL, body=COMMENT_TEXT, publish_name=False)
    assert second.campaign is None


# --- what the public sees -----------------------------------------------------------------------------


def public_mix(draft):
    approved = make_comment(
        draft,
        "Ý kiến đã duyệt công khai có tên người góp ý.",
        CommentStatus.APPROVED,
        anchor="a1",
        decision=CommentDecision.ACCEPTED,
        response="Ban soạn thảo tiếp thu.",
    )
    anonymous = make_comment(
        draft,
        "Ý kiến đã duyệt nhưng không công khai tên.",
        CommentStatus.APPROVED,
        anchor="a2",
        name="Lê Văn Giấu",
        publish_name=False,
    )
    make_comment(
        draft, "Ý kiến đang chờ duyệt, không được công khai.", CommentStatus.PENDING, anchor="a1", name="Phạm Chờ Duyệt"
    )
    make_comment(
        draft,
        "Ý kiến bị từ chối vì xúc phạm, không công khai.",
        CommentStatus.REJECTED,
        rejection_reason="Xúc phạm",
        name="Hoàng Bị Từ Chối",
    )
    return approved, anonymous


HIDDEN = [
    "đang chờ duyệt",
    "bị từ chối",
    "Phạm Chờ Duyệt",
    "Hoàng Bị Từ Chối",
    "Lê Văn Giấu",
    EMAIL,
    "Công ty TNHH Bình An",
]


@pytest.mark.parametrize("state", ["open", "closed"])
def test_page_shows_approved_comments_only_without_contact_data(client, hanoi, state):
    draft = make_draft(hanoi, state=state)
    public_mix(draft)
    html = client.get(draft.url, HTTP_HOST=HANOI).content.decode()
    assert "Ý kiến đã duyệt công khai có tên" in html and "Nguyễn Văn An" in html
    assert "Ý kiến đã duyệt nhưng không công khai tên" in html
    for text in HIDDEN:
        assert text not in html, text
    assert ("Ban soạn thảo tiếp thu." in html) == (state == "closed")


@pytest.mark.parametrize("state", ["open", "closed"])
def test_api_lists_approved_comments_only_without_contact_data(client, hanoi, state):
    draft = make_draft(hanoi, state=state)
    approved, anonymous = public_mix(draft)
    response = client.get(api_url(draft), HTTP_HOST=HANOI)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and [item["id"] for item in body["items"]] == [approved.pk, anonymous.pk]
    text = response.content.decode()
    for hidden in HIDDEN:
        assert hidden not in text, hidden
    first = body["items"][0]
    assert first["author_name"] == "Nguyễn Văn An" and body["items"][1]["author_name"] is None
    assert first["article"] == {"anchor": "a1", "label": "Điều 1", "label_now": "Điều 1", "removed": False}
    closed = state == "closed"
    assert first["response"] == ("Ban soạn thảo tiếp thu." if closed else None)
    assert first["decision"] == ("accepted" if closed else None)
    assert first["submitted_at"].endswith("+07:00")


def test_api_list_query_count_does_not_grow_with_comments(client, hanoi):
    draft = make_draft(hanoi)
    make_comment(draft, status=CommentStatus.APPROVED, anchor="a1")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(api_url(draft), HTTP_HOST=HANOI).status_code == 200
        return len(queries)

    one = count()
    for anchor in ["a1", "a2", "a3", "", "a2"]:
        make_comment(draft, status=CommentStatus.APPROVED, anchor=anchor)
    assert count() == one


def test_page_query_count_does_not_grow_with_comments(client, hanoi):
    draft = make_draft(hanoi)
    make_comment(draft, status=CommentStatus.APPROVED, anchor="a1")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(draft.url, HTTP_HOST=HANOI).status_code == 200
        return len(queries)

    one = count()
    for anchor in ["a1", "a2", "a3", "", "a2"]:
        make_comment(draft, status=CommentStatus.APPROVED, anchor=anchor)
    assert count() == one
