"""What may be rated on a site, named by a stable key: ``page:<id>`` for a page, ``answer:<id>`` for a published
Q&A answer (a record, not a page). A bare number is a page id.

Rateable are the pages a person reads to get something done or learn a rule: administrative procedures, legal
documents, news articles and standard pages, live and public under the site's own root; and the site's published
answers. A key naming anything else (a draft, a private page, another site's page, an unpublished question) is
refused, so a site's summary only ever counts its own content.
"""

import re
from dataclasses import dataclass

from django.db.models import Model
from wagtail.models import Page, Site

from core.ids import as_id
from core.tree import descendants_q, published_q
from faq.models import Question
from home.models import SectionPage
from home.news import NewsPage
from legal.models import AdministrativeProcedurePage, LegalDocumentPage

PAGE, ANSWER = "page", "answer"
KEY = re.compile(r"^(?:(page|answer):)?(\d{1,18})$")
KEY_PATTERN = r"^((page|answer):)?[0-9]{1,18}$"
RATEABLE_PAGES = (AdministrativeProcedurePage, LegalDocumentPage, NewsPage, SectionPage)


@dataclass(frozen=True)
class Target:
    key: str
    title: str


def parse(text: str) -> tuple[str, int] | None:
    """(kind, id) of a key as typed (``page:12``, ``answer:34``, ``12``), or None when it is no key."""
    found = KEY.match(text.strip())
    if found is None:
        return None
    record_id = as_id(found.group(2))
    return None if record_id is None else (found.group(1) or PAGE, record_id)


def find(site: Site, text: str) -> Target | None:
    """The rateable content ``text`` names on ``site``, or None."""
    parsed = parse(text)
    if parsed is None:
        return None
    kind, record_id = parsed
    if kind == ANSWER:
        title = Question.objects.published().filter(site=site, pk=record_id).values_list("title", flat=True).first()
    else:
        title = (
            Page.objects.filter(descendants_q(site.root_page), published_q(), pk=record_id)
            .type(*RATEABLE_PAGES)
            .values_list("title", flat=True)
            .first()
        )
    return None if title is None else Target(f"{kind}:{record_id}", title)


def key_of(content: Model) -> str | None:
    """The key of a rateable page or a published answer shown on a public page; None for anything else."""
    if isinstance(content, Question):
        return f"{ANSWER}:{content.pk}"
    if isinstance(content, RATEABLE_PAGES):
        return f"{PAGE}:{content.pk}"
    return None
