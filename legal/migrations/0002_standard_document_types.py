"""Seed the document types every site starts with; editors can add or rename them later."""
from django.db import migrations

TYPES = [
    ("Luật", "luat"), ("Nghị định", "nghi-dinh"), ("Thông tư", "thong-tu"), ("Quyết định", "quyet-dinh"),
    ("Công văn", "cong-van"), ("Kế hoạch", "ke-hoach"), ("Hướng dẫn", "huong-dan"), ("Quy chế", "quy-che"),
]


def add_types(apps, schema_editor):
    DocumentType = apps.get_model("legal", "DocumentType")
    for name, slug in TYPES:
        DocumentType.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
