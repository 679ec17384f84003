"""Content pages (``SectionPage``) get the folded syllables of their title, lead and body (core.search), so the
site search matches them as it matches news; existing rows are filled here, with the fields as the model names
them when this ran, and on PostgreSQL a trigram index serves the matches."""

from django.db import migrations, models

from core.search import create_trigram_index, drop_trigram_index, rebuild_search_columns

SEARCH_FIELDS = ("title", "lead", "body")
TITLE_FIELDS = ("title",)


def rebuild(apps, schema_editor):
    model = apps.get_model("home", "SectionPage")
    rebuild_search_columns(model, SEARCH_FIELDS, TITLE_FIELDS)
    create_trigram_index(schema_editor, model)


def drop_index(apps, schema_editor):
    drop_trigram_index(schema_editor, apps.get_model("home", "SectionPage"))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_homepage_news_count_homepage_notice_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="sectionpage",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="sectionpage",
            name="search_title",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(rebuild, drop_index),
    ]
