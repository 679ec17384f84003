"""`manage.py send_pending_emails`: retry e-mails to the public that could not be sent (run from cron)."""

from django.core.management.base import BaseCommand

from faq.outbox import retry_pending


class Command(BaseCommand):
    help = "Gửi lại các thư cho người dân chưa gửi được."

    def handle(self, *args, **options):
        sent, failing = retry_pending()
        self.stdout.write(f"Đã gửi {sent} thư; {failing} thư vẫn lỗi.")
