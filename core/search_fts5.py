"""What a user types reaches SQLite's FTS5 ``MATCH`` as text to find, never as FTS5 query syntax.

modelsearch's SQLite backend wraps each word of a query in double quotes (an FTS5 string, inside which
``AND``, ``NEAR(``, ``*``, ``^``, ``:`` and ``-`` are plain characters) but does not double the quotes a word
holds itself, so a lone ``"`` (``?q=%22`` in any admin search, ``?search=%22`` in the v2 API) leaves the
string unterminated and SQLite raises an error: a 500 (wagtail/wagtail#13227). Doubling them is how FTS5
writes a quote inside a string.

A word with no letter or digit (``-``, ``"``, ``…``) holds no token for FTS5's ``unicode61`` tokenizer,
which reads only letters, digits and private-use characters; quoted, it is an empty phrase that matches
nothing, and since the words of a query are joined with AND, "Hà Nội - Đà Nẵng" would find nothing. Such
words are left out, as the tokenizer leaves their characters out of the indexed text; a query made only of
them (or only of spaces) matches nothing.

Imported only on SQLite with FTS5: modelsearch defines the FTS5 index model on no other database.
"""

import unicodedata
from typing import TYPE_CHECKING

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText, SearchQuery

# Unicode categories whose characters unicode61 keeps in tokens: letters, numbers, private use.
TOKEN_CATEGORIES = ("L", "N", "Co")


def fts5_string_body(text: str) -> str:
    """``text`` as it may stand between the double quotes of an FTS5 string."""
    return text.replace('"', '""')


def holds_a_token(word: str) -> bool:
    return any(unicodedata.category(char).startswith(TOKEN_CATEGORIES) for char in word)


def searchable(query: SearchQuery) -> SearchQuery:
    """A plain-text or phrase query as FTS5 should receive it; any other query unchanged."""
    if isinstance(query, PlainText):
        words = [fts5_string_body(word) for word in query.query_string.split() if holds_a_token(word)]
        if not words:
            return NOTHING
        return PlainText(" ".join(words), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(fts5_string_body(query.query_string))
    return query


# An empty FTS5 phrase: it matches no row.
NOTHING = Phrase("")

if TYPE_CHECKING:  # for the type checker, the mixin extends the compiler it is mixed into (its super())
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler as _CompilerBase
else:
    _CompilerBase = object


class QuotedTextMixin(_CompilerBase):
    """Rewrites the text of each plain-text or phrase query before modelsearch quotes it for ``MATCH``."""

    def build_search_query_content(self, query: SearchQuery, config: str | None = None) -> SearchQuery:
        return super().build_search_query_content(searchable(query), config=config)


class SearchQueryCompiler(QuotedTextMixin, SQLiteSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(QuotedTextMixin, SQLiteAutocompleteQueryCompiler):
    pass


def quote_user_text(backend: SQLiteSearchBackend) -> None:
    """Make modelsearch's SQLite FTS5 ``backend`` compile every search and autocomplete as above."""
    backend.query_compiler_class = SearchQueryCompiler
    backend.autocomplete_query_compiler_class = AutocompleteQueryCompiler
