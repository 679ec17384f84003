"""`manage.py run_jobs`: every job of the beat schedule, once, in this process (cron, or by hand).

Without a broker (`make run`) nothing runs the schedule: a crontab line `* * * * * manage.py run_jobs` does what
Celery beat does on a cluster. Each job runs as the worker would run it (``Task.apply``), so its log record is the
same; one that fails is reported and the others still run.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.celery import app


class Command(BaseCommand):
    help = "Chạy một lần mọi công việc định kỳ (gửi thư, nhắc hạn, xuất bản theo lịch, xoá bộ nhớ đệm)."

    def handle(self, *args, **options):
        app.loader.import_default_modules()  # every app's tasks.py, as a worker loads them when it starts
        failed = []
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
            result = app.tasks[entry["task"]].apply(args=entry.get("args", ()), kwargs=entry.get("kwargs", {}))
            if result.failed():
                failed.append(name)
                self.stderr.write(f"{name}: lỗi {result.result!r}")
            else:
                self.stdout.write(f"{name}: xong ({result.result!r})")
        if failed:
            raise CommandError(f"{len(failed)} công việc lỗi: {', '.join(failed)}")
