"""`/api/v1/drafts/{id}/comments/`: the approved comments of a draft, and the comment form of the API.

Comments enter through ``legal.comments.submit`` like those of the HTML form, so the window, the article
check and campaign grouping are the same whichever door a comment comes in by. The list shows approved
comments only, the name only with consent, never an e-mail or an organisation, and the drafting unit's
decision and response only once the window has closed.

Mounted at ``/drafts/`` next to the drafts router; ninja takes two routers on one prefix as long as their
paths differ.
"""

from django.db.models import BooleanField, OuterRef, Subquery, Value
from django.http import Http404
from ninja import Field, Router, Schema, Status
from ninja.decorators import decorate_view
from ninja.pagination import paginate
from pydantic import ConfigDict

from core.abuse import check_rate
from core.api.errors import problem, problem_responses
from core.api.fields import Email, LocalDateTime, text
from core.api.scoping import SiteQuery, resolve_site
from core.api.submissions import json_only, too_many_requests
from core.tree import descendants_q

from . import comments
from .api_drafts import DraftId
from .models import CommentStatus, DraftArticle, DraftComment, DraftDocumentPage, DraftState
from .models.comments import MAX_COMMENT_LENGTH

router = Router(tags=["Góp ý dự thảo"])

MIN_BODY = 10


class CommentIn(Schema):
    """A comment from the public (API.md); any field not listed here is refused, not ignored."""

    model_config = ConfigDict(extra="forbid")

    name: text(1, 120) = Field(..., description="Họ và tên người góp ý.")
    email: Email = Field(..., description="Thư điện tử; không bao giờ công khai.")
    organization: text(0, 200) | None = Field(None, description="Cơ quan, tổ chức; không công khai.")
    article: text(0, 16) | None = Field(
        None, description="Mã ổn định (`anchor`) của điều khoản trong phiên bản mới nhất; trống: góp ý chung."
    )
    body: text(MIN_BODY, MAX_COMMENT_LENGTH) = Field(..., description="Nội dung góp ý.")
    publish_name: bool = Field(..., description="Đồng ý công khai họ tên cùng ý kiến.")


class CommentReceipt(Schema):
    id: int
    status: str = Field(..., description="`pending`: chờ duyệt trước khi công khai.")


class CommentArticleOut(Schema):
    anchor: str
    label: str = Field(..., description="Số của điều khoản ở phiên bản được góp ý.")
    label_now: str | None = Field(..., description="Số của điều khoản ở phiên bản mới nhất.")
    removed: bool = Field(..., description="Điều khoản đã bỏ ở phiên bản mới nhất.")


class CommentOut(Schema):
    """An approved comment: the text, the name with consent, the answer once the window has closed."""

    id: int
    article: CommentArticleOut | None = Field(..., description="Không có: góp ý chung cho toàn bộ dự thảo.")
    body: str
    author_name: str | None = Field(..., description="Chỉ có khi người góp ý đồng ý công khai họ tên.")
    submitted_at: LocalDateTime
    decision: str | None = Field(
        ..., description="`accepted`, `partly`, `not_accepted`; chỉ có sau khi hết hạn lấy ý kiến."
    )
    decision_label: str | None
    response: str | None = Field(..., description="Giải trình, tiếp thu; chỉ có sau khi hết hạn lấy ý kiến.")

    @staticmethod
    def resolve_article(comment):
        if not comment.article_anchor:
            return None
        return {
            "anchor": comment.article_anchor,
            "label": comment.article.label if comment.article else comment.article_anchor,
            "label_now": comment.label_now,
            "removed": comment.label_now is None,
        }

    @staticmethod
    def resolve_author_name(comment):
        return comment.public_name or None

    @staticmethod
    def resolve_decision(comment):
        return (comment.decision or None) if comment.answer_public else None

    @staticmethod
    def resolve_decision_label(comment):
        return (comment.get_decision_display() or None) if comment.answer_public else None

    @staticmethod
    def resolve_response(comment):
        return (comment.response or None) if comment.answer_public else None


def find_draft(request, draft_id, scope):
    site = resolve_site(request, scope)
    draft = DraftDocumentPage.objects.filter(descendants_q(site.root_page), pk=draft_id, live=True).first()
    if draft is None:
        raise Http404("Không có dự thảo nào mang số hiệu này trên trang.")
    return draft


@router.get(
    "/{draft_id}/comments/",
    response={200: list[CommentOut], **problem_responses(400, 404)},
    summary="Ý kiến góp ý đã được duyệt",
)
@paginate
def list_comments(request, draft_id: DraftId, scope: SiteQuery):
    """Approved comments of a draft, oldest first, each with where its article stands now."""
    draft = find_draft(request, draft_id, scope)
    latest = draft.versions.order_by("-number").values("pk")[:1]
    now = DraftArticle.objects.filter(version=Subquery(latest), anchor=OuterRef("article_anchor"))
    closed = draft.state() == DraftState.CLOSED
    return (
        DraftComment.objects.filter(draft=draft, status=CommentStatus.APPROVED)
        .select_related("article")
        .annotate(label_now=Subquery(now.values("label")[:1]))
        .annotate(answer_public=Value(closed, output_field=BooleanField()))
        .order_by("submitted_at", "pk")
    )


@router.post(
    "/{draft_id}/comments/",
    response={201: CommentReceipt, **problem_responses(400, 404, 409, 413, 415, 429)},
    summary="Gửi ý kiến góp ý dự thảo",
)
@decorate_view(json_only)
def submit_comment(request, draft_id: DraftId, scope: SiteQuery, payload: CommentIn):
    """A comment held for moderation: 201 with its id; outside the comment window 409, nothing saved.

    Only a well-formed comment counts against the client's rate limit, as for questions.
    """
    draft = find_draft(request, draft_id, scope)
    throttled = check_rate(request, "comment")
    if throttled:
        return too_many_requests(throttled)
    try:
        comment = comments.submit(
            draft,
            name=payload.name,
            email=payload.email,
            organisation=payload.organization or "",
            article_anchor=payload.article or "",
            body=payload.body,
            publish_name=payload.publish_name,
        )
    except comments.OutsideWindow as refusal:
        field = "opens_at" if refusal.state == DraftState.UPCOMING else "closes_at"
        return problem(409, str(refusal), {field: [str(refusal)]})
    except comments.UnknownArticle as refusal:
        return problem(400, "Dữ liệu gửi lên không hợp lệ.", {"article": [str(refusal)]})
    return Status(201, CommentReceipt(id=comment.pk, status=comment.status))
