"""`manage.py reset_2fa <tên đăng nhập>`: remove an account's second factors (a lost phone and lost codes).

The account must enrol again at its next sign-in when REQUIRE_2FA is on. The removal is written to the
audit log, as when the owner removes a device.
"""

from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from multisite_config.accounts import account_named
from multisite_config.two_factor import REMOVED


class Command(BaseCommand):
    help = "Gỡ toàn bộ thiết bị xác thực hai lớp và mã khôi phục của một tài khoản (khi mất điện thoại)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="Tên đăng nhập.")

    def handle(self, *args, username, **options):
        user = account_named(username)
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”.")
        devices = list(TOTPDevice.objects.filter(user=user))
        for device in devices:
            device.delete()
            log(instance=user, action=REMOVED, data={"device": device.name, "by": "reset_2fa"})
        StaticDevice.objects.filter(user=user).delete()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã gỡ {len(devices)} thiết bị và các mã khôi phục của “{username}”; "
                "tài khoản sẽ phải đăng ký lại khi đăng nhập."
            )
        )
