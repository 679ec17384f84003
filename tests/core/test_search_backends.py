"""Wagtail search finds Vietnamese without diacritics, đ included: "da nang" finds "Đà Nẵng".

On PostgreSQL through the ``vietnamese_unaccent`` configuration (these tests run whenever the suite runs on
it); for OpenSearch/Elasticsearch, which no machine here runs, through the analysis settings the index is
created with.
"""

import copy
import unicodedata

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.urls import reverse
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseMapping, ElasticsearchBaseSearchBackend
from modelsearch.utils import deep_update
from wagtail.models import Page

from core.text import fold
from home.models import SectionPage
from portal.settings import search
from tests.support.processes import run_python

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the suite runs on SQLite")

# Every Vietnamese vowel with every tone in both cases, then đ and Đ.
VOWELS = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"]
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
ALPHABET = " ".join(
    [
        unicodedata.normalize("NFC", case(vowel) + tone)
        for vowel in VOWELS
        for tone in TONES
        for case in (str.lower, str.upper)
    ]
    + ["đ", "Đ"]
)


def backend_for(monkeypatch, **env):
    monkeypatch.delenv("SEARCH_ENGINE", raising=False)
    monkeypatch.delenv("SEARCH_INDEX_PREFIX", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return search.search_backends()["default"]


def analyzers_named_in(mapping):
    for key, value in mapping.items():
        if key in ("analyzer", "search_analyzer"):
            yield value
        elif isinstance(value, dict):
            yield from analyzers_named_in(value)


def test_without_a_search_url_the_database_backend_uses_the_folding_configuration(monkeypatch):
    monkeypatch.delenv("SEARCH_URL", raising=False)

    assert search.search_backends() == {
        "default": {"BACKEND": "core.search_backend", "SEARCH_CONFIG": "vietnamese_unaccent"}
    }


def test_a_search_url_selects_opensearch_unless_told_otherwise(monkeypatch):
    backend = backend_for(
        monkeypatch, SEARCH_URL="https://search-1:9200, https://search-2:9200", SEARCH_INDEX_PREFIX="vss_"
    )

    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["https://search-1:9200", "https://search-2:9200"]
    assert backend["INDEX_PREFIX"] == "vss_"


def test_search_engine_picks_the_client_and_an_unknown_one_is_refused(monkeypatch):
    chosen = backend_for(monkeypatch, SEARCH_URL="http://es:9200", SEARCH_ENGINE="elasticsearch8")
    assert chosen["BACKEND"] == "wagtail.search.backends.elasticsearch8"

    with pytest.raises(ImproperlyConfigured, match="SEARCH_ENGINE"):
        backend_for(monkeypatch, SEARCH_URL="http://es:9200", SEARCH_ENGINE="solr")


def test_the_settings_take_the_backend_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    )
    with_url = run_python(code, DJANGO_SETTINGS_MODULE="portal.settings.dev", SEARCH_URL="http://search:9200")
    without = run_python(code, DJANGO_SETTINGS_MODULE="portal.settings.dev", SEARCH_URL="")

    assert with_url.stdout.strip() == "wagtail.search.backends.opensearch2", with_url.stderr
    assert without.stdout.strip() == "core.search_backend", without.stderr


def test_every_analyzer_the_page_index_uses_lowercases_and_folds(monkeypatch):
    """The index is created with modelsearch's analysis settings updated by ours. Text fields name no
    analyzer, so ``default`` analyses them when indexing and ``default_search`` the query; autocomplete
    fields name theirs (``edgengram_analyzer``, and ``standard`` for the query)."""
    index_settings = backend_for(monkeypatch, SEARCH_URL="http://search:9200")["INDEX_SETTINGS"]
    analysis = deep_update(copy.deepcopy(ElasticsearchBaseSearchBackend.settings), index_settings)["settings"][
        "analysis"
    ]
    used = {"default", "default_search", *analyzers_named_in(ElasticsearchBaseMapping(SectionPage).get_mapping())}

    assert used == {"default", "default_search", "edgengram_analyzer", "standard"}
    for name in used:
        analyzer = analysis["analyzer"][name]
        assert {"lowercase", "asciifolding"} <= set(analyzer["filter"]), name
        assert analyzer["char_filter"] == ["combining_marks"], name
    assert analysis["char_filter"]["combining_marks"]["pattern"] == "\\p{M}"


@postgresql_only
@pytest.mark.django_db
def test_the_configuration_folds_every_vietnamese_letter_as_the_portal_does():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('vietnamese_unaccent', 'Đà Nẵng Đắk Lắk')::text")
        assert cursor.fetchone()[0] == "'da':1 'dak':3 'lak':4 'nang':2"
        for text in (ALPHABET, unicodedata.normalize("NFD", ALPHABET), "Thừa Thiên Huế"):
            cursor.execute(
                "SELECT array_to_string(tsvector_to_array(to_tsvector('vietnamese_unaccent', %s)), ' ')", [text]
            )
            assert set(cursor.fetchone()[0].split()) == set(fold(text).split()), text


@pytest.fixture
def provinces(hanoi):
    """A published section of Hà Nội holding two published pages named with diacritics."""
    section = hanoi.root_page.add_child(instance=SectionPage(title="Địa bàn", slug="dia-ban-tim-kiem"))
    pages = {}
    for title, slug, lead in (
        ("Đà Nẵng", "da-nang", "Thành phố trực thuộc trung ương"),
        ("Đắk Lắk", "dak-lak", "Tỉnh Tây Nguyên"),
    ):
        pages[slug] = section.add_child(instance=SectionPage(title=title, slug=slug, lead=lead))
        pages[slug].save_revision().publish()
    return Page.objects.child_of(section), pages


def titles(results):
    return [page.title for page in results]


@postgresql_only
def test_page_search_finds_titles_and_text_without_their_diacritics(provinces):
    pages, _ = provinces

    assert titles(pages.search("da nang")) == ["Đà Nẵng"]
    assert titles(pages.search("dak lak")) == ["Đắk Lắk"]
    assert titles(pages.search("ĐẮK LẮK")) == ["Đắk Lắk"]
    assert titles(pages.search("tay nguyen")) == ["Đắk Lắk"]
    assert titles(pages.search("hue")) == []


@postgresql_only
def test_autocomplete_folds_too_as_the_admin_page_search_uses_it(provinces, client, hanoi_editor):
    pages, _ = provinces
    assert titles(pages.autocomplete("dak l")) == ["Đắk Lắk"]

    client.force_login(hanoi_editor)
    response = client.get(reverse("wagtailadmin_pages:search_results"), {"q": "da nan"})
    assert response.status_code == 200
    assert "Đà Nẵng" in response.content.decode() and "Đắk Lắk" not in response.content.decode()


@postgresql_only
def test_the_v2_pages_api_search_finds_pages_without_their_diacritics(provinces, client):
    _, pages = provinces

    def found(query):
        response = client.get("/api/v2/pages/", {"site": "hanoi.localhost", "search": query})
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]]

    assert found("da nang") == [pages["da-nang"].pk]
    assert found("dak lak") == [pages["dak-lak"].pk]
    assert found("khong co trang nao") == []


# Text that is FTS5 or tsquery syntax, or breaks it: a lone quote (wagtail/wagtail#13227), quotes inside a
# word, operators, column filters, prefixes, punctuation-only words.
UNUSUAL_QUERIES = [
    '"',
    '""',
    'a"b',
    '"Tây',
    'Tây" OR "x',
    "NEAR(a b)",
    "{title}:x",
    "x*",
    "^x",
    "-",
    "' \\ %s %",
    "a & b | !c",
    "x:*",
]


@pytest.fixture
def quoted_page(hanoi):
    """A published page whose title holds quotes and a dash: 'Quy chế "một cửa" - Hà Nội'."""
    page = hanoi.root_page.add_child(instance=SectionPage(title='Quy chế "một cửa" - Hà Nội', slug="mot-cua"))
    page.save_revision().publish()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("query", UNUSUAL_QUERIES)
def test_search_and_autocomplete_take_any_text(quoted_page, query):
    """Each query answers (found or not) instead of failing in the database."""
    for method in (Page.objects.search, Page.objects.autocomplete):
        assert isinstance(list(method(query)), list), method


@pytest.mark.django_db
def test_quotes_and_punctuation_in_a_query_are_searched_as_text(quoted_page):
    """A quote sticks to no word, and a word without letters ("-") does not make the query find nothing."""

    def found(results):
        return quoted_page.pk in [page.pk for page in results]

    for query in ('"một cửa"', '"một', 'cửa"', "một - cửa", 'một "" cửa'):
        assert found(Page.objects.search(query)), query
        assert found(Page.objects.autocomplete(query)), query
    assert not found(Page.objects.search('"một cửa" khongcotu'))
    assert list(Page.objects.search('" -')) == []


@pytest.fixture
def searchable_files(db):
    """An image and a document, so that the admin's image and document searches query the index."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    Image.objects.create(title='Ảnh "trụ sở"', file=get_test_image_file())
    Document.objects.create(title='Quyết định "số 1"', file=ContentFile(b"%PDF-1.4", name="so-1.pdf"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailimages:index",
        "wagtaildocs:index",
        "wagtailadmin_choose_page_search",
        "wagtailadmin_pages:search",
        "wagtailsnippets_contacts_unit:list",
    ],
)
@pytest.mark.parametrize("query", ['"', 'a"b', '"trụ sở'])
def test_admin_searches_take_a_quote(client, django_user_model, quoted_page, searchable_files, url_name, query):
    client.force_login(django_user_model.objects.create_superuser("quote-admin", password="x"))

    response = client.get(reverse(url_name), {"q": query})

    assert response.status_code == 200
