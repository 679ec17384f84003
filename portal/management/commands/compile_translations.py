"""`manage.py compile_translations`: the .po of locale/ compiled to .mo with polib (portal/translations.py)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from portal.translations import compile_catalogues


class Command(BaseCommand):
    help = "Biên dịch các tệp bản dịch .po của cổng (thư mục locale/) thành .mo, không cần GNU gettext."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="biên dịch lại cả tệp .mo còn mới")

    def handle(self, *args: Any, **options: Any) -> None:
        written = compile_catalogues(force=options["force"])
        self.stdout.write(f"Đã biên dịch {len(written)} tệp bản dịch.")
