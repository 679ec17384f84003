"""Legal documents, drafts with their versions and comments, and administrative procedures.

Drafts, versions and comments are built directly (not through the text parser), so the comment tests pin
the comment rules whatever the structure parsing does. Every page goes into ``site``'s documents section
(``legal.importer.documents_index``) unless a ``parent`` is given.
"""

import time
from datetime import timedelta
from unittest import mock

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from core.abuse import form_token
from legal.importer import documents_index
from legal.models import (
    AdministrativeProcedurePage,
    ArticleChange,
    CommentStatus,
    DocumentType,
    DraftArticle,
    DraftComment,
    DraftDocumentPage,
    DraftVersion,
    LegalDocumentPage,
    OnlineLevel,
    ProcedureBasis,
    ProcedureLevel,
)
from tests.support.pages import PublishedPageFactory

# (anchor, label, heading): the articles of version 1.
ARTICLES = [
    ("a1", "Điều 1", "Phạm vi điều chỉnh"),
    ("a2", "Điều 2", "Đối tượng áp dụng"),
    ("a3", "Điều 3", "Trách nhiệm thi hành"),
]
# The comment window of a draft, relative to now: the rules are about now, so the window moves with it.
WINDOWS = {
    "open": (timedelta(days=-5), timedelta(days=30)),
    "closed": (timedelta(days=-40), timedelta(days=-1)),
    "upcoming": (timedelta(days=2), timedelta(days=40)),
}
COMMENT_TEXT = "Đề nghị bổ sung quy định về thời hạn trả lời ý kiến của người dân trong vòng 15 ngày."
COMMENT_EMAIL = "an.nguyen@example.vn"
COMMENT_ORGANISATION = "Công ty TNHH Bình An"


def document_type(slug):
    return DocumentType.objects.get(slug=slug)


class LegalPageFactory(PublishedPageFactory):
    class Meta:
        abstract = True

    class Params:
        site = None

    parent = factory.LazyAttribute(lambda page: documents_index(page.site))


class LegalDocumentFactory(LegalPageFactory):
    """A published document of ``site``, an official letter (*công văn*) unless ``document_type`` says otherwise."""

    class Meta:
        model = LegalDocumentPage

    title = factory.Sequence(lambda n: f"Văn bản thử {n}")
    slug = factory.Sequence(lambda n: f"van-ban-thu-{n}")
    number = factory.Sequence(lambda n: f"{n}/BHXH-TEST")
    document_type = factory.LazyFunction(lambda: document_type("cong-van"))
    # typed in by editors and approved by the board, unlike an imported document (see test_importer)
    validity_confirmed = True


class DraftFactory(LegalPageFactory):
    """A published draft of ``site`` whose comment window is ``window`` (open, closed or upcoming) around now."""

    class Meta:
        model = DraftDocumentPage

    class Params:
        window = "open"

    slug = factory.Sequence(lambda n: f"du-thao-{n}")
    title = factory.LazyAttribute(lambda draft: f"Dự thảo Quy chế thử ({draft.slug})")
    document_type = factory.LazyFunction(lambda: document_type("quy-che"))
    drafting_unit = "Văn phòng"
    opens_at = factory.LazyAttribute(lambda draft: timezone.now() + WINDOWS[draft.window][0])
    closes_at = factory.LazyAttribute(lambda draft: timezone.now() + WINDOWS[draft.window][1])
    draft_text = "Điều 1. Phạm vi điều chỉnh"


class DraftVersionFactory(DjangoModelFactory):
    """Version ``number`` of ``draft`` with ``articles`` (anchor, label, heading, change, previous_label) in order."""

    class Meta:
        model = DraftVersion
        skip_postgeneration_save = True  # the articles are rows of their own: nothing of the version changes

    number = 1
    text = factory.LazyAttribute(lambda version: f"phiên bản {version.number}")

    @factory.post_generation
    def articles(version, create, extracted, **kwargs):
        if create and extracted:
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
                    for position, (anchor, label, heading, change, previous) in enumerate(extracted)
                ]
            )


class DraftCommentFactory(DjangoModelFactory):
    """A comment stored directly (bypassing the window) on the latest version of ``draft``, at ``anchor`` if given."""

    class Meta:
        model = DraftComment

    class Params:
        anchor = ""

    site = factory.LazyAttribute(lambda comment: comment.draft.get_site())
    version = factory.LazyAttribute(lambda comment: comment.draft.versions.order_by("-number").first())
    article = factory.LazyAttribute(
        lambda comment: comment.version.articles.filter(anchor=comment.anchor).first() if comment.anchor else None
    )
    article_anchor = factory.SelfAttribute("anchor")
    name = "Nguyễn Văn An"
    email = COMMENT_EMAIL
    organisation = COMMENT_ORGANISATION
    publish_name = True
    body = COMMENT_TEXT
    status = CommentStatus.PENDING


class ProcedureFactory(LegalPageFactory):
    """A published administrative procedure of ``site``; ``bases``: the documents it rests on."""

    class Meta:
        model = AdministrativeProcedurePage

    title = factory.Sequence(lambda n: f"Thủ tục thử {n}")
    slug = factory.Sequence(lambda n: f"thu-tuc-thu-{n}")
    code = "1.000001"
    field_name = "Chế độ BHXH"
    agency = "Cơ quan BHXH cơ sở"
    level = ProcedureLevel.PROVINCIAL
    steps = "<p>Nộp tờ khai TK1-TS.</p>"
    dossier = "<p>Tờ khai TK1-TS.</p>"
    processing_days = 7
    fees = "Không"
    online_level = OnlineLevel.FULL
    online_service_url = "https://dichvucong.gov.vn/p/home/tthc.html"

    @factory.post_generation
    def bases(procedure, create, extracted, **kwargs):
        for basis in extracted or ():
            procedure.bases.add(ProcedureBasis(basis=basis))


def make_draft(site, state="open", slug="du-thao-thu", articles=ARTICLES, **fields):
    """A draft (``DraftFactory``) whose only version is version 1 with ``articles``, all new."""
    draft = DraftFactory(site=site, window=state, slug=slug, **fields)
    draft.versions.all().delete()  # whatever publishing recorded: the tests build their own structure
    add_version(draft, 1, [(anchor, label, heading, ArticleChange.NEW, "") for anchor, label, heading in articles])
    return draft


def add_version(draft, number, articles):
    return DraftVersionFactory(draft=draft, number=number, articles=articles)


def make_comment(draft, body=COMMENT_TEXT, status=CommentStatus.PENDING, anchor="", **fields):
    return DraftCommentFactory(draft=draft, body=body, status=status, anchor=anchor, **fields)


def make_procedure(site, title, *, live=True, bases=(), **fields):
    return ProcedureFactory(site=site, title=title, live=live, bases=bases, **fields)


# The public comment form as a person fills it in (HTML), and where it posts.
def form_data(**overrides):
    return {
        "name": "Trần Thị Bình",
        "email": "binh@example.vn",
        "organisation": "",
        "article": "a1",
        "body": COMMENT_TEXT,
        "publish_name": "on",
        "website": "",
        "form_token": old_token(),
        **overrides,
    }


def old_token():
    """A timing token issued a minute ago, as a person filling the form would send it."""
    with mock.patch("time.time", return_value=time.time() - 60):
        return form_token()


def html_url(draft):
    return f"/du-thao/{draft.pk}/gop-y/"
