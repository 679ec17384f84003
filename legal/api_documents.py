"""`/api/v1/documents/` and `/api/v1/procedures/`: a site's published legal documents and procedures.

Only live pages a visitor could open are returned (no draft, no page behind a view restriction), and only
under the resolved site: another site's id is a 404, exactly like an id that does not exist. The pages a
document or procedure links to (replaced, replacing, legal basis) are prefetched already filtered to live
pages, so an unpublished document is never named and a list costs the same queries for 1 item or 100.
"""

from typing import Annotated

from django.db.models import F, Prefetch
from django.http import Http404
from ninja import Query, Router
from ninja.errors import ValidationError
from ninja.pagination import paginate
from pydantic import Field

from core.api.errors import problem_responses
from core.api.scoping import SiteQuery, resolve_site

from .models import (
    AdministrativeProcedurePage,
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentBasis,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentReplacement,
    ProcedureBasis,
)
from .procedures import field_names, field_slug, search
from .schemas import DocumentDetailOut, DocumentFilter, DocumentOut, ProcedureDetailOut, ProcedureFilter, ProcedureOut
from .subtree import published_under

documents_router = Router(tags=["Văn bản"])
procedures_router = Router(tags=["Thủ tục hành chính"])

# Page ids are 32-bit integers; a larger one cannot exist and must not reach the database (SQLite overflows).
MAX_PAGE_ID = 2_147_483_647
PageId = Annotated[int, Field(ge=1, le=MAX_PAGE_ID)]
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
    "/", response={200: list[DocumentOut], **problem_responses(400, 404)}, summary="Văn bản của trang"
)
@paginate
def list_documents(request, filters: Query[DocumentFilter]):
    """Documents newest first; with ``q``, those holding the searched phrase first."""
    site = resolve_site(request, filters)
    documents = with_listed_relations(LegalDocumentIndexPage.published_in_site(LegalDocumentPage, site))
    documents = documents.with_status_inputs()
    if filters.doc_type:
        documents = documents.filter(document_type=document_type(filters.doc_type))
    if filters.year:
        documents = documents.filter(issued_on__year=filters.year)
    if filters.status:
        documents = documents.in_status(filters.status)
    if filters.q:
        return documents.search(filters.q).order_by("-phrase_match", *NEWEST_FIRST)
    return documents.order_by(*NEWEST_FIRST)


@documents_router.get(
    "/{id}/", response={200: DocumentDetailOut, **problem_responses(400, 404)}, summary="Một văn bản, kèm toàn văn"
)
def get_document(request, id: PageId, scope: SiteQuery):
    """One document with its full text and the live documents it is related to."""
    site = resolve_site(request, scope)
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
    "/", response={200: list[ProcedureOut], **problem_responses(400, 404)}, summary="Thủ tục hành chính của trang"
)
@paginate
def list_procedures(request, filters: Query[ProcedureFilter]):
    """Procedures by field and name; with ``q``, those holding the searched phrase first."""
    site = resolve_site(request, filters)
    procedures = LegalDocumentIndexPage.published_in_site(AdministrativeProcedurePage, site)
    if filters.field:
        procedures = procedures.filter(field_name=field_name(procedures, filters.field))
    if filters.q:
        return search(procedures, filters.q)
    return procedures.order_by("field_name", "title", "pk")


@procedures_router.get(
    "/{id}/", response={200: ProcedureDetailOut, **problem_responses(400, 404)}, summary="Một thủ tục hành chính"
)
def get_procedure(request, id: PageId, scope: SiteQuery):
    """One procedure with its steps, dossier and legal basis."""
    site = resolve_site(request, scope)
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
