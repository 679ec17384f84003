"""The admin's Vietnamese catalogue (locale/vi): compiled and in effect, on the glossary, nothing run together."""

import re
from pathlib import Path

import polib
import pytest
from django.utils.translation import gettext, override

from portal.translations import catalogues, compile_catalogues, stale

DJANGO_PO = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES" / "django.po"
# (msgid, the glossary's term: locale/GLOSSARY.md)
TERMS = [
    ("Pages", "Trang"),
    ("Sites", "Trang thông tin"),
    ("Snippets", "Mục dữ liệu"),
    ("Workflows", "Quy trình duyệt"),
    ("Save draft", "Lưu nháp"),
    ("Collection", "Thư mục"),
    ("Unpublish", "Ngừng xuất bản"),
    ("Settings", "Cài đặt"),
    ("Approve", "Phê chuẩn"),
]
# Words the glossary rules out, in any msgstr.
OFF_GLOSSARY = ["luồng công việc", "thu hồi xuất bản", "bộ sưu tập", "phê duyệt", "tùy chỉnh", "yêu cầu xem xét"]


def entries():
    return [entry for po in catalogues() for entry in polib.pofile(str(po)) if entry.translated()]


def msgstrs(entry):
    return [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())


def test_compiled_catalogue_is_current_and_in_effect():
    compile_catalogues()
    assert not [po for po in catalogues() if stale(po)]
    with override("vi"):
        assert gettext("Sign in to Wagtail") == "Đăng nhập trang quản trị"
        assert gettext("Snippets") == "Mục dữ liệu"


@pytest.mark.parametrize(("msgid", "term"), TERMS)
def test_key_words_use_the_glossary(msgid, term):
    with override("vi"):
        assert gettext(msgid) == term


def test_the_reviewers_action_reads_approve_and_publish():
    with override("vi"):
        assert gettext("%(label)s and Publish") % {"label": gettext("Approve")} == "Phê chuẩn và xuất bản"


def test_pages_and_sites_have_distinct_names():
    with override("vi"):
        assert gettext("Pages") != gettext("Sites") and gettext("Page") != gettext("Site")


def test_no_msgstr_uses_a_word_the_glossary_rules_out():
    found = [
        (entry.msgid, text)
        for entry in entries()
        for text in msgstrs(entry)
        for word in OFF_GLOSSARY
        if word in text.lower()
    ]
    assert not found


def test_nothing_runs_together_and_placeholders_are_kept():
    """ "Nhập Tên đăng nhậpcủa bạn", "Phê chuẩnvà Xuất bản": a placeholder glued to the next word, in Wagtail's vi."""
    placeholder = re.compile(r"%\(\w+\)[sd]")
    for entry in entries():
        wanted = set(placeholder.findall(entry.msgid + (entry.msgid_plural or "")))
        for text in msgstrs(entry):
            assert not re.search(r"%\(\w+\)s[^\W\d_]", text), text
            assert set(placeholder.findall(text)) <= wanted, (entry.msgid, text)


def test_the_catalogue_covers_the_admin():
    assert len(polib.pofile(str(DJANGO_PO)).translated_entries()) > 500
