"""Search by whole syllables (core.search): ``search_title`` is added and both columns of every existing row
are rebuilt as folded syllables between spaces (" the bao hiem "), the form ``folded_search`` matches; on
PostgreSQL a trigram index serves those matches. The fields are written out here, as the models named them
when this ran. Reversing drops ``search_title`` and the index; ``search_text`` keeps the new form, which
the previous substring search still matches, except codes written with their punctuation ("07/bhxh-pc").
"""

from django.db import migrations, models

from core.search import create_trigram_index, drop_trigram_index, rebuild_search_columns

FIELDS = {
    "LegalDocumentPage": (("title", "number", "subject", "summary", "issuer", "signer_name", "body", "footnotes"), ("title", "number", "subject")),
    "AdministrativeProcedurePage": (("title", "code", "field_name", "agency", "steps", "dossier"), ("title", "code")),
    "DraftDocumentPage": (("title", "drafting_unit", "summary", "draft_text"), ("title",)),
}


def rebuild(apps, schema_editor):
    for name, (search_fields, title_fields) in FIELDS.items():
        model = apps.get_model("legal", name)
        rebuild_search_columns(model, search_fields, title_fields)
        create_trigram_index(schema_editor, model)


def drop_indexes(apps, schema_editor):
    for name in FIELDS:
        drop_trigram_index(schema_editor, apps.get_model("legal", name))


class Migration(migrations.Migration):

    dependencies = [
        ("legal", "0006_document_recipients_footnotes_validity"),
    ]

    operations = [
        migrations.AddField(
            model_name="legaldocumentpage",
            name="search_title",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="administrativeprocedurepage",
            name="search_title",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="draftdocumentpage",
            name="search_title",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(rebuild, drop_indexes),
    ]
