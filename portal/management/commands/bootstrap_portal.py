"""`manage.py bootstrap_portal [--demo]`: create or update the national and provincial sites.

It says what it did in a few lines (``portal.summary``); ``--verbosity 2`` lists every change and job.
"""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.bootstrap import bootstrap
from portal.summary import summary


class Command(BaseCommand):
    help = "Tạo hoặc cập nhật trang quốc gia và các trang BHXH tỉnh theo danh mục (chạy lại không thay đổi gì)."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Thêm nội dung và tài khoản trình diễn.")
        parser.add_argument("--domain", help="Tên miền gốc (mặc định PORTAL_DOMAIN).")
        parser.add_argument(
            "--port",
            type=int,
            help="Cổng trong liên kết công khai (mặc định PORTAL_PORT hoặc PORT; không có: giữ cổng đang có).",
        )

    def handle(self, *args, demo=False, domain=None, port=None, **options):
        if demo and not settings.DEMO_ALLOWED:
            raise CommandError(
                "Không được nạp dữ liệu trình diễn (--demo) với cấu hình production: "
                "các tài khoản trình diễn có mật khẩu công khai."
            )
        jobs_log = logging.getLogger("vss.jobs")
        level = jobs_log.level
        if options["verbosity"] < 2:  # the demo's e-mails are sent by jobs, each logging a line
            jobs_log.setLevel(logging.WARNING)
        try:
            report = bootstrap(domain=domain, port=port)
            if demo:
                from portal.demo import load_demo

                load_demo(report)
        finally:
            jobs_log.setLevel(level)
        if options["verbosity"] >= 2:
            for line in report.changes:
                self.stdout.write(f"  + {line}")
        for line in report.warnings:
            self.stderr.write(self.style.WARNING(f"  ! {line}"))
        first, *rest = summary(report, demo)
        self.stdout.write(self.style.SUCCESS(first))
        for line in rest:
            self.stdout.write(line)
