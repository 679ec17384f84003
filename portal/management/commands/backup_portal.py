"""`manage.py backup_portal DIR`: the database and every media file into a new directory (portal/backup.py)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp phương tiện của cổng vào một thư mục mới."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", type=Path, help="thư mục sẽ chứa bản sao lưu (mới hoặc rỗng)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = backup(options["target"], report=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Đã sao lưu {summary.database} và {summary.files} tệp ({summary.bytes} byte).")
