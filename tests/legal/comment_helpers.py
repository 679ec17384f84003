"""Drafts, versions and comments for the comment tests, built directly (not through the text parser), so
these tests pin the comment rules whatever the structure parsing does."""

from datetime import timedelta

from django.utils import timezone

from legal.importer import documents_index
from legal.models import (
    ArticleChange,
    CommentStatus,
    DocumentType,
    DraftArticle,
    DraftComment,
    DraftDocumentPage,
    DraftVersion,
)

# (anchor, label, heading): the articles of version 1.
ARTICLES = [
    ("a1", "Điều 1", "Phạm vi điều chỉnh"),
    ("a2", "Điều 2", "Đối tượng áp dụng"),
    ("a3", "Điều 3", "Trách nhiệm thi hành"),
]
WINDOWS = {
    "open": (timedelta(days=-5), timedelta(days=30)),
    "closed": (timedelta(days=-40), timedelta(days=-1)),
    "upcoming": (timedelta(days=2), timedelta(days=40)),
}
COMMENT_TEXT = "Đề nghị bổ sung quy định về thời hạn trả lời ý kiến của người dân trong vòng 15 ngày."


def make_draft(site, state="open", slug="du-thao-thu", articles=ARTICLES, **fields):
    """A published draft of ``site`` whose comment window is open, closed or upcoming, with version 1."""
    now = timezone.now()
    opens, closes = WINDOWS[state]
    draft = DraftDocumentPage(
        title=fields.pop("title", f"Dự thảo Quy chế thử ({slug})"),
        slug=slug,
        document_type=DocumentType.objects.get(slug="quy-che"),
        drafting_unit="Văn phòng",
        opens_at=now + opens,
        closes_at=now + closes,
        draft_text="Điều 1. Phạm vi điều chỉnh",
        **fields,
    )
    documents_index(site).add_child(instance=draft)
    draft.save_revision().publish()
    draft.versions.all().delete()  # whatever publishing recorded: the tests build their own structure
    add_version(draft, 1, [(anchor, label, heading, ArticleChange.NEW, "") for anchor, label, heading in articles])
    return draft


def add_version(draft, number, articles):
    """Version ``number`` with articles (anchor, label, heading, change, previous_label) in this order."""
    version = DraftVersion.objects.create(draft=draft, number=number, text=f"phiên bản {number}")
    DraftArticle.objects.bulk_create(
        [
            DraftArticle(
                version=version,
                anchor=anchor,
                kind="article",
                label=label,
                heading=heading,
                text="…",
                position=position,
                change=change,
                previous_label=previous,
            )
            for position, (anchor, label, heading, change, previous) in enumerate(articles)
        ]
    )
    return version


def make_comment(draft, body=COMMENT_TEXT, status=CommentStatus.PENDING, anchor="", **fields):
    """A comment stored directly (bypassing the window), for listing and moderation tests."""
    version = draft.versions.order_by("-number").first()
    article = version.articles.filter(anchor=anchor).first() if anchor else None
    defaults = {
        "name": "Nguyễn Văn An",
        "email": "an.nguyen@example.vn",
        "organisation": "Công ty TNHH Bình An",
        "publish_name": True,
    }
    return DraftComment.objects.create(
        site=draft.get_site(),
        draft=draft,
        version=version,
        article=article,
        article_anchor=anchor,
        body=body,
        status=status,
        **{**defaults, **fields},
    )
