"""Uploaded images at ``MEDIA_URL`` when uploads are local files (``MEDIA_STORAGE=local``, `make run`'s default),
and the absolute address of an image for the API.

Nothing else serves ``/media/`` under gunicorn with DEBUG off: whitenoise only serves the collected static files,
which it indexes at start, and uploads arrive later. The view reads through the default storage (files under
``MEDIA_ROOT``; the suite's in-memory storage), so it answers for exactly what Wagtail wrote.

Only Wagtail's two image folders are served, the same two that the bucket's policy opens to anyone on object
storage (core/object_storage.py): documents are private files that Wagtail's serve view streams after the
portal's check (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), and must never be reachable by their file name.
Any other name, a missing file and any name that tries to leave the folders (``..``, ``.``, empty segments,
backslashes, NUL) are the same 404, so the answer tells nothing about what exists outside them.

Answers carry ``Cache-Control: public, max-age=86400`` (a day, as long as the pages that show the image are kept),
an ``ETag`` and ``Last-Modified`` from the file's size and time, and a matching ``If-None-Match`` or
``If-Modified-Since`` is answered 304 without opening the file. In production a shared cache or a web server in
front takes them (deploy/README.md, "Media files").
"""

import mimetypes
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponseBase
from django.urls import URLPattern, path
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

# Wagtail's folders for uploaded images (AbstractImage.get_upload_to) and their renditions
# (AbstractRendition.get_upload_to): the only files anyone may read by their address.
PUBLIC_FOLDERS = ("original_images/", "images/")
MAX_AGE = 24 * 3600


def public_name(path: str) -> str | None:
    """``path`` when it names a file inside one of the public folders, else None."""
    if "\\" in path or "\x00" in path or not path.startswith(PUBLIC_FOLDERS):
        return None
    if any(part in ("", ".", "..") for part in path.split("/")):
        return None
    return path


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """One image file of the default storage, with its validators and a day of caching."""
    name = public_name(path)
    if name is None:
        raise Http404("Không có tệp này.")
    try:
        size = default_storage.size(name)
        modified = default_storage.get_modified_time(name).timestamp()
    except (OSError, SuspiciousFileOperation):
        raise Http404("Không có tệp này.") from None
    etag = f'"{int(modified):x}-{size:x}"'
    response: HttpResponseBase | None = get_conditional_response(request, etag=etag, last_modified=int(modified))
    if response is None:
        response = file_response(name, size)
        response["Last-Modified"] = http_date(int(modified))
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def file_response(name: str, size: int) -> FileResponse:
    try:
        file = default_storage.open(name, "rb")
    except (OSError, SuspiciousFileOperation):  # a folder, or a file removed meanwhile
        raise Http404("Không có tệp này.") from None
    response = FileResponse(file, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
    response["Content-Length"] = str(size)
    return response


def absolute_url(url: str, root_url: str) -> str:
    """A file's URL as an API consumer can fetch it: the storage's own absolute URL (an object store's public
    address) as it is, a path behind the root URL of the site the answer is about (``http://hanoi.localhost``)."""
    if urlsplit(url).netloc:
        return url
    return root_url.rstrip("/") + url


def media_urls() -> list[URLPattern]:
    """The route of ``serve_media`` under ``MEDIA_URL`` for local files; none on object storage, whose image URLs
    are the bucket's (or its CDN's) own."""
    if settings.MEDIA_STORAGE != "local":
        return []
    return [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media")]
