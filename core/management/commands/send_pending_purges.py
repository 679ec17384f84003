"""Sends again the purges a shared cache did not accept (``core/response_cache/purgers.py``)."""

from typing import Any

from django.core.management.base import BaseCommand

from core.response_cache.purgers import retry_pending


class Command(BaseCommand):
    help = "Gửi lại các lệnh xoá bộ nhớ đệm dùng chung chưa được chấp nhận."

    def handle(self, *args: Any, **options: Any) -> None:
        remaining = retry_pending()
        self.stdout.write(f"Còn {remaining} lệnh xoá chờ gửi lại.")
        if remaining:
            raise SystemExit(1)
