"""Through Varnish, a publish made on one node shows at once on every URL that shows it, and nothing else is
dropped: the answers of other sites, a pending question and an editor's draft save leave Varnish's copies.

The parts are real: Varnish with deploy/varnish/portal.vcl in front of node B (gunicorn), and node A, a second
process of the portal on the same database, doing what an editor's click does (Wagtail's publish action).
Node A sends its purges to Varnish after its commit, as every node does (``CACHE_PURGE_URLS``). The database
is a copy of the suite's bootstrapped one (``tests/support/database_copies.py``).
"""

import json
import os
import time
import urllib.request

import pytest

from bench import submissions
from core.response_cache import store
from deploy import cluster
from tests.support.database_copies import database_copy
from tests.support.processes import manage
from tests.support.sites import DANANG, HAIPHONG, HANOI, NEWS

pytestmark = pytest.mark.skipif(
    cluster.varnishd_path() is None, reason="varnishd or the xkey vmod missing: `make varnish-deps` installs them"
)

VISIBLE_WITHIN = 1.0  # seconds, as the issue asks

MAKE_ARTICLE = """
from wagtail.models import Site
from home.news_shares import NewsShare, ShareDirection, ShareStatus
from tests.home.factories import NewsPageFactory
hanoi, danang = Site.objects.get(hostname="hanoi.localhost"), Site.objects.get(hostname="danang.localhost")
article = NewsPageFactory(site=hanoi, title="Tin cụm: bản đầu", slug="tin-cum")
NewsShare.objects.create(
    article=article, target_site=danang, direction=ShareDirection.PUSH, status=ShareStatus.ACCEPTED
)
print("ARTICLE", article.pk, article.relative_url(hanoi), flush=True)
"""
PUBLISH = """
from home.models import NewsPage
article = NewsPage.objects.get(pk={pk})
article.title = {title!r}
article.save_revision().publish()
"""
SAVE_DRAFT = """
from home.models import NewsPage
article = NewsPage.objects.get(pk={pk})
article.title = {title!r}
article.save_revision()
"""


@pytest.fixture(scope="module")
def front(django_db_setup, django_db_blocker, tmp_path_factory):
    """Varnish on a free port in front of node B; ``node_a(code)`` runs code in another process of the portal."""
    tmp = tmp_path_factory.mktemp("cluster")
    with django_db_blocker.unblock(), database_copy(tmp, "cluster") as url:
        varnish_port, node_port = cluster.free_port(), cluster.free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": submissions.SETTINGS,
            "STATIC_ROOT": str(tmp / "static"),
            "RESPONSE_CACHE_DIR": str(tmp / "responses"),
            "CACHE_PURGE_URLS": f"http://127.0.0.1:{varnish_port}/",
            "TRUSTED_PROXIES": "127.0.0.1",
        }
        env.pop("REDIS_URL", None)  # node A and node B share the file cache of this machine
        collected = manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        assert collected.returncode == 0, collected.stderr
        command = [submissions.PYTHON, "-m", "gunicorn", "portal.wsgi:application", "--bind"]
        command += [f"127.0.0.1:{node_port}", "--workers", "2", "--threads", "2", "--no-control-socket"]
        node_b = cluster.spawn(command, tmp / "node-b.log", env)
        processes = [node_b]
        try:
            cluster.wait_until_answering("node B", node_b, node_port, tmp / "node-b.log", host=HANOI)
            processes.append(cluster.start_varnish(varnish_port, [node_port], tmp / "varnish"))

            def node_a(code):
                done = manage(env, "shell", "-c", code, timeout=120)
                assert done.returncode == 0, done.stderr
                return done.stdout

            yield varnish_port, node_a
        finally:
            cluster.stop(*processes)


def fetch(port, host, path, method="GET", body=None):
    """(status, X-Cache, text) of one request to Varnish."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        method=method,
        data=body,
        headers={"Host": host, "Content-Type": "application/json"} if body else {"Host": host},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers.get("X-Cache"), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache"), error.read().decode()


def warm(port, host, path):
    """Fetches until Varnish holds a copy, and checks that it does.

    Right after a purge of what it shows, an answer is kept by no cache for a second (``store.CLOCK_SKEW``:
    the render may have read rows older than the purge), so a copy may take that long to stay.
    """
    deadline = time.monotonic() + 3 * store.CLOCK_SKEW
    while True:
        status, cache, _ = fetch(port, host, path)
        if (status, cache) == (200, "HIT") or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert (status, cache) == (200, "HIT"), (host, path, status, cache)


@pytest.fixture(scope="module")
def article(front):
    port, node_a = front
    output = node_a(MAKE_ARTICLE)
    line = next(line for line in output.splitlines() if line.startswith("ARTICLE "))
    _, pk, url = line.split()
    return int(pk), url


def urls_showing(article_id, article_url):
    return [
        (HANOI, article_url, True),
        (HANOI, NEWS, True),
        (HANOI, f"{NEWS}rss/", True),
        (HANOI, "/api/v1/news/", True),
        (HANOI, f"/api/v1/news/{article_id}/", True),
        (HANOI, "/sitemap.xml", False),  # the article's URL and day, not its title: it must be fetched anew
        (DANANG, NEWS, True),
        (DANANG, "/api/v1/news/", True),
        (DANANG, f"{NEWS}chia-se/{article_id}/", True),
        # Both homes list the latest news, own and shared (issue 17).
        (HANOI, "/", True),
        (DANANG, "/", True),
    ]


@pytest.mark.django_db
def test_a_publish_on_node_a_shows_within_a_second_on_every_url_that_shows_it(front, article):
    port, node_a = front
    article_id, article_url = article
    urls = urls_showing(article_id, article_url)
    for host, path, _ in urls:
        warm(port, host, path)
    warm(port, DANANG, "/lien-he/")
    warm(port, HAIPHONG, "/")

    node_a(PUBLISH.format(pk=article_id, title="Tin cụm: bản đã sửa"))
    published = time.monotonic()

    for host, path, shows_title in urls:
        while True:
            status, cache, text = fetch(port, host, path)
            changed = "Tin cụm: bản đã sửa" in text if shows_title else cache == "MISS"
            if changed or time.monotonic() - published > VISIBLE_WITHIN:
                break
            time.sleep(0.05)
        assert status == 200 and changed, (host, path)
    # What does not show the article stayed in Varnish: Đà Nẵng's contacts, the home of a site it is not shared with.
    for host, path in ((DANANG, "/lien-he/"), (HAIPHONG, "/")):
        assert fetch(port, host, path)[1] == "HIT", (host, path)


@pytest.mark.django_db
def test_a_pending_question_purges_nothing(front):
    port, _ = front
    for path in ("/hoi-dap/", "/api/v1/questions/"):
        warm(port, HANOI, path)
    question = {
        "name": "Trần Văn C",
        "email": "c@example.vn",
        "title": "Hỏi về bảo hiểm xã hội tự nguyện",
        "publish_consent": False,
        "body": "Tôi muốn tham gia bảo hiểm xã hội tự nguyện, xin hỏi mức đóng thấp nhất và thủ tục đăng ký.",
    }
    status, cache, _ = fetch(port, HANOI, "/api/v1/questions/", "POST", json.dumps(question).encode())
    assert status == 201 and cache == "MISS"  # a POST always goes to a node
    for path in ("/hoi-dap/", "/api/v1/questions/"):
        assert fetch(port, HANOI, path)[1] == "HIT", path


@pytest.mark.django_db
def test_an_editors_draft_save_purges_nothing(front, article):
    port, node_a = front
    article_id, article_url = article
    warm(port, HANOI, article_url)
    warm(port, HANOI, f"/api/v1/news/{article_id}/")
    node_a(SAVE_DRAFT.format(pk=article_id, title="Tin cụm: bản nháp chưa duyệt"))
    for path in (article_url, f"/api/v1/news/{article_id}/"):
        status, cache, text = fetch(port, HANOI, path)
        assert (status, cache) == (200, "HIT") and "bản nháp chưa duyệt" not in text, path
