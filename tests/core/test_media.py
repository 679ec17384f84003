"""/media/: the two image folders of the default storage served with caching headers; nothing else, ever."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from core import media

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def stored(db):
    """stored(name, content=PNG): a file saved in the default storage under that name; returns its URL."""

    def store(name, content=PNG):
        saved = default_storage.save(name, ContentFile(content))
        return default_storage.url(saved)

    return store


def test_an_image_is_served_with_its_type_length_and_caching_headers(client, stored):
    response = client.get(stored("original_images/hoi-nghi.png"))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["Content-Length"] == str(len(PNG))
    assert "public" in response["Cache-Control"] and f"max-age={media.MAX_AGE}" in response["Cache-Control"]
    assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")


def test_a_rendition_is_served_on_any_site_and_by_head(client, stored):
    url = stored("images/hoi-nghi.fill-240x160.png")

    assert client.get(url, HTTP_HOST="hanoi.localhost").status_code == 200
    head = client.head(url)
    assert head.status_code == 200 and head["Content-Type"] == "image/png"


def test_a_matching_validator_is_answered_304_without_the_file(client, stored):
    url = stored("original_images/anh.png")
    first = client.get(url)

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    changed = client.get(url, HTTP_IF_NONE_MATCH='"khac"')

    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.content == b"" and by_etag["ETag"] == first["ETag"]
    assert "max-age" in by_etag["Cache-Control"]
    assert changed.status_code == 200


def test_a_missing_file_is_a_404(client, db):
    assert client.get("/media/original_images/khong-co.png").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/original_images/../documents/bao-cao.pdf",
        "/media/original_images/%2e%2e/documents/bao-cao.pdf",
        "/media/images/./../documents/bao-cao.pdf",
        "/media/original_images//bao-cao.pdf",
        "/media/original_images/..%5Cdocuments%5Cbao-cao.pdf",
        "/media/original_images/anh.png%00.pdf",
        "/media/../portal.sqlite3",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media//etc/passwd",
    ],
)
def test_a_name_leaving_the_image_folders_is_a_404(client, stored, path):
    stored("documents/bao-cao.pdf", b"%PDF-1.4 rieng tu")

    assert client.get(path).status_code == 404


def test_documents_and_other_folders_are_never_served_by_their_file_name(client, stored):
    """Documents are private: Wagtail's serve view streams them after the portal's check (multisite_config)."""
    assert client.get(stored("documents/bao-cao.pdf", b"%PDF-1.4")).status_code == 404
    assert client.get(stored("original_images_backup/anh.png")).status_code == 404
    assert client.get("/media/original_images/").status_code == 404


def test_only_reads_are_answered(client, stored):
    url = stored("original_images/anh.png")

    assert client.post(url).status_code == 405


@pytest.mark.parametrize(
    ("path", "served"),
    [
        ("original_images/anh.png", True),
        ("images/anh.width-960.png", True),
        ("original_images/thu-muc/anh.png", True),
        ("documents/a.pdf", False),
        ("original_images", False),
        ("original_images/../a.png", False),
        ("original_images/a\\..\\b.png", False),
    ],
)
def test_public_name(path, served):
    assert (media.public_name(path) == path) is served


def test_local_files_get_the_route_and_object_storage_none(settings):
    """On object storage, image URLs are the bucket's own (core/object_storage.py)."""
    assert reverse("media", args=["images/a.png"]) == "/media/images/a.png"
    settings.MEDIA_STORAGE = "s3"
    assert media.media_urls() == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/media/original_images/a.png", "http://hanoi.localhost/media/original_images/a.png"),
        ("https://cdn.example.vn/vss-media/images/a.png", "https://cdn.example.vn/vss-media/images/a.png"),
    ],
)
def test_absolute_url_keeps_a_storage_address_and_prefixes_a_path(url, expected):
    assert media.absolute_url(url, "http://hanoi.localhost") == expected


def test_files_under_media_root_are_served_as_make_run_stores_them(client, db, settings, tmp_path):
    """The local default (FileSystemStorage under MEDIA_ROOT): a folder or a file beside the root is a 404 too."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    (tmp_path / "media" / "original_images" / "thu-muc").mkdir(parents=True)
    (tmp_path / "media" / "original_images" / "anh.png").write_bytes(PNG)
    (tmp_path / "bi-mat.txt").write_text("bí mật")

    served = client.get("/media/original_images/anh.png")

    assert served.status_code == 200 and b"".join(served.streaming_content) == PNG
    assert client.get("/media/original_images/thu-muc").status_code == 404
    assert client.get("/media/original_images/../../bi-mat.txt").status_code == 404
    assert client.get("/media/original_images/%2e%2e/%2e%2e/bi-mat.txt").status_code == 404
