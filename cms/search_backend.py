"""Wagtail's database search backend, with autocomplete folding Vietnamese on PostgreSQL as search does.

The admin's page search and page chooser call ``autocomplete()``, which modelsearch's PostgreSQL backend
indexes and queries with the built-in ``simple`` configuration whatever SEARCH_CONFIG says, so "da nang"
would not find "Đà Nẵng" there. ``simple`` is chosen upstream to avoid stemming; SEARCH_CONFIG
(``vietnamese_unaccent``: simple + unaccent, cms/migrations/0002) does not stem either, so it serves both.
"""
from django.db import connection
from wagtail.search.backends import database


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    backend = database.SearchBackend(params)
    if connection.vendor == "postgresql":
        backend.autocomplete_config = backend.config
    return backend
