"""Turn raw document text into published LegalDocumentPages under one site's documents section.

Idempotent: a document is found again by its number under that section (or, for one without a number,
by its type, date and title), then updated only if something changed, so a re-run never duplicates and
never creates a revision for nothing. Every document's extraction warnings are returned to the caller.

The importer reads what the text says and nothing more: the validity status is left unconfirmed
(``LegalDocumentPage.validity_confirmed``, shown "Chưa xác định") for the board to settle, since no text
says whether it has been repealed since; a re-import never touches that confirmation.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.html import escape, format_html

from core.slugs import vietnamese_slug
from core.text import fold

from .models import DocumentType, LegalDocumentIndexPage, LegalDocumentPage
from .parsing import parse

SEED_DIRECTORY = Path(__file__).with_name("seed_documents")
MAX_TITLE_LENGTH = 255
MARKER = re.compile(r"\[\^(\d{1,2})\]")  # parsing.FOOTNOTE_MARK once escaped (it holds no HTML character)


class NoDocumentsSection(Exception):
    """The site has no documents section to import into."""


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    warnings: dict = field(default_factory=dict)  # file name -> what could not be extracted


def documents_index(site):
    """The site's documents section, which an import cannot do without."""
    index = LegalDocumentIndexPage.of_site(site)
    if index is None:
        raise NoDocumentsSection(f"Trang {site.hostname} chưa có chuyên mục văn bản (LegalDocumentIndexPage).")
    return index


def import_files(site, paths):
    """Import each file into ``site``; all or nothing, so a failure leaves no half-imported batch."""
    index = documents_index(site)
    result = ImportResult()
    with transaction.atomic():
        for path in paths:
            path = Path(path)
            parsed = parse(path.read_text(encoding="utf-8"))
            if parsed.warnings:
                result.warnings[path.name] = parsed.warnings
            outcome, page = import_document(index, parsed)
            getattr(result, outcome).append(page)
    return result


def import_seed_documents(site):
    return import_files(site, sorted(SEED_DIRECTORY.glob("*.txt")))


def import_document(index, parsed):
    """("created" | "updated" | "unchanged", page): publishes a revision only when a field changed."""
    values = page_values(parsed)
    page = existing_page(index, parsed, values["title"])
    if page is None:
        page = LegalDocumentPage(slug=free_slug(index, slug_for(parsed, values["title"])), **values)
        index.add_child(instance=page)
        page.save_revision().publish()
        return "created", page
    changed = {name: value for name, value in values.items() if getattr(page, name) != value}
    if not changed:
        return "unchanged", page
    for name, value in changed.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return "updated", page


def page_values(parsed):
    return {
        "title": title_for(parsed),
        "number": parsed.number,
        "document_type": document_type(parsed),
        "issuer": parsed.issuer,
        "place": parsed.place,
        "issued_on": parsed.issued_on,
        "subject": parsed.subject,
        "addressees": parsed.addressees,
        "recipients": "\n".join(parsed.recipients),
        "signer_name": parsed.signer_name,
        "signer_title": parsed.signer_title,
        "body": body_html(parsed),
        "footnotes": "\n".join(parsed.footnotes),
    }


def body_html(parsed):
    """The paragraphs as HTML, each footnote marker a link to its note (listed under the body by the page)."""
    count = len(parsed.footnotes)
    return "".join(f"<p>{footnote_links(escape(paragraph), count)}</p>" for paragraph in parsed.paragraphs)


def footnote_links(html, count):
    """``[^1]`` -> a superscript link to ``#chu-thich-1``, with the id the note links back to."""

    def link(match):
        number = int(match.group(1))
        if not 1 <= number <= count:
            return match.group(0)
        return format_html(
            '<sup id="tham-chieu-{0}"><a href="#chu-thich-{0}" aria-label="Chú thích {0}">{0}</a></sup>', number
        )

    return MARKER.sub(link, html)


def existing_page(index, parsed, title):
    documents = LegalDocumentPage.objects.child_of(index)
    if parsed.number:
        return documents.filter(number=parsed.number).first()
    return documents.filter(number="", issued_on=parsed.issued_on, title=title).first()


def title_for(parsed):
    """The subject without "V/v", capitalised; a document without one is named by type and number."""
    subject = parsed.subject.removeprefix("V/v ").strip()
    if subject:
        return (subject[:1].upper() + subject[1:])[:MAX_TITLE_LENGTH]
    return " ".join(part for part in [parsed.document_type or "Văn bản", parsed.number] if part)


def document_type(parsed):
    """The type from the editable list, matched by name ignoring case and diacritics; None if absent."""
    wanted = fold(parsed.document_type)
    return next((item for item in DocumentType.objects.all() if wanted and fold(item.name) == wanted), None)


def slug_for(parsed, title):
    """``07/BHXH-PC`` -> ``07-bhxh-pc``; a document without a number by its type, date and title."""
    source = parsed.number or f"{parsed.document_type} {parsed.issued_on or ''} {title}"
    return vietnamese_slug(source.replace("/", " "))[:80]


def free_slug(parent, slug):
    """``slug`` or ``slug-2``, ``slug-3``…: siblings need distinct slugs."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, counter = slug or "van-ban", 2
    while candidate in taken:
        candidate, counter = f"{slug}-{counter}", counter + 1
    return candidate
