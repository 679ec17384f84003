"""`manage.py bootstrap_portal [--demo]`: create or update the national and provincial sites."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.bootstrap import bootstrap


class Command(BaseCommand):
    help = "Tạo hoặc cập nhật trang quốc gia và các trang BHXH tỉnh theo danh mục (chạy lại không thay đổi gì)."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Thêm nội dung và tài khoản trình diễn.")
        parser.add_argument("--domain", help="Tên miền gốc (mặc định PORTAL_DOMAIN).")
        parser.add_argument("--port", type=int, help="Cổng trong liên kết công khai (mặc định PORTAL_PORT).")

    def handle(self, *args, demo=False, domain=None, port=None, **options):
        if demo and not settings.DEMO_ALLOWED:
            raise CommandError(
                "Không được nạp dữ liệu trình diễn (--demo) với cấu hình production: "
                "các tài khoản trình diễn có mật khẩu công khai."
            )
        report = bootstrap(domain=domain, port=port)
        if demo:
            from portal.demo import load_demo

            load_demo(report)
        for line in report.changes:
            self.stdout.write(f"  + {line}")
        for line in report.warnings:
            self.stderr.write(self.style.WARNING(f"  ! {line}"))
        if report.changes:
            self.stdout.write(self.style.SUCCESS(f"Đã áp dụng {len(report.changes)} thay đổi."))
        else:
            self.stdout.write(self.style.SUCCESS("Không có thay đổi: cơ sở dữ liệu đã khớp với danh mục."))
