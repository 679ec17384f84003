"""Backup and restore of the portal's two stores of record: the database and the media files.

A backup is a directory holding three files:

- ``database.pgdump`` (PostgreSQL, ``pg_dump --format=custom``) or ``database.sqlite3`` (SQLite, through its
  online backup API, which copies a consistent snapshot while the portal keeps serving);
- ``media.tar``: every file of the default storage (images, renditions, documents), read through Django's
  storage API, so the same command backs up a local ``MEDIA_ROOT`` and an S3 bucket (``MEDIA_STORAGE=s3``);
- ``manifest.json``: when and from what it was taken (engine, database name, the last migration of every
  app, file count) and a SHA-256 of the two other files.

A restore checks the checksums first and refuses a backup taken by another engine or one whose migrations
are newer than the code's (restore with the code that took it, then migrate). It replaces the whole database
(``pg_restore --clean``, or SQLite's backup API the other way), writes every archived file back to the
storage, and drops every stored answer of the response cache (tag ``all``), whose pages no longer match.
Files added after the backup stay in the storage: nothing refers to them once the database is restored.
Nodes should be stopped (or the load balancer drained) while a restore runs: deploy/README.md says how.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from core.response_cache.invalidation import purge_now

MANIFEST = "manifest.json"
MEDIA = "media.tar"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
FORMAT = 1


class BackupError(Exception):
    """A backup that cannot be taken or restored; the message says why, in Vietnamese, for the operator."""


@dataclass(frozen=True)
class Summary:
    database: str
    files: int
    bytes: int


def backup(target: Path, report: Callable[[str], None] = lambda line: None) -> Summary:
    """Write a backup of the database and the media into the new directory ``target``."""
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"Thư mục {target} đã có dữ liệu; hãy chọn một thư mục mới.")
    target.mkdir(parents=True, exist_ok=True)
    connection = connections[DEFAULT_DB_ALIAS]
    dump = target / _dump_name(connection.vendor)
    report(f"Sao lưu cơ sở dữ liệu ({connection.vendor}) vào {dump.name}…")
    if connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump)], connection.settings_dict)
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as copy:
            connection.connection.backup(copy)
        copy.close()
    report("Sao lưu tệp phương tiện…")
    files, size = archive_media(default_storage, target / MEDIA, report)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.localtime().isoformat(),
        "engine": connection.vendor,
        "database": str(connection.settings_dict["NAME"]),
        "migrations": _last_migrations(),
        "media_files": files,
        "media_bytes": size,
        "sha256": {name: _sha256(target / name) for name in (dump.name, MEDIA)},
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return Summary(database=dump.name, files=files, bytes=size)


def restore(source: Path, report: Callable[[str], None] = lambda line: None) -> Summary:
    """Replace the database and put back the media from the backup in ``source``."""
    _checked_manifest(source)
    connection = connections[DEFAULT_DB_ALIAS]
    dump = source / _dump_name(connection.vendor)
    report(f"Khôi phục cơ sở dữ liệu từ {dump.name}…")
    if connection.vendor == "postgresql":
        connection.close()  # pg_restore --clean drops tables this session could hold locks on
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname"],
            connection.settings_dict,
            str(dump),
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as copy:
            copy.backup(connection.connection)
        copy.close()
    report("Khôi phục tệp phương tiện…")
    files, size = unpack_media(default_storage, source / MEDIA, report)
    purge_now({"all"})
    return Summary(database=dump.name, files=files, bytes=size)


def _dump_name(vendor: str) -> str:
    try:
        return DUMPS[vendor]
    except KeyError:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {vendor}.") from None


def _run(command: list[str], database: dict, *arguments: str) -> None:
    """Run a PostgreSQL client tool against ``database`` (Django's settings), credentials in the environment."""
    if shutil.which(command[0]) is None:
        raise BackupError(f"Không tìm thấy {command[0]}: cài gói postgresql-client cùng phiên bản máy chủ.")
    env = {**os.environ, "PGHOST": database["HOST"] or "", "PGPORT": str(database["PORT"] or "")}
    env |= {"PGUSER": database["USER"] or "", "PGPASSWORD": database["PASSWORD"] or ""}
    done = subprocess.run([*command, database["NAME"], *arguments], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} thất bại: {done.stderr.strip()[-2000:]}")


def _last_migrations() -> dict[str, str]:
    last: dict[str, str] = {}
    for app, name in MigrationRecorder.Migration.objects.order_by("app", "name").values_list("app", "name"):
        last[app] = name
    return last


def _checked_manifest(source: Path) -> dict:
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"Không đọc được {source / MANIFEST}: {error}") from None
    vendor = connections[DEFAULT_DB_ALIAS].vendor
    if manifest.get("format") != FORMAT or manifest.get("engine") != vendor:
        raise BackupError(f"Bản sao lưu của {manifest.get('engine')} không khôi phục được vào {vendor}.")
    for name, digest in manifest["sha256"].items():
        if not (source / name).is_file() or _sha256(source / name) != digest:
            raise BackupError(f"Tệp {name} của bản sao lưu bị thiếu hoặc đã bị thay đổi (sai SHA-256).")
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    newer = sorted(f"{app}.{name}" for app, name in manifest["migrations"].items() if (app, name) not in on_disk)
    if newer:
        raise BackupError(f"Bản sao lưu có migration mà mã nguồn này chưa có: {', '.join(newer)}.")
    return manifest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name of ``storage`` under ``folder`` (Django's storage API has no recursive listing)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local MEDIA_ROOT that was never written to
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from _walk(storage, f"{folder}/{name}" if folder else name)


def archive_media(storage: Storage, archive: Path, report: Callable[[str], None] = print) -> tuple[int, int]:
    """Every file of ``storage`` into the tar file ``archive``; (files, bytes)."""
    files = size = 0
    with tarfile.open(archive, "w") as tar:
        for name in _walk(storage):
            with storage.open(name, "rb") as handle:
                content = handle.read()
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
            files, size = files + 1, size + len(content)
            if files % 500 == 0:
                report(f"  {files} tệp…")
    return files, size


def unpack_media(storage: Storage, archive: Path, report: Callable[[str], None] = print) -> tuple[int, int]:
    """Every plain file of the tar file ``archive`` written back to ``storage`` under its name; (files, bytes).

    Written through the storage, so on object storage each object gets the storage's own (private) settings.
    """
    files = size = 0
    with tarfile.open(archive, "r") as tar:
        for member in tar:
            if not member.isfile() or member.name.startswith("/") or ".." in Path(member.name).parts:
                continue  # only plain files under the storage's root
            handle = tar.extractfile(member)
            assert handle is not None
            content = handle.read()
            if storage.exists(member.name):
                storage.delete(member.name)
            storage.save(member.name, ContentFile(content))
            files, size = files + 1, size + len(content)
            if files % 500 == 0:
                report(f"  {files} tệp…")
    return files, size
