"""Search by whole syllables (core.search): ``search_title`` is added and both columns of every existing row
are rebuilt as folded syllables between spaces (" the bao hiem "), the form ``folded_search`` matches; on
PostgreSQL a trigram index serves those matches. The fields are written out here, as the models named them
when this ran. Reversing drops ``search_title`` and the index; ``search_text`` keeps the new form, which
the previous substring search still matches, except codes written with their punctuation ("07/bhxh-pc").
"""

from django.db import migrations, models

from core.search import create_trigram_index, drop_trigram_index, rebuild_search_columns

FIELDS = {
    "NewsPage": (("title", "lead"), ("title",)),
}


def rebuild(apps, schema_editor):
    for name, (search_fields, title_fields) in FIELDS.items():
        model = apps.get_model("home", name)
        rebuild_search_columns(model, search_fields, title_fields)
        create_trigram_index(schema_editor, model)


def drop_indexes(apps, schema_editor):
    for name in FIELDS:
        drop_trigram_index(schema_editor, apps.get_model("home", name))


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0002_newsindexpage_newspage_royalty_newsshare"),
    ]

    operations = [
        migrations.AddField(
            model_name="newspage",
            name="search_title",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(rebuild, drop_indexes),
    ]
