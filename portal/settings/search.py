"""Wagtail's search backend, chosen from the environment, configured so Vietnamese is found without diacritics.

"da nang" must find "Đà Nẵng" and "dak lak" "Đắk Lắk" (DESIGN.md), but neither PostgreSQL's default text
search configuration nor Elasticsearch's standard analyzer folds ả, ộ or đ, so each backend is set up here:

- ``SEARCH_URL`` set (comma-separated node URLs): OpenSearch/Elasticsearch through the client that
  ``SEARCH_ENGINE`` names, with every analyzer the indexes use lower-casing and ASCII-folding (Lucene's
  ASCIIFoldingFilter maps đ/Đ to d/D and ể, ộ, ắ, ư… to their base letters);
- otherwise: the database backend (core/search_backend.py). On PostgreSQL it indexes and queries with the
  ``vietnamese_unaccent`` configuration (simple + unaccent) that core/migrations/0002 creates; SQLite's FTS5
  table does not read ``SEARCH_CONFIG`` and does not fold (README, "Search").
"""

from django.core.exceptions import ImproperlyConfigured

from .env import env_list, env_str

SEARCH_CONFIG = "vietnamese_unaccent"
SEARCH_ENGINES = ("opensearch2", "opensearch3", "elasticsearch7", "elasticsearch8", "elasticsearch9")

# Strips combining marks so text stored decomposed (NFD: "a" + U+0306 + U+0303 for "ẵ") folds like
# precomposed text; asciifolding only maps precomposed letters. PostgreSQL's unaccent handles both already.
_COMBINING_MARKS = {"type": "pattern_replace", "pattern": "\\p{M}", "replacement": ""}
_FOLDING = {
    "type": "custom",
    "char_filter": ["combining_marks"],
    "tokenizer": "standard",
    "filter": ["lowercase", "asciifolding"],
}

# Merged by modelsearch over its own analysis settings. ``default`` and ``default_search`` analyse every
# text field that names no analyzer (titles, bodies, _all_text) when indexing and querying. Autocomplete
# fields index with modelsearch's ``edgengram_analyzer`` (which already folds) but are queried with the
# analyzer named ``standard``: an analyzer defined in the index settings takes precedence over the
# built-in of the same name, so queries typed with diacritics fold too.
INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": {"combining_marks": _COMBINING_MARKS},
            "analyzer": {
                "default": _FOLDING,
                "default_search": _FOLDING,
                "standard": _FOLDING,
                "edgengram_analyzer": {"char_filter": ["combining_marks"]},
            },
        }
    }
}


def search_engine_backend(urls):
    """OpenSearch/Elasticsearch at ``urls``; the client library of the chosen engine must be installed."""
    engine = env_str("SEARCH_ENGINE", "opensearch2")
    if engine not in SEARCH_ENGINES:
        raise ImproperlyConfigured(f"SEARCH_ENGINE must be one of {', '.join(SEARCH_ENGINES)}, not {engine!r}.")
    return {
        "BACKEND": f"wagtail.search.backends.{engine}",
        "URLS": urls,
        "INDEX_PREFIX": env_str("SEARCH_INDEX_PREFIX"),
        "INDEX_SETTINGS": INDEX_SETTINGS,
    }


def search_backends():
    """The WAGTAILSEARCH_BACKENDS setting for the current environment."""
    urls = env_list("SEARCH_URL", [])
    if urls:
        return {"default": search_engine_backend(urls)}
    return {"default": {"BACKEND": "core.search_backend", "SEARCH_CONFIG": SEARCH_CONFIG}}


WAGTAILSEARCH_BACKENDS = search_backends()
