"""The object store (S3 API: MinIO, a cloud bucket) that holds uploads when ``MEDIA_STORAGE=s3``, so every node
reads what any node received.

The bucket is private and the storage keeps it so: objects are written without an ACL (the bucket's default,
private), and the URL it builds for a file is signed and lapses after ``querystring_expire`` seconds. Nobody is
handed such a URL for a document: Wagtail's serve view streams every download after the portal's check
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"``, multisite_config/documents.py), and an object store has no local
path, so that view reads the file with the node's keys instead of redirecting.

Images are public content, shown by public pages that the response cache and Varnish keep for a day: a signed
URL would lapse in a kept page. So files under Wagtail's image folders (uploads and renditions) get a plain,
stable URL under ``public_domain`` (a CDN or the store's public address of the bucket) or, without one, the
bucket's address on the endpoint; the bucket's policy lets anyone read those two folders and nothing else
(README, "Media on object storage"). Every other folder (documents, Wagtail's temporary uploads) stays private
by default, so a new kind of upload is never public by accident.
"""

from typing import Any

from storages.backends.s3 import S3Storage

# The only objects the bucket's policy lets anyone read: the same folders /media/ serves from local files.
from .media import PUBLIC_FOLDERS


class ObjectStorage(S3Storage):
    """Private objects with signed, short-lived URLs; image files with public, stable ones."""

    def __init__(self, *, public_domain: str | None = None, **options: Any) -> None:
        # No custom domain, no ACL and signed URLs for the private part whatever the options say: a document's URL
        # must never be one that a CDN or a public-read ACL would answer.
        private = {**options, "custom_domain": None, "default_acl": None, "querystring_auth": True}
        super().__init__(**private)
        self.public = S3Storage(**{**private, "custom_domain": public_domain, "querystring_auth": False})

    def url(
        self,
        name: str,
        parameters: dict[str, str] | None = None,
        expire: int | None = None,
        http_method: str | None = None,
    ) -> str:
        if name.startswith(PUBLIC_FOLDERS) and not parameters and http_method in (None, "GET"):
            return self.public.url(name)
        return super().url(name, parameters, expire, http_method)
