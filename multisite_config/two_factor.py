"""Two-factor sign-in for the admin on django-otp: TOTP with a QR code, recovery codes, an audit trail.

wagtail-2fa was the first choice (Wagtail's own package for this), but its 1.8.0 imports
``wagtail.users.widgets``, which Wagtail 8 removed; so the screens are built here on django-otp, which it
too is built on: TOTP devices (any authenticator app) and static devices (single-use recovery codes).

When ``REQUIRE_2FA`` is on, ``TwoFactorRequiredMiddleware`` lets a signed-in staff member reach nothing in
the admin but these screens until the session is verified: someone without a device is sent to enrol, the
others to enter a code (a TOTP code or one recovery code). Enrolling, removing a device and creating
recovery codes are written to Wagtail's audit log against the account.
"""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail import hooks
from wagtail.log_actions import log

from core.ids import as_id

ENROLLED = "vss.2fa_enrolled"
REMOVED = "vss.2fa_removed"
RECOVERY_CREATED = "vss.2fa_recovery_codes"
RECOVERY_DEVICE_NAME = "Mã khôi phục"
RECOVERY_CODE_COUNT = 10
# What an unverified staff member may still open: these screens, signing out, the admin's static assets.
OPEN_URL_NAMES = {
    "vss_2fa_verify",
    "vss_2fa_enrol",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


@hooks.register("register_log_actions")
def register_two_factor_actions(actions):
    actions.register_action(ENROLLED, _("Đăng ký xác thực hai lớp"), _("Đăng ký thiết bị xác thực hai lớp"))
    actions.register_action(REMOVED, _("Gỡ xác thực hai lớp"), _("Gỡ thiết bị xác thực hai lớp"))
    actions.register_action(RECOVERY_CREATED, _("Tạo mã khôi phục"), _("Tạo mã khôi phục xác thực hai lớp"))


def is_staff(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def is_signed_in_staff(user):
    """Staff whose session has passed every factor required: what staff-only content outside /admin/ asks."""
    verified = getattr(user, "is_verified", None)  # set by django-otp's middleware on each request
    return is_staff(user) and (not settings.REQUIRE_2FA or bool(verified and verified()))


class TwoFactorRequiredMiddleware:
    """With ``REQUIRE_2FA``, an admin session without a verified second factor reaches only the 2FA screens."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.REQUIRE_2FA or not request.path.startswith("/admin/"):
            return None
        user = request.user
        if not is_staff(user) or user.is_verified():
            return None
        if request.resolver_match.url_name in OPEN_URL_NAMES:
            return None
        target = "vss_2fa_verify" if user_has_device(user, confirmed=True) else "vss_2fa_enrol"
        return redirect(f"{reverse(target)}?{REDIRECT_FIELD_NAME}={request.get_full_path()}")


def account(request):
    """The signed-in account itself: Wagtail's audit log does not recognise the lazy ``request.user``."""
    return get_user_model()._default_manager.get(pk=request.user.pk)


def next_url(request):
    wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=16,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Mã 6 chữ số trên ứng dụng xác thực, hoặc một mã khôi phục."),
    )


class EnrolForm(CodeForm):
    password = forms.CharField(label=_("Mật khẩu hiện tại"), widget=forms.PasswordInput)


class VerifyView(View):
    """After the password: one TOTP code, or one recovery code (used up)."""

    template_name = "multisite_config/two_factor_verify.html"

    def get(self, request):
        return render(request, self.template_name, {"form": CodeForm(), "next": next_url(request)})

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid():
            device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
            if device is not None:
                otp_login(request, device)
                return redirect(next_url(request))
            form.add_error(
                "code",
                _("Mã không đúng hoặc đã được dùng. Sau mỗi lần nhập sai, hãy chờ vài giây rồi nhập mã mới nhất."),
            )
        return render(request, self.template_name, {"form": form, "next": next_url(request)}, status=400)


def qr_svg(device):
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return mark_safe(image.to_string(encoding="unicode"))  # our own generated markup, no user text


class EnrolView(View):
    """Add an authenticator: scan the QR code, then prove it with a code and the current password."""

    template_name = "multisite_config/two_factor_enrol.html"

    def device(self, request):
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(user=request.user, name=_("Ứng dụng xác thực"), confirmed=False)

    def context(self, request, form, device):
        return {
            "form": form,
            "qr": qr_svg(device),
            "secret": b32encode(device.bin_key).decode(),
            "next": next_url(request),
        }

    def get(self, request):
        return render(request, self.template_name, self.context(request, EnrolForm(), self.device(request)))

    def post(self, request):
        device = self.device(request)
        form = EnrolForm(request.POST)
        if form.is_valid():
            if not request.user.check_password(form.cleaned_data["password"]):
                form.add_error("password", _("Mật khẩu không đúng."))
            elif not device.verify_token(form.cleaned_data["code"].replace(" ", "")):
                form.add_error("code", _("Mã không đúng: kiểm tra giờ của điện thoại rồi nhập mã mới nhất."))
            else:
                device.confirmed = True
                device.save()
                log(instance=device.user, action=ENROLLED, user=device.user, data={"device": str(device.name)})
                otp_login(request, device)
                messages.success(request, _("Đã bật xác thực hai lớp. Hãy tạo mã khôi phục và cất giữ an toàn."))
                return redirect("vss_2fa_devices")
        return render(request, self.template_name, self.context(request, form, device), status=400)


def create_recovery_codes(user):
    """Ten new single-use codes for ``user``, replacing any earlier ones; returned once, in clear."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    log(instance=user, action=RECOVERY_CREATED, user=user)
    return codes


class DevicesView(View):
    """The account's second factors: its authenticators, how many recovery codes remain, removal, new codes."""

    template_name = "multisite_config/two_factor_devices.html"

    def render_page(self, request, codes=None, status=200):
        return render(
            request,
            self.template_name,
            {
                "devices": TOTPDevice.objects.filter(user=request.user, confirmed=True),
                "remaining": StaticToken.objects.filter(device__user=request.user).count(),
                "codes": codes,
                "required": settings.REQUIRE_2FA,
            },
            status=status,
        )

    def get(self, request):
        return self.render_page(request)

    def post(self, request):
        if "recovery" in request.POST:
            if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
                messages.error(request, _("Hãy đăng ký ứng dụng xác thực trước khi tạo mã khôi phục."))
                return self.render_page(request, status=400)
            return self.render_page(request, codes=create_recovery_codes(account(request)))
        device = TOTPDevice.objects.filter(
            user=request.user, confirmed=True, pk=as_id(request.POST.get("remove", ""))
        ).first()
        if device is None or not request.user.check_password(request.POST.get("password", "")):
            messages.error(request, _("Không gỡ được: chọn thiết bị và nhập đúng mật khẩu hiện tại."))
            return self.render_page(request, status=400)
        device.delete()
        log(instance=device.user, action=REMOVED, user=device.user, data={"device": device.name})
        messages.success(request, _("Đã gỡ thiết bị “%(name)s”.") % {"name": device.name})
        return redirect("vss_2fa_devices")


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("vss_2fa_devices"),
        "label": _("Xác thực hai lớp"),
        "help_text": _("Ứng dụng xác thực và mã khôi phục của tài khoản."),
    }
