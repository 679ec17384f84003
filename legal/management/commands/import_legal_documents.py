"""``import_legal_documents <hostname> <file>…``: raw document text into that site's documents section."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from legal.importer import NoDocumentsSection, import_files


class Command(BaseCommand):
    help = "Nhập văn bản từ tệp văn bản thô vào chuyên mục “Văn bản – Thủ tục hành chính” của một trang."

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="tên miền của trang, ví dụ localhost hoặc hanoi.localhost")
        parser.add_argument("files", nargs="+", help="các tệp .txt cần nhập")

    def handle(self, hostname, files, **options):
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            raise CommandError(f"Không có trang nào với tên miền {hostname}.")
        try:
            result = import_files(site, files)
        except (NoDocumentsSection, OSError, UnicodeDecodeError) as error:
            raise CommandError(str(error)) from error
        for label, pages in [
            ("Tạo mới", result.created),
            ("Cập nhật", result.updated),
            ("Không đổi", result.unchanged),
        ]:
            for page in pages:
                self.stdout.write(f"{label}: {page.number or '(không số)'} – {page.title}")
        for name, warnings in result.warnings.items():
            for warning in warnings:
                self.stderr.write(self.style.WARNING(f"Cảnh báo {name}: {warning}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Xong: {len(result.created)} tạo mới, {len(result.updated)} cập nhật, "
                f"{len(result.unchanged)} không đổi, {sum(map(len, result.warnings.values()))} cảnh báo."
            )
        )
