"""What the site search looks through: six kinds of public records of one site, each read as its section reads it.

Each kind starts from the queryset its own section lists (so confinement and sharing are theirs: a site's own
news and the news shared with it and accepted, the documents, drafts and procedures of its own section, its
published answers, its live public content pages) and narrows it with ``core.search.folded_search``, the
matcher every section search uses. Nothing else is read: no comment, no pending question, no asker's name.

A hit's ``path`` is where the searched site shows it, from the site's root: an article shared with the site is
shown by the share route of its news section, an answer by its Q&A section.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.models import Page, Site

from core.response_cache import tags
from core.search import folded_search, html_text
from core.tree import children_q, descendants_q, published_q
from faq.models import Question, QuestionIndexPage
from home.models import SectionPage
from home.news import LIST_FIELDS, NewsIndexPage, news_for_site
from legal.models import AdministrativeProcedurePage, DraftDocumentPage, LegalDocumentIndexPage, LegalDocumentPage

EXCERPT_WORDS = 40


@dataclass(frozen=True)
class Hit:
    """One result, the same shape whatever its kind."""

    kind: "Kind"
    id: int
    title: str
    path: str
    excerpt: str
    date: dt.date | None


class Places:
    """Where the searched site shows what it shows: its pages from its root, and the routes of its news and Q&A
    sections, both read in one query up front so a page of results costs the same whatever it holds."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.root_url_path = site.root_page.url_path
        sections = (
            Page.objects.filter(children_q(site.root_page), published_q())
            .exact_type(NewsIndexPage, QuestionIndexPage)
            .only("url_path", "content_type")
        )
        found = {page.content_type_id: page for page in sections}
        self.news = next((page for page in found.values() if page.specific_class is NewsIndexPage), None)
        self.questions = next((page for page in found.values() if page.specific_class is QuestionIndexPage), None)

    def is_own(self, page: Page) -> bool:
        return page.url_path.startswith(self.root_url_path)

    def of_page(self, page: Page) -> str:
        """The path of a page of the site, from its root."""
        return page.url_path[len(self.root_url_path) - 1 :]

    def of_article(self, article: Page) -> str:
        """An article of the site at its page; one shared with it at the share route of its news section."""
        if self.is_own(article) or self.news is None:
            return self.of_page(article)
        return self.of_page(self.news) + NewsIndexPage.get_resolver().reverse("shared_article", article.pk)

    def of_answer(self, question: Question) -> str:
        assert self.questions is not None  # no answer is searched on a site without a Q&A section
        return self.of_page(self.questions) + QuestionIndexPage.get_resolver().reverse("answer", question.pk)


def excerpt(text: str) -> str:
    return Truncator(" ".join(text.split())).words(EXCERPT_WORDS)


def local_date(moment: dt.datetime | dt.date | None) -> dt.date | None:
    if isinstance(moment, dt.datetime):
        return timezone.localtime(moment).date()
    return moment


@dataclass(frozen=True)
class Kind:
    """``key`` names the kind in the API, ``slug`` in the page's address, ``label`` for readers; ``records`` are
    the site's public records in the section's own order; ``present`` turns one of them into a ``Hit``."""

    key: str
    slug: str
    label: str
    date_label: str
    records: Callable[[Places], QuerySet[Any]]
    present: Callable[["Kind", Any, Places], Hit]

    def matches(self, places: Places, query: str) -> QuerySet[Any]:
        return folded_search(self.records(places), query)


def legal_pages(model: type[Page], places: Places, *order: Any) -> QuerySet[Any]:
    return LegalDocumentIndexPage.published_in_site(model, places.site).order_by(*order)


def news(places: Places) -> QuerySet[Any]:
    """The site's news as its section lists them; without a live news section, no route shows a shared article,
    so only the site's own are searched."""
    articles = news_for_site(places.site).only(*LIST_FIELDS, "published_at", "first_published_at")
    return articles if places.news is not None else articles.filter(descendants_q(places.site.root_page))


def present_news(kind: Kind, article: Any, places: Places) -> Hit:
    path = places.of_article(article)
    return Hit(kind, article.pk, article.title, path, excerpt(article.lead), local_date(article.published))


def present_document(kind: Kind, document: Any, places: Places) -> Hit:
    text = " – ".join(part for part in (document.number, document.subject or document.summary) if part)
    return Hit(kind, document.pk, document.title, places.of_page(document), excerpt(text), document.issued_on)


def present_draft(kind: Kind, draft: Any, places: Places) -> Hit:
    date = local_date(draft.closes_at)
    return Hit(kind, draft.pk, draft.title, places.of_page(draft), excerpt(draft.summary), date)


def present_procedure(kind: Kind, procedure: Any, places: Places) -> Hit:
    text = " – ".join(part for part in (procedure.code, procedure.field_name, procedure.agency) if part)
    return Hit(kind, procedure.pk, procedure.title, places.of_page(procedure), excerpt(text), None)


def questions(places: Places) -> QuerySet[Any]:
    """Published answers of a site whose Q&A section is live and public; the asker's name, e-mail and phone are
    not even read."""
    if places.questions is None:
        return Question.objects.none()
    tags.shows(tags.listing("qa", places.site.pk))
    return (
        Question.objects.published()
        .filter(site=places.site)
        .order_by("-published_at", "-pk")
        .only("id", "title", "body", "published_at")
    )


def present_question(kind: Kind, question: Any, places: Places) -> Hit:
    date = local_date(question.published_at)
    return Hit(kind, question.pk, question.title, places.of_answer(question), excerpt(question.body), date)


def content_pages(places: Places) -> QuerySet[Any]:
    """The site's live public content pages (``home.SectionPage``: Giới thiệu, Thông tin công khai and the pages
    under them), in the order of the tree."""
    tags.shows(tags.listing("pages", places.site.pk))
    return (
        SectionPage.objects.filter(descendants_q(places.site.root_page), published_q())
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth", "lead", "body", "last_published_at")
    )


def present_page(kind: Kind, page: Any, places: Places) -> Hit:
    text = page.lead or html_text(page.body)
    return Hit(kind, page.pk, page.title, places.of_page(page), excerpt(text), local_date(page.last_published_at))


KINDS = (
    Kind("news", "tin-tuc", "Tin tức", "Ngày đăng", news, present_news),
    Kind(
        "documents",
        "van-ban",
        "Văn bản",
        "Ngày ban hành",
        lambda places: legal_pages(LegalDocumentPage, places, F("issued_on").desc(nulls_last=True), "-pk"),
        present_document,
    ),
    Kind(
        "drafts",
        "du-thao",
        "Dự thảo",
        "Hạn góp ý",
        lambda places: legal_pages(DraftDocumentPage, places, "-opens_at", "-pk"),
        present_draft,
    ),
    Kind(
        "procedures",
        "thu-tuc",
        "Thủ tục hành chính",
        "",
        lambda places: legal_pages(AdministrativeProcedurePage, places, "title", "pk"),
        present_procedure,
    ),
    Kind("questions", "hoi-dap", "Hỏi đáp", "Ngày trả lời", questions, present_question),
    Kind("pages", "trang", "Trang", "Cập nhật", content_pages, present_page),
)
BY_KEY = {kind.key: kind for kind in KINDS}
BY_SLUG = {kind.slug: kind for kind in KINDS}
