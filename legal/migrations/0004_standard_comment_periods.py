"""Seed the shortest comment window per document type; the centre edits them as the rules change.

Legal normative documents (Luật, Nghị định, Thông tư) get 20 days, as the 2025 Law on Promulgation of
Legal Documents asks of public consultation; the sector's own documents get 10 days.
"""
from django.db import migrations

MIN_DAYS = {"luat": 20, "nghi-dinh": 20, "thong-tu": 20, "quyet-dinh": 10, "cong-van": 10, "ke-hoach": 10,
            "huong-dan": 10, "quy-che": 10}


def add_periods(apps, schema_editor):
    DocumentType = apps.get_model("legal", "DocumentType")
    CommentPeriodRule = apps.get_model("legal", "CommentPeriodRule")
    for document_type in DocumentType.objects.filter(slug__in=MIN_DAYS):
        CommentPeriodRule.objects.get_or_create(document_type=document_type,
                                                defaults={"min_days": MIN_DAYS[document_type.slug]})


class Migration(migrations.Migration):
    dependencies = [("legal", "0003_drafts_comments_procedures")]

    operations = [migrations.RunPython(add_periods, migrations.RunPython.noop)]
