"""Wagtail's database search backend, with autocomplete folding Vietnamese on PostgreSQL as search does, and
user text that SQLite's FTS5 reads as text.

The admin's page search and page chooser call ``autocomplete()``, which modelsearch's PostgreSQL backend
indexes and queries with the built-in ``simple`` configuration whatever SEARCH_CONFIG says, so "da nang"
would not find "Đà Nẵng" there. ``simple`` is chosen upstream to avoid stemming; SEARCH_CONFIG
(``vietnamese_unaccent``: simple + unaccent, core/migrations/0002) does not stem either, so it serves both.

On SQLite, modelsearch's FTS5 backend lets a ``"`` in a query break the ``MATCH`` string (a 500 on every
search box and on ``/api/v2/pages/?search=``); ``core.search_fts5`` compiles queries that quote it.
"""

from typing import Any

from django.db import connection
from modelsearch.backends import database
from modelsearch.backends.base import BaseSearchBackend


def SearchBackend(params: dict[str, Any]) -> BaseSearchBackend:  # noqa: N802 - the name modelsearch looks up in a backend module
    backend = database.SearchBackend(params)
    if connection.vendor == "postgresql":
        backend.autocomplete_config = backend.config
    elif connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from .search_fts5 import quote_user_text  # the FTS5 index model exists only on SQLite with FTS5

        quote_user_text(backend)
    return backend
