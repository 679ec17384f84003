"""A pause extends only the step it happened in: the single ``paused_days`` is split into the routing step's
and the answer's, the latter taken from the log (a resume while the question was with a unit, its note
"N ngày làm việc"). ``reported_back_at`` records the same-day report back of seed 002 art. 11.1.a; questions
received before it keep their deadline until their next step."""

import re

from django.db import migrations, models

DAYS = re.compile(r"^\s*(\d+)")


def split_pauses(apps, schema_editor):
    Question = apps.get_model("faq", "Question")
    QuestionEvent = apps.get_model("faq", "QuestionEvent")
    for question in Question.objects.filter(routing_paused_days__gt=0):
        notes = QuestionEvent.objects.filter(question=question, action="resume", to_status="assigned")
        answering = sum(int(match.group(1)) for note in notes.values_list("note", flat=True) if (match := DAYS.match(note)))
        answering = min(answering, question.routing_paused_days)
        if answering:
            question.answer_paused_days = answering
            question.routing_paused_days -= answering
            question.save(update_fields=["answer_paused_days", "routing_paused_days"])


def join_pauses(apps, schema_editor):
    Question = apps.get_model("faq", "Question")
    for question in Question.objects.filter(answer_paused_days__gt=0):
        question.routing_paused_days += question.answer_paused_days
        question.save(update_fields=["routing_paused_days"])


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0004_email_retries_and_reminders"),
    ]

    operations = [
        migrations.RenameField(model_name="question", old_name="paused_days", new_name="routing_paused_days"),
        migrations.AlterField(
            model_name="question",
            name="routing_paused_days",
            field=models.PositiveSmallIntegerField(
                default=0, verbose_name="số ngày làm việc tạm dừng khi phân loại, chuyển xử lý"
            ),
        ),
        migrations.AddField(
            model_name="question",
            name="answer_paused_days",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="số ngày làm việc tạm dừng khi đơn vị trả lời"),
        ),
        migrations.AddField(
            model_name="question",
            name="reported_back_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Câu hỏi ngoài phạm vi hoặc không rõ nghĩa: thông báo ngay trong ngày (Quy chế 1582, Điều 11.1.a).",
                null=True,
                verbose_name="báo lại người hỏi lúc",
            ),
        ),
        migrations.RunPython(split_pauses, join_pauses),
    ]
