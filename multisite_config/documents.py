"""Which uploaded documents the public may download, and who else may.

A file uploaded to a site's collection is not public by being uploaded: it becomes public when a live page
without view restrictions shows it, as an attachment (any model with a ``page`` and a ``document`` foreign
key: legal documents' and drafts' files) or as a link the reference index has recorded (a link in an
article's text). Everything else (a file of an unpublished draft, of a page not yet approved, uploaded and
not used) is served only to staff who reach the site whose collection holds it; others get 404, so not even
its existence shows. Wagtail's ``serve_view`` method is fixed in settings, so a file is always answered by
this check and never by a direct URL of the storage.
"""

from functools import cache

from django.apps import apps
from django.db import models
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex

from .confinement import is_within_reach
from .two_factor import is_signed_in_staff


@cache
def attachment_links():
    """(model, document field, page field) of every model that attaches documents to pages."""
    Document = get_document_model()
    found = []
    for model in apps.get_models():
        fields = {field.name: field for field in model._meta.concrete_fields if isinstance(field, models.ForeignKey)}
        documents = [name for name, field in fields.items() if field.related_model is Document]
        page = fields.get("page")
        if documents and page is not None and issubclass(page.related_model, Page):
            found.extend((model, name, "page") for name in documents)
    return tuple(found)


def showing_pages(document):
    """Ids of the pages that show this document: attachments, then references recorded by Wagtail."""
    ids = set()
    for model, document_field, page_field in attachment_links():
        attached = model._default_manager.filter(**{document_field: document})
        ids.update(attached.values_list(f"{page_field}_id", flat=True))
    for reference in ReferenceIndex.get_references_to(document).filter(
        base_content_type__app_label="wagtailcore", base_content_type__model="page"
    ):
        ids.add(int(reference.object_id))
    return ids


def is_public(document):
    """Shown by at least one live page that no view restriction guards (on itself or an ancestor)."""
    for page in Page.objects.filter(pk__in=showing_pages(document), live=True):
        if not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists():
            return True
    return False


def may_download(user, document):
    if is_public(document):
        return True
    return is_signed_in_staff(user) and is_within_reach(user, document)
