"""Every public legal endpoint costs a fixed number of SQL queries, whatever the site or the portal holds.

Each count is taken as production sees it: the second of two identical requests (the first warms Wagtail's
cache of site root paths and Django's content types), with the response cache off, so every answer is
computed. The counts are pinned exactly: a query added by a change shows up here, and a query per item
(a forgotten prefetch) shows up in the second test, after more of everything is added to the same site
and to others.
"""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents.models import Document

from legal.models import (
    ArticleChange,
    CommentDecision,
    CommentStatus,
    DraftAttachment,
    LegalDocumentAttachment,
    LegalDocumentBasis,
    LegalDocumentReplacement,
)
from tests.legal.factories import add_version, make_comment, make_draft, make_procedure
from tests.multisite_config.factories import TopicFactory
from tests.support.sites import DOCUMENTS as SECTION
from tests.support.sites import HANOI

YEAR = 2020

# Wagtail serving the section page: the site, its home page, the route (2), aliases, view restrictions; a
# page in the section: 2 more for the route. base.html: profiles, menu, shared links, notices; on a view
# Wagtail does not route, also the home page and the failed route that tells the menu nothing is current.
SECTION_PAGE, SECTION_CHILD, BASE, BASE_OUTSIDE_PAGES = 6, 8, 4, 6
EXPECTED = {
    # + view restrictions (once for documents and drafts), years and issuers on offer, types, topics, count,
    # drafts, the page of documents, the replacements in effect of those (their status).
    "document list": SECTION_PAGE + BASE + 8,
    "document list, filtered": SECTION_PAGE + BASE + 8,
    "document list, searched": SECTION_PAGE + BASE + 8,
    # + type, replacements in effect (status), topics, replaces, replaced by, bases, basis for, attachments.
    "document page": SECTION_CHILD + BASE + 8,
    # + view restrictions, fields on offer, count, page.
    "procedures page": SECTION_PAGE + BASE + 4,
    # + versions, the latest one's articles, articles removed since the previous one, type, attachments;
    # the comment section: approved comments, the provisions of every version (where each is now).
    "draft page": SECTION_CHILD + BASE + 7,
    # The site, the draft, the latest version and its articles (for the form's choices); then the draft page
    # as above, its parent for the breadcrumb; the client's shared rate counter (core/counters.py).
    "comment form, refused": 4 + 7 + 1 + BASE_OUTSIDE_PAGES + 1,
    # The site, the draft, approved comments, the provisions of every version; the documents section the
    # breadcrumb goes through (1).
    "comment report": 4 + 1 + BASE_OUTSIDE_PAGES,
    # The site, the section, view restrictions, page (no count: it fits in one); for the page: attachments,
    # replaced documents, replacements in effect (status).
    "api documents": 7,
    # The site, view restrictions, the document with its status; attachments, replaced documents, topics,
    # replaced by, bases, basis for.
    "api document": 9,
    # The site, the section, view restrictions, page.
    "api drafts": 4,
    # The site, view restrictions, the draft, versions, the latest one's articles, attachments.
    "api draft": 6,
    # The site, the draft, page (each comment with where its article stands now).
    "api comments": 3,
    # The site, the section, view restrictions, page.
    "api procedures": 4,
    # The site, view restrictions, the procedure, its live legal bases.
    "api procedure": 4,
}


@pytest.fixture(autouse=True)
def computed_answers(settings):
    """No stored answer: the count is that of the work, not of a cache hit."""
    settings.RESPONSE_CACHE = {**settings.RESPONSE_CACHE, "ENABLED": False}


def attach(document, name):
    file = Document.objects.create(title=name, file=ContentFile(b"%PDF-1.4", name=f"{name}.pdf"))
    LegalDocumentAttachment.objects.create(page=document, document=file)


def add_documents(site, make_document, tag):
    """A document of the searched subject in force, with a file, a topic, a legal basis and one it replaces."""
    topic = TopicFactory(slug="bao-hiem-y-te", name="Bảo hiểm y tế")
    basis = make_document(site, f"Luật Bảo hiểm y tế {tag}", issued_on=date(2008, 11, 14))
    old = make_document(site, f"Hướng dẫn cũ {tag}", issued_on=date(2015, 1, 5))
    document = make_document(
        site,
        f"Hướng dẫn bảo hiểm y tế {tag}",
        issued_on=date(YEAR, 3, 2),
        issuer="Bảo hiểm xã hội Việt Nam",
        body="<p>Thẻ bảo hiểm y tế điện tử.</p>",
    )
    document.topics.add(topic)
    document.save_revision().publish()
    attach(document, f"tep-{tag}")
    LegalDocumentReplacement.objects.create(page=document, replaced=old, partly=True)
    LegalDocumentBasis.objects.create(page=document, basis=basis)
    return document


def add_drafts(site, tag):
    """An open draft in its second version with a file and comments; a closed one with its report public."""
    open_draft = make_draft(site, "open", slug=f"dang-mo-{tag}")
    add_version(
        open_draft,
        2,
        [
            ("a2", "Điều 1", "Đối tượng áp dụng", ArticleChange.RENUMBERED, "Điều 2"),
            ("a3", "Điều 2", "Trách nhiệm thi hành", ArticleChange.CHANGED, "Điều 3"),
        ],
    )
    file = Document.objects.create(title=f"Tờ trình {tag}", file=ContentFile(b"%PDF-1.4", name=f"to-trinh-{tag}.pdf"))
    DraftAttachment.objects.create(page=open_draft, document=file)
    closed = make_draft(site, "closed", slug=f"da-dong-{tag}", report_published=True)
    for draft in (open_draft, closed):
        make_comment(
            draft,
            f"Góp ý Điều 1 ({tag}).",
            CommentStatus.APPROVED,
            anchor="a1",
            decision=CommentDecision.ACCEPTED,
            response="Tiếp thu.",
        )
        make_comment(draft, f"Góp ý Điều 2 ({tag}).", CommentStatus.APPROVED, anchor="a2", publish_name=False)
        make_comment(draft, f"Góp ý chung ({tag}).", CommentStatus.APPROVED)
        make_comment(draft, f"Góp ý chờ duyệt ({tag}).", CommentStatus.PENDING, anchor="a3")
    return open_draft, closed


def add_procedures(site, basis, tag):
    return make_procedure(
        site, f"Cấp lại thẻ bảo hiểm y tế {tag}", code=f"1.00{tag}", bases=[basis], field_name=f"Cấp sổ, thẻ {tag}"
    )


@pytest.fixture
def hanoi_section(hanoi, make_document):
    """Hà Nội's section with one of everything its endpoints show; the pages to ask for, by role."""
    document = add_documents(hanoi, make_document, "1")
    open_draft, closed = add_drafts(hanoi, "1")
    procedure = add_procedures(hanoi, document, "1")
    return {"document": document, "open_draft": open_draft, "closed": closed, "procedure": procedure}


def endpoints(pages):
    """(name, method, path, data) of every public legal endpoint of Hà Nội."""
    document, open_draft, closed = pages["document"], pages["open_draft"], pages["closed"]
    return [
        ("document list", "get", SECTION, None),
        ("document list, filtered", "get", SECTION, {"nam": YEAR, "tinh_trang": "con-hieu-luc"}),
        ("document list, searched", "get", SECTION, {"q": "bao hiem y te"}),
        ("document page", "get", document.url, None),
        ("procedures page", "get", f"{SECTION}thu-tuc-hanh-chinh/", None),
        ("draft page", "get", open_draft.url, None),
        ("comment form, refused", "post", f"/du-thao/{open_draft.pk}/gop-y/", {"body": "ngắn"}),
        ("comment report", "get", f"/du-thao/{closed.pk}/bao-cao-tong-hop/", None),
        ("api documents", "get", "/api/v1/documents/", None),
        ("api document", "get", f"/api/v1/documents/{document.pk}/", None),
        ("api drafts", "get", "/api/v1/drafts/", None),
        ("api draft", "get", f"/api/v1/drafts/{open_draft.pk}/", None),
        ("api comments", "get", f"/api/v1/drafts/{closed.pk}/comments/", None),
        ("api procedures", "get", "/api/v1/procedures/", None),
        ("api procedure", "get", f"/api/v1/procedures/{pages['procedure'].pk}/", None),
    ]


def queries_of(client, method, path, data):
    """The queries of the second of two identical requests, and the answer's status."""
    getattr(client, method)(path, data, HTTP_HOST=HANOI)
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(path, data, HTTP_HOST=HANOI)
    return response.status_code, len(queries)


def counts(client, pages):
    return {name: queries_of(client, method, path, data) for name, method, path, data in endpoints(pages)}


def expected():
    refused = {"comment form, refused"}
    return {name: (400 if name in refused else 200, count) for name, count in EXPECTED.items()}


def test_each_public_legal_endpoint_costs_a_fixed_number_of_queries(client, hanoi_section):
    assert counts(client, hanoi_section) == expected()


def test_the_counts_do_not_grow_with_the_site_or_with_other_sites(
    client, hanoi, danang, national, make_document, hanoi_section
):
    for tag in ("2", "3"):
        document = add_documents(hanoi, make_document, tag)
        add_procedures(hanoi, document, tag)
    add_drafts(hanoi, "2")
    for draft in (hanoi_section["open_draft"], hanoi_section["closed"]):
        for number in range(5):
            make_comment(draft, f"Thêm góp ý số {number} về dự thảo.", CommentStatus.APPROVED, anchor="a2")
    replacing = make_document(hanoi, "Sửa đổi một phần", effective_on=timezone.localdate() - timedelta(days=1))
    LegalDocumentReplacement.objects.create(page=replacing, replaced=hanoi_section["document"], partly=True)
    for site, tag in ((danang, "4"), (national, "5")):
        document = add_documents(site, make_document, tag)
        add_procedures(site, document, tag)
        add_drafts(site, tag)

    assert counts(client, hanoi_section) == expected()
    documents = client.get("/api/v1/documents/", HTTP_HOST=HANOI).json()
    drafts = client.get("/api/v1/drafts/", HTTP_HOST=HANOI).json()
    assert (documents["count"], drafts["count"]) == (3 * 3 + 1, 4)  # three per add_documents, two per add_drafts
