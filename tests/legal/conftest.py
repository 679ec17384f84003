"""Fixtures for the legal documents tests: a published document under a site's documents section."""

import pytest

from legal.importer import documents_index
from legal.models import DocumentType, LegalDocumentPage

SECTION = "/van-ban-thu-tuc-hanh-chinh/"


@pytest.fixture
def make_document(db):
    """make_document(site, title, type_slug="cong-van", **fields): a published LegalDocumentPage."""
    counter = iter(range(1, 10_000))

    def make(site, title, type_slug="cong-van", **fields):
        fields.setdefault("number", f"{next(counter)}/BHXH-TEST")
        page = LegalDocumentPage(title=title, document_type=DocumentType.objects.get(slug=type_slug), **fields)
        documents_index(site).add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def listing(client):
    """listing(host, **params): the response of that site's document list with those filters."""

    def get(host, **params):
        return client.get(SECTION, params, HTTP_HOST=host)

    return get


def listed(response):
    return [document.title for document in response.context["documents"]]
