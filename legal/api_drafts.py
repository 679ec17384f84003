"""`/api/v1/drafts/`: the drafts a site has published for comment, and one draft with its structure.

A draft's state (upcoming, open, closed) is computed from its window at the time of the request, in the
query for the ``state`` filter and in Python for each item, by the same rule as ``DraftDocumentPage.state``.
Its articles are those of the latest version, each with the ``anchor`` that a comment cites and that
survives later versions. The comments of a draft are served by ``legal.api_comments``, under the same prefix.
"""

from typing import Annotated

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from core.api.errors import problem_responses
from core.api.fields import LocalDateTime
from core.api.scoping import SiteFilter, resolve_site

from .models import DraftDocumentPage, DraftState, LegalDocumentIndexPage
from .subtree import published_under

router = Router(tags=["Dự thảo lấy ý kiến"])

MAX_ID = 2**63 - 1  # the database's integer range: a longer id is a 400 naming it, not an overflow
DraftId = Annotated[int, Path(..., ge=1, le=MAX_ID, description="Số hiệu của dự thảo.")]


class DraftFilter(SiteFilter):
    state: DraftState | None = Field(
        None, description="`upcoming` (sắp lấy ý kiến), `open` (đang lấy ý kiến) hoặc `closed` (đã hết hạn)."
    )


class DocumentTypeOut(Schema):
    slug: str
    name: str


class DraftOut(Schema):
    id: int
    title: str
    document_type: DocumentTypeOut | None
    drafting_unit: str
    summary: str
    opens_at: LocalDateTime
    closes_at: LocalDateTime
    state: DraftState = Field(..., description="Tính theo thời điểm trả lời.")
    url: str = Field(..., description="Trang công khai của dự thảo, nơi gửi góp ý.")

    @staticmethod
    def resolve_state(draft):
        return draft.state()

    @staticmethod
    def resolve_url(draft, context):
        return page_url(draft, context["request"].draft_site)


class ArticleOut(Schema):
    anchor: str = Field(..., description="Mã ổn định: giữ nguyên qua các phiên bản; dùng khi góp ý.")
    kind: str = Field(..., description="`chapter` (Chương), `article` (Điều), `clause` (Khoản), `point` (Điểm).")
    label: str = Field(..., description="Ví dụ: `Điều 5`, `Khoản 2 Điều 5`, `Điểm a khoản 2 Điều 5`.")
    heading: str
    text: str
    parent: str | None = Field(..., description="Mã ổn định của điều khoản chứa nó.")
    change: str = Field(
        ..., description="So với phiên bản trước: `new`, `unchanged`, `changed`, `renumbered`, `renumbered_changed`."
    )
    previous_label: str | None = Field(..., description="Số ở phiên bản trước, nếu đã có.")


class VersionOut(Schema):
    number: int
    published_at: LocalDateTime


class AttachmentOut(Schema):
    title: str
    kind: str = Field(..., description="`explanatory` (tờ trình, báo cáo giải trình) hoặc `other`.")
    url: str


class DraftDetailOut(DraftOut):
    """Built from a draft whose versions, latest articles and attachments ``get_draft`` has loaded."""

    version: VersionOut | None = Field(..., description="Phiên bản mới nhất, mà `articles` thuộc về.")
    versions: list[VersionOut]
    articles: list[ArticleOut]
    attachments: list[AttachmentOut]

    @staticmethod
    def resolve_version(draft):
        return draft.loaded_versions[0] if draft.loaded_versions else None

    @staticmethod
    def resolve_versions(draft):
        return draft.loaded_versions

    @staticmethod
    def resolve_articles(draft):
        anchors = {article.pk: article.anchor for article in draft.loaded_articles}
        return [
            ArticleOut(
                anchor=article.anchor,
                kind=article.kind,
                label=article.label,
                heading=article.heading,
                text=article.text,
                parent=anchors.get(article.parent_id),
                change=article.change,
                previous_label=article.previous_label or None,
            )
            for article in draft.loaded_articles
        ]

    @staticmethod
    def resolve_attachments(draft, context):
        root_url = context["request"].draft_site.root_url
        return [
            AttachmentOut(
                title=attachment.label or attachment.document.title,
                kind=attachment.kind,
                url=root_url + attachment.document.url,
            )
            for attachment in draft.loaded_attachments
        ]


def page_url(draft, site):
    """The draft's address on its own site, from the page paths already loaded (no query per item)."""
    return site.root_url + draft.url_path[len(site.root_page.url_path) - 1 :]


def draft_site(request, scope):
    """The site the request is about, kept on the request for the drafts' addresses."""
    request.draft_site = resolve_site(request, scope)
    return request.draft_site


def in_state(drafts, state, now):
    return drafts.filter(
        {
            DraftState.UPCOMING: Q(opens_at__gt=now),
            DraftState.OPEN: Q(opens_at__lte=now, closes_at__gt=now),
            DraftState.CLOSED: Q(closes_at__lte=now),
        }[state]
    )


@router.get("/", response={200: list[DraftOut], **problem_responses(400, 404)}, summary="Dự thảo lấy ý kiến của trang")
@paginate
def list_drafts(request, filters: Query[DraftFilter]):
    """Drafts of the site, the most recently opened first."""
    drafts = LegalDocumentIndexPage.published_in_site(DraftDocumentPage, draft_site(request, filters))
    if filters.state:
        drafts = in_state(drafts, filters.state, timezone.now())
    return drafts.select_related("document_type").order_by("-opens_at", "-pk")


@router.get(
    "/{draft_id}/",
    response={200: DraftDetailOut, **problem_responses(400, 404)},
    summary="Một dự thảo với các điều khoản và tài liệu",
)
def get_draft(request, draft_id: DraftId, scope: Query[SiteFilter]):
    """A draft with the structure of its latest version; a draft of another site is a 404."""
    site = draft_site(request, scope)
    draft = published_under(DraftDocumentPage, site.root_page, draft_id).select_related("document_type").first()
    if draft is None:
        raise Http404("Không có dự thảo nào mang số hiệu này trên trang.")
    draft.loaded_versions = list(draft.versions.order_by("-number"))
    draft.loaded_articles = list(draft.loaded_versions[0].articles.all()) if draft.loaded_versions else []
    draft.loaded_attachments = list(draft.attachments.select_related("document"))
    return draft
