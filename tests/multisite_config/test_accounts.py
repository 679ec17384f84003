"""Staff accounts: lockout after repeated failures, two-factor sign-in, idle sessions, no demo passwords."""

import io
from base64 import b32encode

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from multisite_config.accounts import LOCKED_OUT, LOGIN_FAILED
from multisite_config.two_factor import ENROLLED, REMOVED

PASSWORD = "mat-khau-Dai-2026"


@pytest.fixture
def board(hanoi_board):
    hanoi_board.set_password(PASSWORD)
    hanoi_board.save()
    return hanoi_board


def sign_in(client, username, password, address="198.51.100.20"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def actions_of(user):
    return list(ModelLogEntry.objects.filter(object_id=str(user.pk)).values_list("action", flat=True))


def test_after_the_limit_even_the_right_password_is_refused_until_unlocked(client, board, settings):
    settings.AXES_FAILURE_LIMIT = 10
    for _ in range(9):
        assert sign_in(client, board.username, "sai").status_code == 200  # the form again, with an error
    assert sign_in(client, board.username, "sai").status_code == 429  # the tenth failure locks
    locked = sign_in(client, board.username, PASSWORD)
    assert locked.status_code == 429 and "tạm thời bị khóa" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # per account: from another address too
    assert sign_in(Client(), board.username, PASSWORD, address="203.0.113.9").status_code == 429
    assert actions_of(board).count(LOGIN_FAILED) >= 10 and LOCKED_OUT in actions_of(board)

    superuser = get_user_model().objects.create_superuser("quantri", "q@example.vn", PASSWORD)
    admin = Client()
    admin.force_login(superuser)
    attempt = AccessAttempt.objects.filter(username=board.username).first()
    listing = admin.get("/admin/khoa-dang-nhap/").content.decode()
    assert board.username in listing
    admin.post("/admin/khoa-dang-nhap/", {"attempt": attempt.pk})
    assert sign_in(Client(), board.username, PASSWORD).status_code == 302


def test_an_address_that_keeps_failing_is_locked_for_every_account(client, board, hanoi_editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for name in ("a", "b", "c"):
        sign_in(client, name, "sai", address="192.0.2.50")
    assert sign_in(Client(), board.username, PASSWORD, address="192.0.2.50").status_code == 429
    assert sign_in(Client(), board.username, PASSWORD, address="192.0.2.51").status_code == 302


def test_lockouts_page_is_for_the_centre_and_superusers_only(client, board):
    client.force_login(board)
    assert client.get("/admin/khoa-dang-nhap/").status_code in (302, 403)


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_with_2fa_required_staff_reach_nothing_before_enrolling_and_verifying(board, settings):
    settings.REQUIRE_2FA = True
    client = Client()
    assert sign_in(client, board.username, PASSWORD).status_code == 302
    first = client.get("/admin/pages/")
    assert first.status_code == 302 and first["Location"].startswith("/admin/xac-thuc-hai-lop/dang-ky/")
    enrol = client.get("/admin/xac-thuc-hai-lop/dang-ky/")
    assert enrol.status_code == 200 and "<svg" in enrol.content.decode()
    device = TOTPDevice.objects.get(user=board, confirmed=False)
    assert b32encode(device.bin_key).decode() in enrol.content.decode()  # the key, for typing it by hand
    refused = client.post("/admin/xac-thuc-hai-lop/dang-ky/", {"code": code_for(device), "password": "sai"})
    assert refused.status_code == 400 and not TOTPDevice.objects.filter(user=board, confirmed=True).exists()
    enrolled = client.post("/admin/xac-thuc-hai-lop/dang-ky/", {"code": code_for(device), "password": PASSWORD})
    assert enrolled.status_code == 302, enrolled.content.decode()[-3000:]
    assert client.get("/admin/").status_code == 200
    assert ENROLLED in actions_of(board)

    codes_page = client.post("/admin/xac-thuc-hai-lop/thiet-bi/", {"recovery": "1"})
    codes = [
        line.split("<code>")[1].split("</code>")[0]
        for line in codes_page.content.decode().split("<li>")
        if "<code>" in line
    ]
    assert len(codes) == 10

    later = Client()  # a new sign-in: the password alone is not enough any more
    sign_in(later, board.username, PASSWORD)
    assert later.get("/admin/")["Location"].startswith("/admin/xac-thuc-hai-lop/?")
    assert later.post("/admin/xac-thuc-hai-lop/", {"code": codes[0]}).status_code == 302
    assert later.get("/admin/").status_code == 200
    again = Client()
    sign_in(again, board.username, PASSWORD)
    assert again.post("/admin/xac-thuc-hai-lop/", {"code": codes[0]}).status_code == 400  # used up

    device.refresh_from_db()
    client.post("/admin/xac-thuc-hai-lop/thiet-bi/", {"remove": device.pk, "password": PASSWORD})
    assert not TOTPDevice.objects.filter(pk=device.pk).exists() and REMOVED in actions_of(board)


def test_without_2fa_required_the_demo_signs_in_with_a_password(board, settings):
    settings.REQUIRE_2FA = False
    client = Client()
    sign_in(client, board.username, PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_admin_sessions_lapse_after_thirty_idle_minutes(client, board, settings):
    assert settings.ADMIN_IDLE_TIMEOUT == 1800
    sign_in(client, board.username, PASSWORD)
    client.get("/admin/")
    assert client.session.get_expiry_age() == 1800


def test_changing_the_password_ends_the_other_sessions(board):
    elsewhere = Client()
    sign_in(elsewhere, board.username, PASSWORD)
    assert elsewhere.get("/admin/").status_code == 200
    board.set_password("mot-mat-khau-Moi-2027")
    board.save()
    assert elsewhere.get("/admin/")["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("password", ["admin", "12345678901234567", "hanoi.board-2026", "matkhau1234"])
def test_weak_passwords_are_refused(board, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=board)


def test_production_refuses_the_demo_and_its_passwords(board, settings):
    settings.DEMO_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("bootstrap_portal", "--demo")
    board.set_password("bhxh-demo-2026")
    board.save()
    assert sign_in(Client(), board.username, "bhxh-demo-2026").status_code == 200  # refused: the form again
    settings.DEMO_ALLOWED = True
    assert sign_in(Client(), board.username, "bhxh-demo-2026").status_code == 302


def test_an_operator_can_reset_a_lost_second_factor(board):
    device = TOTPDevice.objects.create(user=board, name="Điện thoại", confirmed=True)
    call_command("reset_2fa", board.username, stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(pk=device.pk).exists() and REMOVED in actions_of(board)
    with pytest.raises(CommandError):
        call_command("reset_2fa", "khong-co-ai")
