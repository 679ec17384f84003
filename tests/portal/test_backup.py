"""`manage.py backup_portal` and `restore_portal`, run as an operator would, on a copy of the suite's database.

Each command runs in its own process of the portal (as on a server), against a copy of the bootstrapped test
database (``tests/support/database_copies.py``) and a media folder of its own: on SQLite the copy is a file,
on PostgreSQL a cloned database, so both pg_dump/pg_restore and SQLite's backup API are exercised.
"""

import json
import os

import pytest

from bench import submissions
from tests.support.database_copies import database_copy
from tests.support.processes import manage

IMAGE = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
DOCUMENT = "%PDF-1.4 Quyết định 1234/QĐ-BHXH".encode()


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker, tmp_path_factory):
    """``run(*arguments)`` and ``shell(code)`` run manage.py against a copy of the database and its own media.

    Module-scoped, like every fixture that copies the database (a PostgreSQL copy closes the suite's
    connection, which a test's transaction must not see): the tests leave the copy as they found it.
    """
    tmp_path = tmp_path_factory.mktemp("backup")
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "documents").mkdir()
    (media / "original_images" / "tru-so.png").write_bytes(IMAGE)
    (media / "documents" / "quyet-dinh.pdf").write_bytes(DOCUMENT)
    with django_db_blocker.unblock(), database_copy(tmp_path, "backup") as url:
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": submissions.SETTINGS,
            "MEDIA_ROOT": str(media),
            "RESPONSE_CACHE_DIR": str(tmp_path / "responses"),
        }
        env.pop("REDIS_URL", None)

        def run(*arguments):
            return manage(env, *arguments)

        def shell(code):
            done = run("shell", "-c", code)
            assert done.returncode == 0, done.stderr
            return done.stdout.strip().splitlines()[-1]

        yield run, shell, media


COUNT = "from wagtail.models import Page, Site; "
COUNT += "print(Site.objects.count(), Page.objects.filter(title='Trang đã đổi tên').count())"
DAMAGE = (
    "from wagtail.models import Page, Site; Site.objects.filter(is_default_site=False).first().delete(); "
    "Page.objects.filter(depth=2).update(title='Trang đã đổi tên')"
)


@pytest.mark.django_db
def test_a_restore_brings_back_the_database_and_the_media_as_they_were_at_the_backup(portal, tmp_path):
    run, shell, media = portal
    before = shell(COUNT)
    assert before == "35 0"  # the national site and 34 provinces, no page renamed

    done = run("backup_portal", str(tmp_path / "backup"))
    assert done.returncode == 0, done.stderr
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["media_files"] == 2 and manifest["created_at"].endswith("+07:00")
    assert manifest["migrations"]["faq"]

    shell(DAMAGE)
    (media / "original_images" / "tru-so.png").unlink()
    (media / "documents" / "quyet-dinh.pdf").write_bytes(b"overwritten")
    assert shell(COUNT) != before

    done = run("restore_portal", str(tmp_path / "backup"), "--yes")
    assert done.returncode == 0, done.stderr
    assert shell(COUNT) == before
    assert (media / "original_images" / "tru-so.png").read_bytes() == IMAGE
    assert (media / "documents" / "quyet-dinh.pdf").read_bytes() == DOCUMENT


@pytest.mark.django_db
def test_a_restore_needs_yes_and_refuses_a_damaged_backup_without_touching_anything(portal, tmp_path):
    run, shell, media = portal
    assert run("backup_portal", str(tmp_path / "backup")).returncode == 0
    shell(DAMAGE)
    damaged = shell(COUNT)

    unconfirmed = run("restore_portal", str(tmp_path / "backup"))
    assert unconfirmed.returncode != 0 and "--yes" in unconfirmed.stderr

    dump = next(path for path in (tmp_path / "backup").iterdir() if path.name.startswith("database."))
    original = dump.read_bytes()
    dump.write_bytes(original[:-10] + b"0123456789")
    refused = run("restore_portal", str(tmp_path / "backup"), "--yes")
    assert refused.returncode != 0 and "SHA-256" in refused.stderr
    assert shell(COUNT) == damaged

    dump.write_bytes(original)
    assert run("restore_portal", str(tmp_path / "backup"), "--yes").returncode == 0


@pytest.mark.django_db
def test_a_backup_never_writes_into_a_folder_that_holds_something(portal, tmp_path):
    run, _, _ = portal
    target = tmp_path / "occupied"
    target.mkdir()
    (target / "keep.txt").write_text("giữ nguyên")
    done = run("backup_portal", str(target))
    assert done.returncode != 0 and "thư mục mới" in done.stderr
    assert sorted(path.name for path in target.iterdir()) == ["keep.txt"]
