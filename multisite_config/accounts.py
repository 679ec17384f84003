"""Staff accounts on a portal that publishes for the State: lockout, idle sessions, no demo passwords in production.

- Lockout is django-axes (``AXES_*`` settings): failures counted per account and per client address in the
  database, so every worker and node shares them; past ``AXES_FAILURE_LIMIT`` the account, and the address,
  are refused for ``AXES_COOLOFF_TIME`` even with the right password. Each failure and each lockout is also
  written to Wagtail's audit log against the account, where the board and the centre look for them.
- An admin session ends after ``ADMIN_IDLE_TIMEOUT`` seconds without a request (``IdleAdminSessionMiddleware``);
  changing a password ends the account's other sessions (Django's session hash; Wagtail keeps the current one).
- The demo's accounts have published passwords: outside ``DEMO_ALLOWED`` (production) the sign-in backend
  refuses them before any other backend is asked, whatever the database holds (``StaffSignInBackend``).
"""

from axes.backends import AxesBackend
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import log

from core.proxies import client_address

LOGIN_FAILED = "vss.login_failed"
LOCKED_OUT = "vss.locked_out"
UNLOCKED = "vss.unlocked"
# The passwords `bootstrap_portal --demo` gives its accounts, published in README.
DEMO_PASSWORDS = frozenset({"admin", "bhxh-demo-2026"})


@hooks.register("register_log_actions")
def register_account_actions(actions):
    actions.register_action(LOGIN_FAILED, _("Đăng nhập sai mật khẩu"), _("Đăng nhập sai mật khẩu"))
    actions.register_action(UNLOCKED, _("Mở khóa đăng nhập"), _("Mở khóa đăng nhập"))
    actions.register_action(
        LOCKED_OUT, _("Tài khoản bị tạm khóa"), _("Tài khoản bị tạm khóa do đăng nhập sai nhiều lần")
    )


def account_named(username):
    """The account with this user name, or None (sign-in attempts may name accounts that do not exist)."""
    if not username:
        return None
    return get_user_model()._default_manager.filter(**{get_user_model().USERNAME_FIELD: username}).first()


@receiver(user_login_failed)
def log_failure(sender, credentials, request=None, **kwargs):
    account = account_named((credentials or {}).get("username"))
    if account is not None:
        log(
            instance=account,
            action=LOGIN_FAILED,
            user=None,
            data={"address": client_address(request) if request is not None else ""},
        )


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    account = account_named(username)
    if account is not None:
        log(instance=account, action=LOCKED_OUT, user=None, data={"address": ip_address})


class StaffSignInBackend(AxesBackend):
    """First authentication backend: django-axes' lockout check, and a demo password never signs anyone in
    where the demo is not allowed. It authenticates nobody itself (the model backend after it does), but being
    a model backend it serves the signed-in user and their permissions."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if password in DEMO_PASSWORDS and not settings.DEMO_ALLOWED:
            raise PermissionDenied  # stops authenticate(): no later backend is asked
        return super().authenticate(request, username=username, password=password, **kwargs)


class IdleAdminSessionMiddleware:
    """Signed-in staff get a session that lapses ``ADMIN_IDLE_TIMEOUT`` seconds after their last request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.path.startswith("/admin/"):
            request.session.set_expiry(settings.ADMIN_IDLE_TIMEOUT)
        return self.get_response(request)
