"""The legal API: `/api/v1/documents/`, `/api/v1/procedures/`, `/api/v1/drafts/` and the comments of a draft.

Only live pages a visitor could open are returned (no draft, no page behind a view restriction), and only
under the resolved site: another site's id is a 404, exactly like an id that does not exist. The pages a
document or procedure links to (replaced, replacing, legal basis) are prefetched already filtered to live
pages, so an unpublished document is never named and a list costs the same queries for 1 item or 100.

A draft's state (upcoming, open, closed) is computed from its window at the time of the request, in the
query for the ``state`` filter and in Python for each item, by the same rule as ``DraftDocumentPage.state``.
Its articles are those of the latest version, each with the ``anchor`` that a comment cites and that
survives later versions.

Comments enter through ``legal.comments.submit`` like those of the HTML form, so the window, the article
check and campaign grouping are the same whichever door a comment comes in by. The list shows approved
comments only, the name only with consent, never an e-mail or an organisation, and the drafting unit's
decision and response only once the window has closed. Their router is mounted at ``/drafts/`` next to the
drafts router; ninja takes two routers on one prefix as long as their paths differ.
"""

from django.db.models import BooleanField, F, OuterRef, Prefetch, Q, Subquery, Value
from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.decorators import decorate_view
from ninja.errors import ValidationError
from ninja.pagination import paginate

from core.abuse import check_rate
from core.api.errors import problem, problem_responses
from core.api.fields import RecordId
from core.api.scoping import SiteQuery, resolve_site
from core.api.submissions import json_only, too_many_requests
from core.response_cache import tags
from core.search import folded_search
from core.tree import descendants_q

from . import comments
from .models import (
    AdministrativeProcedurePage,
    CommentStatus,
    DocumentType,
    DraftArticle,
    DraftComment,
    DraftDocumentPage,
    DraftState,
    LegalDocumentAttachment,
    LegalDocumentBasis,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentReplacement,
    ProcedureBasis,
)
from .procedures import field_names, field_slug, search
from .schemas import (
    CommentIn,
    CommentOut,
    CommentReceipt,
    DocumentDetailOut,
    DocumentFilter,
    DocumentOut,
    DraftDetailOut,
    DraftFilter,
    DraftOut,
    ProcedureDetailOut,
    ProcedureFilter,
    ProcedureOut,
)
from .subtree import published_under

documents_router = Router(tags=["Văn bản"])
procedures_router = Router(tags=["Thủ tục hành chính"])
drafts_router = Router(tags=["Dự thảo lấy ý kiến"])
comments_router = Router(tags=["Góp ý dự thảo"])
# Operations that came from the app's former API modules keep the ``operation_id`` they were published with:
# clients generated from the schema name their methods after it.

NEWEST_FIRST = [F("issued_on").desc(nulls_last=True), "-pk"]


def invalid(field, message):
    return ValidationError([{"loc": ("query", field), "msg": message}])


def live_links(related_name, model, target, to_attr):
    """Prefetch the rows of ``related_name`` whose other page (``target``) is live, with that page."""
    rows = model.objects.filter(**{f"{target}__live": True}).select_related(target)
    return Prefetch(related_name, queryset=rows, to_attr=to_attr)


def with_listed_relations(documents):
    """What every item shows besides its status: its type, its files and the documents it replaces."""
    return documents.select_related("document_type").prefetch_related(
        Prefetch("attachments", queryset=LegalDocumentAttachment.objects.select_related("document")),
        live_links("replacements", LegalDocumentReplacement, "replaced", "live_replacements"),
    )


def document_type(slug):
    """The document type a client names by slug; an unknown one is a 400 naming ``doc_type``."""
    found = DocumentType.objects.filter(slug=slug).first()
    if found is None:
        raise invalid("doc_type", f"Không có loại văn bản “{slug}”.")
    return found


@documents_router.get(
    "/",
    response={200: list[DocumentOut], **problem_responses(400, 404)},
    operation_id="legal_api_documents_list_documents",
    summary="Văn bản của trang",
)
@paginate
def list_documents(request, filters: Query[DocumentFilter]):
    """Documents newest first; with ``q``, ranked by ``core.search.folded_search`` (title matches first)."""
    site = resolve_site(request, filters)
    documents = with_listed_relations(LegalDocumentIndexPage.published_in_site(LegalDocumentPage, site))
    documents = documents.with_status_inputs()
    if filters.doc_type:
        documents = documents.filter(document_type=document_type(filters.doc_type))
    if filters.year:
        documents = documents.filter(issued_on__year=filters.year)
    if filters.status:
        documents = documents.in_status(filters.status)
    documents = documents.order_by(*NEWEST_FIRST)
    return documents.search(filters.q) if filters.q else documents


@documents_router.get(
    "/{id}/",
    response={200: DocumentDetailOut, **problem_responses(400, 404)},
    operation_id="legal_api_documents_get_document",
    summary="Một văn bản, kèm toàn văn",
)
def get_document(request, id: RecordId, scope: SiteQuery):
    """One document with its full text and the live documents it is related to."""
    site = resolve_site(request, scope)
    tags.shows(tags.page(id))
    documents = with_listed_relations(published_under(LegalDocumentPage, site.root_page, id))
    document = (
        documents.with_status()
        .prefetch_related(
            "topics",
            live_links("replaced_by_links", LegalDocumentReplacement, "page", "live_replaced_by"),
            live_links("bases", LegalDocumentBasis, "basis", "live_bases"),
            live_links("basis_for_links", LegalDocumentBasis, "page", "live_basis_for"),
        )
        .first()
    )
    if document is None:
        raise Http404("Không có văn bản này trên trang.")
    return document


def field_name(procedures, value):
    """The field a client names by slug or name; one the site does not use is a 400 naming ``field``."""
    name = field_names(procedures).get(field_slug(value))
    if name is None:
        raise invalid("field", f"Không có lĩnh vực “{value}” trên trang.")
    return name


@procedures_router.get(
    "/",
    response={200: list[ProcedureOut], **problem_responses(400, 404)},
    operation_id="legal_api_documents_list_procedures",
    summary="Thủ tục hành chính của trang",
)
@paginate
def list_procedures(request, filters: Query[ProcedureFilter]):
    """Procedures by field and name; with ``q``, ranked by ``core.search.folded_search`` (title matches first)."""
    site = resolve_site(request, filters)
    procedures = LegalDocumentIndexPage.published_in_site(AdministrativeProcedurePage, site)
    if filters.field:
        procedures = procedures.filter(field_name=field_name(procedures, filters.field))
    if filters.q:
        return search(procedures, filters.q)
    return procedures.order_by("field_name", "title", "pk")


@procedures_router.get(
    "/{id}/",
    response={200: ProcedureDetailOut, **problem_responses(400, 404)},
    operation_id="legal_api_documents_get_procedure",
    summary="Một thủ tục hành chính",
)
def get_procedure(request, id: RecordId, scope: SiteQuery):
    """One procedure with its steps, dossier and legal basis."""
    site = resolve_site(request, scope)
    tags.shows(tags.page(id))
    procedure = (
        published_under(AdministrativeProcedurePage, site.root_page, id)
        .prefetch_related(
            live_links("bases", ProcedureBasis, "basis", "live_bases"),
        )
        .first()
    )
    if procedure is None:
        raise Http404("Không có thủ tục này trên trang.")
    return procedure


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


@drafts_router.get(
    "/",
    response={200: list[DraftOut], **problem_responses(400, 404)},
    operation_id="legal_api_drafts_list_drafts",
    summary="Dự thảo lấy ý kiến của trang",
)
@paginate
def list_drafts(request, filters: Query[DraftFilter]):
    """Drafts of the site, the most recently opened first; with ``q``, ``core.search.folded_search``'s matches,
    title matches first."""
    drafts = LegalDocumentIndexPage.published_in_site(DraftDocumentPage, draft_site(request, filters))
    if filters.state:
        drafts = in_state(drafts, filters.state, timezone.now())
    drafts = drafts.select_related("document_type").order_by("-opens_at", "-pk")
    return folded_search(drafts, filters.q) if filters.q else drafts


@drafts_router.get(
    "/{draft_id}/",
    response={200: DraftDetailOut, **problem_responses(400, 404)},
    operation_id="legal_api_drafts_get_draft",
    summary="Một dự thảo với các điều khoản và tài liệu",
)
def get_draft(request, draft_id: RecordId, scope: SiteQuery):
    """A draft with the structure of its latest version; a draft of another site is a 404."""
    site = draft_site(request, scope)
    tags.shows(tags.page(draft_id))
    draft = published_under(DraftDocumentPage, site.root_page, draft_id).select_related("document_type").first()
    if draft is None:
        raise Http404("Không có dự thảo nào mang số hiệu này trên trang.")
    draft.loaded_versions = list(draft.versions.order_by("-number"))
    draft.loaded_articles = list(draft.loaded_versions[0].articles.all()) if draft.loaded_versions else []
    draft.loaded_attachments = list(draft.attachments.select_related("document"))
    return draft


def find_draft(request, draft_id, scope):
    site = resolve_site(request, scope)
    tags.shows(tags.page(draft_id))
    draft = DraftDocumentPage.objects.filter(descendants_q(site.root_page), pk=draft_id, live=True).first()
    if draft is None:
        raise Http404("Không có dự thảo nào mang số hiệu này trên trang.")
    return draft


@comments_router.get(
    "/{draft_id}/comments/",
    response={200: list[CommentOut], **problem_responses(400, 404)},
    operation_id="legal_api_comments_list_comments",
    summary="Ý kiến góp ý đã được duyệt",
)
@paginate
def list_comments(request, draft_id: RecordId, scope: SiteQuery):
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


@comments_router.post(
    "/{draft_id}/comments/",
    response={201: CommentReceipt, **problem_responses(400, 404, 409, 413, 415, 429)},
    operation_id="legal_api_comments_submit_comment",
    summary="Gửi ý kiến góp ý dự thảo",
)
@decorate_view(json_only)
def submit_comment(request, draft_id: RecordId, scope: SiteQuery, payload: CommentIn):
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
