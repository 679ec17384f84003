"""`make run` runs `bootstrap_portal --demo` each time it starts: what it prints must fit on a screen (issue 17,
"Quiet start"), not one line per change and the demo's thirty e-mails."""

import importlib
import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_port_asked(settings):
    """As in a shell without PORTAL_PORT or PORT (`make test` exports PORT): the sites keep the suite's port 80."""
    settings.PORTAL_PORT = None


MAX_LINES = 8


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("bootstrap_portal", *args, stdout=out, stderr=err)
    return out.getvalue().splitlines(), err.getvalue().splitlines()


def test_the_demo_run_prints_a_short_summary_of_what_it_created():
    out, _warnings = run("--demo")

    assert len(out) <= MAX_LINES, out
    assert out[0].startswith("Đã áp dụng ")
    text = "\n".join(out)
    for expected in ("Trang: quốc gia http://localhost/ và 34 trang", "tin bài", "câu hỏi", "bhxh-demo-2026", "admin"):
        assert expected in text, expected
    assert "Hộp thư đi:" in text and "Subject:" not in text
    assert not any(line.startswith("  + ") for line in out)


def test_a_rerun_says_nothing_changed_and_verbosity_2_lists_every_change():
    out, _warnings = run()
    assert out[0] == "Không có thay đổi: cơ sở dữ liệu đã khớp với danh mục."
    assert len(out) <= MAX_LINES

    out, _warnings = run("--demo", "--verbosity", "2")
    assert sum(line.startswith("  + ") for line in out) > MAX_LINES


def test_make_run_writes_emails_to_files_not_to_the_console(monkeypatch):
    monkeypatch.delenv("EMAIL_BACKEND", raising=False)
    dev = importlib.import_module("portal.settings.dev")
    assert dev.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
    assert dev.EMAIL_FILE_PATH.endswith("var/mail")
