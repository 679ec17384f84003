"""A committed write purges only what it shows: other sites' answers, and answers of what it did not touch,
stay stored (served with no query), and a record that is not public purges nothing.

Each write runs inside ``django_capture_on_commit_callbacks(execute=True)``: the purge runs as on commit.
"""

import http.server
import os
import sqlite3
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from bench import submissions
from core.models import PendingPurge
from core.response_cache import invalidation, purgers, store, tags
from deploy import cluster
from faq import transitions
from home.models import SiteNotice
from home.news_shares import NewsShare, ShareDirection, ShareStatus
from legal.comments import approve
from multisite_config.models import SiteRole, Topic
from tests.faq.factories import ANSWER, AskedQuestionFactory
from tests.home.factories import NewsPageFactory
from tests.legal.factories import make_comment, make_draft
from tests.support.processes import manage
from tests.support.sites import DANANG, HAIPHONG, HANOI, NEWS

QA = "/hoi-dap/"
CONTACTS = "/lien-he/"


@pytest.fixture
def fresh(monkeypatch):
    """Answers rendered right after a purge are kept (the margin for clocks of other nodes is tested apart)."""
    monkeypatch.setattr(store, "CLOCK_SKEW", 0)


def is_hit(client, path, host):
    """True when the answer came from the cache: no query at all."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return len(queries) == 0


def stored(client, path, host):
    """Fetches ``path`` until it is stored, and checks that it is."""
    client.get(path, HTTP_HOST=host)
    assert is_hit(client, path, host), (host, path)


@pytest.fixture
def purged(monkeypatch):
    """The tags every purge sent, in order."""
    sent = []
    real = invalidation.purge_now

    def record(found):
        sent.append(set(found))
        real(found)

    monkeypatch.setattr(invalidation, "purge_now", record)
    return sent


def test_a_hanoi_publish_leaves_danang_stored(client, response_cache, fresh, hanoi, django_capture_on_commit_callbacks):
    for path in ("/", NEWS, "/api/v1/news/"):
        stored(client, path, DANANG)
    stored(client, NEWS, HANOI)
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(site=hanoi, title="Hà Nội chi trả lương hưu qua tài khoản")
    assert "Hà Nội chi trả lương hưu" in client.get(NEWS, HTTP_HOST=HANOI).content.decode()
    for path in ("/", NEWS, "/api/v1/news/"):
        assert is_hit(client, path, DANANG), path


def test_an_article_shared_with_danang_purges_danang_news_only(
    client, response_cache, fresh, hanoi, danang, django_capture_on_commit_callbacks
):
    article = NewsPageFactory(site=hanoi, title="Tin chung của hai thành phố")
    NewsShare.objects.create(
        article=article, target_site=danang, direction=ShareDirection.PUSH, status=ShareStatus.ACCEPTED
    )
    for host in (DANANG, HAIPHONG):
        stored(client, NEWS, host)
        stored(client, "/api/v1/news/", host)
    stored(client, CONTACTS, DANANG)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Tin chung đã sửa"
        article.save_revision().publish()
    assert "Tin chung đã sửa" in client.get(NEWS, HTTP_HOST=DANANG).content.decode()
    assert "Tin chung đã sửa" in client.get("/api/v1/news/", HTTP_HOST=DANANG).content.decode()
    assert is_hit(client, CONTACTS, DANANG)
    assert is_hit(client, NEWS, HAIPHONG) and is_hit(client, "/api/v1/news/", HAIPHONG)


def test_a_pending_share_purges_nothing_and_accepting_it_purges_the_receiver(
    client, response_cache, fresh, hanoi, danang, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = NewsPageFactory(site=hanoi, title="Đề xuất chia sẻ")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        share = NewsShare.objects.create(article=article, target_site=danang, direction=ShareDirection.PROPOSAL)
    assert purged == []
    with django_capture_on_commit_callbacks(execute=True):
        share.status = ShareStatus.ACCEPTED
        share.save()
    assert purged == [{tags.listing("news", danang.pk), tags.page(article.pk)}]


def test_a_pending_question_purges_nothing(
    client, response_cache, fresh, hanoi, purged, django_capture_on_commit_callbacks
):
    stored(client, QA, HANOI)
    stored(client, "/api/v1/questions/", HANOI)
    with django_capture_on_commit_callbacks(execute=True):
        transitions.submit(hanoi, name="Lê Thị B", email="b@example.vn", title="Hỏi về BHYT", body="Nội dung.")
    assert purged == []
    assert is_hit(client, QA, HANOI) and is_hit(client, "/api/v1/questions/", HANOI)


def test_publishing_a_question_purges_its_site_qa_only(
    client, response_cache, fresh, hanoi, hanoi_board, django_capture_on_commit_callbacks
):
    stored(client, "/api/v1/questions/", HANOI)
    stored(client, "/api/v1/questions/", DANANG)
    stored(client, NEWS, HANOI)
    with django_capture_on_commit_callbacks(execute=True):
        question = AskedQuestionFactory(site=hanoi, title="Cấp lại thẻ BHYT bị mất", answer=ANSWER)
    ids = [item["id"] for item in client.get("/api/v1/questions/", HTTP_HOST=HANOI).json()["items"]]
    assert question.pk in ids
    assert is_hit(client, "/api/v1/questions/", DANANG) and is_hit(client, NEWS, HANOI)


def test_an_editors_draft_save_purges_nothing(
    client, response_cache, fresh, hanoi, purged, django_capture_on_commit_callbacks
):
    article = NewsPageFactory(site=hanoi, title="Tin đã đăng")
    stored(client, article.url, HANOI)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Bản nháp chưa duyệt"
        article.save_revision()
    assert purged == []
    assert is_hit(client, article.url, HANOI)
    assert "Bản nháp chưa duyệt" not in client.get(article.url, HTTP_HOST=HANOI).content.decode()


def test_a_page_never_published_purges_nothing(
    client, response_cache, fresh, hanoi, add_page, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_page(hanoi.root_page, "Trang đang soạn", "trang-dang-soan", live=False)
    assert purged == []


def test_a_pending_comment_purges_nothing_and_approving_it_purges_its_draft(
    client, response_cache, fresh, hanoi, hanoi_board, purged, django_capture_on_commit_callbacks
):
    draft = make_draft(hanoi, "open")
    with django_capture_on_commit_callbacks(execute=True):
        comment = make_comment(draft)
    assert purged == []
    with django_capture_on_commit_callbacks(execute=True):
        approve(comment, hanoi_board)
    assert tags.page(draft.pk) in set().union(*purged)
    assert tags.site(hanoi.pk) not in set().union(*purged)


def test_a_notice_purges_the_layout_of_its_own_site(
    client, response_cache, fresh, hanoi, django_capture_on_commit_callbacks
):
    stored(client, NEWS, HANOI)
    stored(client, NEWS, DANANG)
    with django_capture_on_commit_callbacks(execute=True):
        SiteNotice.objects.create(site=hanoi, title="Tạm dừng tiếp công dân ngày 31/12", body="Nội dung.")
    assert "Tạm dừng tiếp công dân" in client.get(NEWS, HTTP_HOST=HANOI).content.decode()
    assert is_hit(client, NEWS, DANANG)


def test_a_new_image_purges_nothing(response_cache, purged, django_capture_on_commit_callbacks):
    """An upload shows nowhere until a page uses it (then publishing the page purges it)."""
    gif = (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
        b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )
    with django_capture_on_commit_callbacks(execute=True):
        get_image_model().objects.create(title="Ảnh", file=SimpleUploadedFile("a.gif", gif))
    assert purged == []


def test_a_staff_account_purges_nothing(response_cache, purged, make_user, hanoi, django_capture_on_commit_callbacks):
    """Accounts, groups and permissions show on no public page (an article's author is a text field)."""
    with django_capture_on_commit_callbacks(execute=True):
        make_user(SiteRole.EDITORS, hanoi)
    assert purged == []


def test_a_model_nobody_registered_purges_everything(
    client, response_cache, fresh, purged, django_capture_on_commit_callbacks
):
    """Safe by default: a write whose reach is not declared drops every stored answer."""
    stored(client, NEWS, DANANG)
    with django_capture_on_commit_callbacks(execute=True):
        Topic.objects.create(name="Chủ đề mới", slug="chu-de-moi")
    assert purged == [{tags.ALL}]
    assert not is_hit(client, NEWS, DANANG)


def test_every_answer_names_what_it_shows(client, response_cache, hanoi):
    article = NewsPageFactory(site=hanoi)
    shown = set(client.get(f"/api/v1/news/{article.pk}/", HTTP_HOST=HANOI)["xkey"].split())
    assert {tags.ALL, tags.site(hanoi.pk), tags.page(article.pk)} <= shown
    page = set(client.get(article.url, HTTP_HOST=HANOI)["xkey"].split())
    assert {tags.page(article.pk), tags.layout(hanoi.pk), tags.LINKS, tags.DIRECTORY} <= page
    assert tags.listing("news", hanoi.pk) in set(client.get(NEWS, HTTP_HOST=HANOI)["xkey"].split())


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A shared cache that accepts purges and remembers the tags it was sent."""

    received: list[tuple[str, str]] = []
    status = 200

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        type(self).received.append((self.command, self.headers.get("xkey-purge", "")))
        self.send_response(type(self).status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def shared_cache(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.received, PurgeRecorder.status = [], 200
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.RESPONSE_CACHE = {**settings.RESPONSE_CACHE, "PURGE_URLS": [f"http://127.0.0.1:{server.server_port}/"]}
    yield PurgeRecorder
    server.shutdown()
    server.server_close()


def test_purges_reach_the_shared_cache_after_commit(
    response_cache, hanoi, shared_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = NewsPageFactory(site=hanoi)
    assert shared_cache.received == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(shared_cache.received) == 1  # one purge for the whole transaction
    method, header = shared_cache.received[0]
    assert method == "PURGE" and {tags.page(article.pk), tags.listing("news", hanoi.pk)} <= set(header.split())


def test_a_purge_the_shared_cache_refuses_is_kept_and_sent_again(
    response_cache, hanoi, shared_cache, django_capture_on_commit_callbacks
):
    shared_cache.status = 503
    with django_capture_on_commit_callbacks(execute=True):
        article = NewsPageFactory(site=hanoi)
    kept = PendingPurge.objects.get()
    assert tags.page(article.pk) in kept.tags.split() and "503" in kept.last_error
    shared_cache.status = 200
    call_command("send_pending_purges")
    assert not PendingPurge.objects.exists()
    assert tags.page(article.pk) in shared_cache.received[-1][1].split()


def test_an_unreachable_shared_cache_keeps_the_purge(response_cache, settings):
    settings.RESPONSE_CACHE = {**settings.RESPONSE_CACHE, "PURGE_URLS": ["http://127.0.0.1:9/"]}
    purgers.send({"page-1"})
    assert PendingPurge.objects.get().tags == "page-1"
    with pytest.raises(SystemExit):
        call_command("send_pending_purges")  # still unreachable: exits non-zero, purge still kept
    assert PendingPurge.objects.get().attempts == 2


def test_migrating_a_new_database_purges_everything_once_at_the_end(tmp_path):
    """``manage.py migrate`` on an empty database, with a shared cache configured (as ``make cluster`` and a new
    production database run it): the migrations' own writes purge nothing (the purge table does not exist yet),
    and the end of the run purges ``all`` once, kept for retry when the cache does not answer."""
    closed = cluster.free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": submissions.SETTINGS,
        "CACHE_PURGE_URLS": f"http://127.0.0.1:{closed}/",
        "RESPONSE_CACHE_DIR": str(tmp_path / "responses"),
    }
    env.pop("REDIS_URL", None)
    done = manage(env, "migrate", "--noinput", "-v0", timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    kept = sqlite3.connect(tmp_path / "new.sqlite3").execute(f"SELECT tags FROM {PendingPurge._meta.db_table}")
    assert [row[0] for row in kept] == ["all"]
