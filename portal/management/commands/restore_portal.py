"""`manage.py restore_portal DIR --yes`: replace the database and put back the media of a backup (portal/backup.py).

It overwrites the whole database, so it asks for ``--yes``; stop the nodes first (deploy/README.md).
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = "Khôi phục cơ sở dữ liệu và tệp phương tiện từ một bản sao lưu (ghi đè toàn bộ dữ liệu hiện có)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=Path, help="thư mục bản sao lưu do backup_portal tạo")
        parser.add_argument("--yes", action="store_true", help="xác nhận ghi đè toàn bộ cơ sở dữ liệu hiện có")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            raise CommandError("Khôi phục sẽ ghi đè toàn bộ cơ sở dữ liệu; chạy lại với --yes để xác nhận.")
        try:
            summary = restore(options["source"], report=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Đã khôi phục {summary.database} và {summary.files} tệp ({summary.bytes} byte).")
