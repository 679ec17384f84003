"""The adjustment's former "căn cứ" (``reason``) was its legal basis: renamed so, a free "lý do" added, and a
working day may name the day off it is swapped for."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_jobcheckpoint"),
    ]

    operations = [
        migrations.RenameField(model_name="calendaradjustment", old_name="reason", new_name="legal_basis"),
        migrations.AlterField(
            model_name="calendaradjustment",
            name="legal_basis",
            field=models.CharField(
                help_text="Văn bản quyết định, ví dụ: Công văn 12729/VPCP-KGVX ngày 25/12/2025.",
                max_length=300,
                verbose_name="căn cứ pháp lý",
            ),
        ),
        migrations.AddField(
            model_name="calendaradjustment",
            name="reason",
            field=models.CharField(
                blank=True,
                help_text="Ví dụ: Hoán đổi ngày làm việc dịp Tết Dương lịch 2026.",
                max_length=300,
                verbose_name="lý do",
            ),
        ),
        migrations.AddField(
            model_name="calendaradjustment",
            name="swap_for",
            field=models.OneToOneField(
                blank=True,
                help_text="Với ngày làm việc hoán đổi: ngày nghỉ mà ngày làm việc này bù lại.",
                limit_choices_to={"kind": "day_off"},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="made_up_by",
                to="cms.calendaradjustment",
                verbose_name="hoán đổi cho ngày nghỉ",
            ),
        ),
        migrations.AlterField(
            model_name="calendaradjustment",
            name="kind",
            field=models.CharField(
                choices=[("day_off", "Ngày nghỉ"), ("working_day", "Ngày làm việc")],
                max_length=16,
                verbose_name="loại",
            ),
        ),
    ]
