"""The database table of the "shared" cache (rate-limit counters) when there is no Redis.

Created by migration rather than by a separate `createcachetable` step, so that every way of setting up a
database (`make run`, the benchmark, the tests, production) has it: a missing table would turn each public
submission into a 500. With REDIS_URL set, the alias is Redis and there is nothing to create.
"""
from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_vietnamese_unaccent_search")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
