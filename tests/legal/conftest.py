"""Fixtures for the legal documents tests: a published document under a site's documents section."""

import pytest

from tests.legal.factories import LegalDocumentFactory, document_type
from tests.support.sites import DOCUMENTS as SECTION


@pytest.fixture
def make_document(db):
    """make_document(site, title, type_slug="cong-van", **fields): a published LegalDocumentPage."""

    def make(site, title, type_slug="cong-van", **fields):
        return LegalDocumentFactory(site=site, title=title, document_type=document_type(type_slug), **fields)

    return make


@pytest.fixture
def listing(client):
    """listing(host, **params): the response of that site's document list with those filters."""

    def get(host, **params):
        return client.get(SECTION, params, HTTP_HOST=host)

    return get
