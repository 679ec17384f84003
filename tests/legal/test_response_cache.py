"""Cached draft pages and comment lists follow moderation at once and the comment window to the second."""

from datetime import timedelta

from django.utils import timezone

from legal.comments import approve
from legal.models import DraftDocumentPage
from tests.legal.factories import make_comment, make_draft
from tests.support.sites import HANOI


def api_comments(client, draft):
    return [item["id"] for item in client.get(f"/api/v1/drafts/{draft.pk}/comments/", HTTP_HOST=HANOI).json()["items"]]


def test_approving_a_comment_shows_it_at_once(
    client, response_cache, hanoi, hanoi_board, django_capture_on_commit_callbacks
):
    draft = make_draft(hanoi, "open")
    comment = make_comment(draft)
    assert api_comments(client, draft) == [] and api_comments(client, draft) == []
    with django_capture_on_commit_callbacks(execute=True):
        approve(comment, hanoi_board)
    assert api_comments(client, draft) == [comment.pk]


def test_a_stored_draft_page_opens_for_comments_when_its_window_opens(client, response_cache, hanoi, monkeypatch):
    """The window opens a minute from now, the same day: only the named moment can make the copy lapse."""
    draft = make_draft(hanoi, "upcoming")
    DraftDocumentPage.objects.filter(pk=draft.pk).update(opens_at=timezone.now() + timedelta(minutes=1))
    draft.refresh_from_db()
    assert "Sắp lấy ý kiến" in client.get(draft.url, HTTP_HOST=HANOI).content.decode()
    assert "Sắp lấy ý kiến" in client.get(draft.url, HTTP_HOST=HANOI).content.decode()
    opened = draft.opens_at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: opened)
    html = client.get(draft.url, HTTP_HOST=HANOI).content.decode()
    assert "Sắp lấy ý kiến" not in html and "Đang lấy ý kiến" in html
