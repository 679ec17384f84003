"""Media on an S3-compatible object store (core/object_storage.py, ``MEDIA_STORAGE=s3``): images and their
renditions are in the bucket and public pages show them from there; a document is streamed by the portal after
its check and never readable from the store without the nodes' keys; and an image one node received is served
by another node, a separate process, from the store.

The store is moto's S3 server on loopback, with the bucket set up as README ("Media on object storage") says:
private, with a policy that lets anyone read Wagtail's image folders only.
"""

import hashlib
import io
import json
import os
import re
import time
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from bench import submissions
from core.object_storage import PUBLIC_FOLDERS
from deploy import cluster
from legal.models import LegalDocumentAttachment
from multisite_config.models import SiteRole
from portal.backup import archive_media, unpack_media
from tests.home.factories import NewsPageFactory
from tests.legal.factories import LegalDocumentFactory
from tests.support.database_copies import database_copy
from tests.support.processes import manage
from tests.support.sites import HANOI

moto_server = pytest.importorskip(
    "moto.server", reason="moto[server] is not installed: pip install -r requirements.txt"
)
boto3 = pytest.importorskip("boto3", reason="boto3 is not installed: pip install -r requirements.txt")

BUCKET = "vss-media"
KEYS = {"AWS_ACCESS_KEY_ID": "portal-node", "AWS_SECRET_ACCESS_KEY": "portal-node-secret"}
REGION = "us-east-1"


def public_read_policy(bucket):
    """Anyone may read the image folders of the bucket; nothing else (README, "Media on object storage")."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket}/{folder}*" for folder in PUBLIC_FOLDERS],
            }
        ],
    }


@pytest.fixture(scope="module")
def store():
    """(endpoint, boto3 client) of moto's S3 server on a free loopback port, holding the portal's bucket."""
    port = cluster.free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read_policy(BUCKET)))
    try:
        yield endpoint, client
    finally:
        server.stop()


@pytest.fixture
def on_store(settings, store):
    """The suite's default storage switched to the bucket, images public under a custom domain (the bucket's own
    address here, over http)."""
    endpoint, client = store
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.object_storage.ObjectStorage",
            "OPTIONS": {
                "endpoint_url": endpoint,
                "bucket_name": BUCKET,
                "access_key": KEYS["AWS_ACCESS_KEY_ID"],
                "secret_key": KEYS["AWS_SECRET_ACCESS_KEY"],
                "region_name": REGION,
                "public_domain": f"{urlsplit(endpoint).netloc}/{BUCKET}",
                "url_protocol": "http:",
                "file_overwrite": False,
                "querystring_expire": 300,
            },
        },
    }
    return f"{endpoint}/{BUCKET}", client


def keys_in(client):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def fetch(url):
    """(status, body) of an anonymous GET: no keys, no signature."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def shown_image(html):
    return re.search(r'<figure><img [^>]*src="([^"]+)"', html).group(1)


def test_an_editors_image_and_its_rendition_are_in_the_bucket_and_the_page_shows_it_from_there(
    client, hanoi, make_user, on_store
):
    public_base, s3 = on_store
    client.force_login(make_user(SiteRole.EDITORS, hanoi))
    data = get_test_image_file(size=(1200, 800)).file.getvalue()
    upload = SimpleUploadedFile("hoi-nghi.png", data, content_type="image/png")
    collection = Collection.objects.get(name="Hà Nội")
    answer = client.post("/admin/images/add/", {"title": "Hội nghị", "file": upload, "collection": collection.pk})
    assert answer.status_code == 302, answer.context["form"].errors
    image = get_image_model().objects.get(title="Hội nghị")
    assert image.file.name.startswith("original_images/") and image.file.name in keys_in(s3)

    client.logout()
    article = NewsPageFactory(site=hanoi, image=image, image_alt="Hội nghị tổng kết")
    src = shown_image(client.get(article.relative_url(hanoi), HTTP_HOST=HANOI).content.decode())

    rendition = image.get_rendition("width-960")
    assert rendition.file.name.startswith("images/") and rendition.file.name in keys_in(s3)
    assert src == f"{public_base}/{rendition.file.name}"  # stable, unsigned: a cached page can keep it
    status, body = fetch(src)
    assert status == 200
    assert body == s3.get_object(Bucket=BUCKET, Key=rendition.file.name)["Body"].read()
    assert PillowImage.open(io.BytesIO(body)).size == (960, 640)


def test_a_document_shown_by_no_page_is_streamed_to_its_sites_staff_only_and_never_readable_from_the_store(
    client, hanoi, make_user, on_store
):
    public_base, s3 = on_store
    collection = Collection.objects.get(name="Hà Nội")
    document = get_document_model().objects.create(
        title="Tài liệu nội bộ", collection=collection, file=ContentFile(b"%PDF-1.4 noi bo", name="noi-bo.pdf")
    )
    key = document.file.name
    assert key.startswith("documents/") and key in keys_in(s3)
    assert fetch(f"{public_base}/{key}")[0] == 403  # the object: nobody without the keys

    # Any URL the storage builds for it is signed and lapses within 5 minutes.
    query = parse_qs(urlsplit(default_storage.url(key)).query)
    assert "Signature" in query and 0 < int(query["Expires"][0]) - time.time() <= 300

    assert client.get(document.url).status_code == 404  # shown by no page: not public
    board = make_user(SiteRole.BOARD, hanoi)
    client.force_login(board)
    answer = client.get(document.url)
    assert answer.status_code == 200 and answer.streaming and "Location" not in answer
    assert b"".join(answer.streaming_content) == b"%PDF-1.4 noi bo"
    for path in (f"/admin/documents/edit/{document.pk}/", "/admin/documents/"):
        html = client.get(path).content.decode()
        assert document.url in html and key not in html and "Signature=" not in html, path


def test_a_public_document_is_still_streamed_by_the_portal_and_no_answer_names_its_object(client, hanoi, on_store):
    public_base, s3 = on_store
    collection = Collection.objects.get(name="Hà Nội")
    document = get_document_model().objects.create(
        title="Quyết định", collection=collection, file=ContentFile(b"%PDF-1.4 cong khai", name="quyet-dinh.pdf")
    )
    page = LegalDocumentFactory(site=hanoi, title="Quyết định về lưu trữ", number="9/QĐ-BHXH")
    LegalDocumentAttachment.objects.create(page=page, document=document)
    key = document.file.name

    answer = client.get(document.url)
    assert answer.status_code == 200 and b"".join(answer.streaming_content) == b"%PDF-1.4 cong khai"
    assert fetch(f"{public_base}/{key}")[0] == 403  # public through the portal, never from the store
    for path in (page.relative_url(hanoi), f"/api/v1/documents/{page.pk}/", "/api/v1/documents/"):
        text = client.get(path, HTTP_HOST=HANOI).content.decode()
        assert document.url in text and key not in text and "Signature=" not in text, path


@pytest.fixture(scope="module")
def nodes(django_db_setup, django_db_blocker, tmp_path_factory, store):
    """Environment and logs of portal processes on a copy of the suite's database and on the bucket."""
    endpoint, _ = store
    tmp = tmp_path_factory.mktemp("media-nodes")
    with django_db_blocker.unblock(), database_copy(tmp, "media") as url:
        env = {
            **os.environ,
            **KEYS,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "MEDIA_STORAGE": "s3",
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_REGION_NAME": REGION,
        }
        env.pop("AWS_S3_CUSTOM_DOMAIN", None)
        env.pop("REDIS_URL", None)
        yield env, tmp


UPLOAD = """
import hashlib
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Site
from tests.home.factories import NewsPageFactory
data = get_test_image_file(filename="bao-cao.png", colour="red", size=(1600, 900)).file.getvalue()
image = get_image_model().objects.create(
    title="Ảnh nút A", file=ContentFile(data, name="bao-cao.png"), collection=Collection.objects.get(name="Hà Nội")
)
article = NewsPageFactory(site=Site.objects.get(hostname="hanoi.localhost"), image=image, image_alt="Ảnh nút A")
page = article.relative_url(article.get_site())
print("UPLOADED", hashlib.sha256(data).hexdigest(), image.file.url, page, flush=True)
"""


def test_an_image_uploaded_through_node_a_is_served_by_node_b_from_the_store(nodes, store):
    env, tmp = nodes
    endpoint, s3 = store
    done = manage(env, "shell", "-c", UPLOAD, timeout=120)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("UPLOADED "))
    _, digest, original_url, path = line.split()
    assert not list(s3.list_objects_v2(Bucket=BUCKET, Prefix="images/bao-cao").get("Contents", []))

    port = cluster.free_port()
    command = [submissions.PYTHON, "-m", "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    node_b = cluster.spawn([*command, "--workers", "1", "--no-control-socket"], tmp / "node-b.log", env)
    try:
        cluster.wait_until_answering("node B", node_b, port, tmp / "node-b.log", host=HANOI)
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": HANOI})
        with urllib.request.urlopen(request, timeout=30) as answer:
            html = answer.read().decode()
    finally:
        cluster.stop(node_b)

    # Node B read node A's upload from the store (it has no file of its own), made the rendition and wrote it there.
    src = shown_image(html)
    assert src.startswith(f"{endpoint}/{BUCKET}/images/bao-cao") and "Signature" not in src
    status, body = fetch(src)
    assert status == 200 and PillowImage.open(io.BytesIO(body)).size == (960, 540)
    status, original = fetch(original_url)
    assert status == 200 and hashlib.sha256(original).hexdigest() == digest


def test_a_backup_of_the_media_reads_the_bucket_and_a_restore_writes_it_back_private(on_store, tmp_path):
    """``manage.py backup_portal`` archives the media through the storage API (portal/backup.py): on object
    storage that is the bucket, and what a restore writes back keeps the bucket's rules (documents private)."""
    public_base, s3 = on_store
    for key in keys_in(s3):  # what other tests of the module left in the shared bucket
        s3.delete_object(Bucket=BUCKET, Key=key)
    image = default_storage.save("original_images/tru-so.png", ContentFile(b"\x89PNG image bytes"))
    document = default_storage.save("documents/cong-van.pdf", ContentFile(b"%PDF-1.4 private"))
    archive = tmp_path / "media.tar"
    assert archive_media(default_storage, archive) == (2, 32)

    s3.delete_objects(Bucket=BUCKET, Delete={"Objects": [{"Key": image}, {"Key": document}]})
    assert keys_in(s3) == set()
    assert unpack_media(default_storage, archive) == (2, 32)

    assert keys_in(s3) == {image, document}
    assert s3.get_object(Bucket=BUCKET, Key=document)["Body"].read() == b"%PDF-1.4 private"
    assert fetch(f"{public_base}/{document}")[0] == 403
    assert fetch(f"{public_base}/{image}") == (200, b"\x89PNG image bytes")
