"""The ``vietnamese_unaccent`` text search configuration that Wagtail search uses on PostgreSQL.

It is ``simple`` (lower-case, no stemming, no stop words: Vietnamese has neither in PostgreSQL) with
``unaccent`` first, whose stock rules fold every Vietnamese letter as cms.text.fold does, đ/Đ to d/D and
decomposed (NFD) text included (tests/cms/test_search_backends.py). Nothing happens on SQLite. Pages
indexed before this migration keep their old vectors until ``manage.py update_index``. Reversing drops the
configuration but keeps the extension, which other objects (modelsearch's f_unaccent) may rely on.
"""
from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION vietnamese_unaccent (COPY = pg_catalog.simple)",
    "ALTER TEXT SEARCH CONFIGURATION vietnamese_unaccent "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
]
DROP = ["DROP TEXT SEARCH CONFIGURATION IF EXISTS vietnamese_unaccent"]


def execute_on_postgresql(schema_editor, statements):
    if schema_editor.connection.vendor == "postgresql":
        for statement in statements:
            schema_editor.execute(statement)


def create_configuration(apps, schema_editor):
    execute_on_postgresql(schema_editor, CREATE)


def drop_configuration(apps, schema_editor):
    execute_on_postgresql(schema_editor, DROP)


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_configuration, drop_configuration),
    ]
