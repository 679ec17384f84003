"""/api/v1/news/: own and shared articles of a site, their fields, filters and the 404 for anything else."""

from wagtail.models import PageViewRestriction

from home.news_shares import NewsShare, ShareDirection, ShareStatus
from tests.support.growth import queries_for
from tests.support.sites import DANANG, HANOI, NEWS

API = "/api/v1/news/"
# Kept per site once read (core/sites.py, home/schemas.py): the site a host names, the site's news section.
SITE_QUERY = SECTION_QUERY = 1
ITEM_FIELDS = {
    "id",
    "title",
    "lead",
    "image",
    "author",
    "source",
    "source_url",
    "event_date",
    "published_at",
    "topics",
    "url",
    "canonical_url",
    "shared_from",
}


def share(article, site, status=ShareStatus.ACCEPTED):
    NewsShare.objects.create(article=article, target_site=site, direction=ShareDirection.PUSH, status=status)


def test_items_list_own_and_shared_articles_newest_first_with_every_field(client, add_news, national, hanoi, topic):
    own = add_news(hanoi, "Hà Nội đối thoại chính sách", day=2, author="Minh Anh", event_date="2026-11-01")
    own.topics.set([topic])
    own.save_revision().publish()
    shared = add_news(national, "Triển khai Luật Bảo hiểm xã hội", day=3)
    share(shared, hanoi)

    body = client.get(API, HTTP_HOST=HANOI).json()

    assert body["count"] == 2
    first, second = body["items"]
    assert set(first) == ITEM_FIELDS
    assert first["title"] == "Triển khai Luật Bảo hiểm xã hội" and first["shared_from"] == "localhost"
    assert first["url"] == f"http://{HANOI}{NEWS}chia-se/{shared.pk}/"
    assert first["canonical_url"] == f"http://localhost{NEWS}{shared.slug}/"
    assert (
        second["shared_from"] is None and second["url"] == second["canonical_url"] == f"http://{HANOI}{NEWS}{own.slug}/"
    )
    assert second["author"] == "Minh Anh" and second["event_date"] == "2026-11-01"
    assert second["published_at"] == "2026-11-02T09:00:00+07:00"
    assert second["topics"] == [{"slug": topic.slug, "name": topic.name}]


def test_a_pending_share_is_not_listed(client, add_news, hanoi, national):
    share(add_news(hanoi, "Tin đề xuất"), national, status=ShareStatus.PENDING)

    assert client.get(API, HTTP_HOST="localhost").json()["count"] == 0


def test_q_ignores_diacritics_and_topic_filters(client, add_news, danang, topic):
    add_news(danang, "Đà Nẵng chi trả lương hưu qua tài khoản")
    health = add_news(danang, "Cấp thẻ bảo hiểm y tế học sinh")
    health.topics.set([topic])
    health.save_revision().publish()

    def titles(params):
        return [item["title"] for item in client.get(API, params, HTTP_HOST=DANANG).json()["items"]]

    assert titles({"q": "da nang LUONG huu"}) == ["Đà Nẵng chi trả lương hưu qua tài khoản"]
    assert titles({"q": "“Đà Nẵng”, lương hưu?"}) == ["Đà Nẵng chi trả lương hưu qua tài khoản"]
    assert titles({"topic": topic.slug}) == ["Cấp thẻ bảo hiểm y tế học sinh"]
    wrong = client.get(API, {"topic": "khong-co"}, HTTP_HOST=DANANG)
    assert wrong.status_code == 400 and "topic" in wrong.json()["errors"]


def test_one_article_is_readable_on_its_site_and_where_shared_only(client, add_news, national, hanoi, danang):
    article = add_news(national, "Tin quốc gia", body="<p>Toàn văn tin.</p>")
    share(article, hanoi)
    danang_article = add_news(danang, "Tin Đà Nẵng")

    on_hanoi = client.get(f"{API}{article.pk}/", HTTP_HOST=HANOI)
    assert on_hanoi.status_code == 200
    assert on_hanoi.json()["body"] == "<p>Toàn văn tin.</p>" and on_hanoi.json()["shared_from"] == "localhost"
    assert client.get(f"{API}{article.pk}/", HTTP_HOST="localhost").json()["shared_from"] is None
    assert client.get(f"{API}{article.pk}/", HTTP_HOST=DANANG).status_code == 404
    assert client.get(f"{API}{danang_article.pk}/", HTTP_HOST=HANOI).status_code == 404
    assert client.get(f"{API}{danang_article.pk}/", {"site": DANANG}).status_code == 200


def test_a_list_reuses_the_news_section_kept_for_its_site(client, fragments_only, hanoi):
    read = queries_for(client, HANOI, API)
    fragments_only()
    assert queries_for(client, HANOI, API) == read - SITE_QUERY - SECTION_QUERY


def test_the_share_route_follows_a_renamed_news_section_at_once(
    client, fragments_only, add_news, national, hanoi, news_index, django_capture_on_commit_callbacks
):
    fragments_only()
    shared = add_news(national, "Triển khai Luật Bảo hiểm xã hội", day=3)
    share(shared, hanoi)
    assert client.get(API, HTTP_HOST=HANOI).json()["items"][0]["url"] == f"http://{HANOI}{NEWS}chia-se/{shared.pk}/"
    section = news_index(hanoi)
    with django_capture_on_commit_callbacks(execute=True):
        section.slug = "tin-tuc"
        section.save_revision().publish()
    assert client.get(API, HTTP_HOST=HANOI).json()["items"][0]["url"] == f"http://{HANOI}/tin-tuc/chia-se/{shared.pk}/"


def test_an_article_behind_a_view_restriction_is_not_listed_here_or_where_shared(
    client, add_news, news_index, hanoi, national
):
    add_news(hanoi, "Tin công khai", day=1)
    PageViewRestriction.objects.create(page=add_news(hanoi, "Tin nội bộ", day=2), restriction_type="login")
    internal = add_news(national, "Tin nội bộ toàn ngành", day=3)
    share(internal, hanoi)
    PageViewRestriction.objects.create(page=news_index(national), restriction_type="login")

    body = client.get(API, HTTP_HOST=HANOI).json()

    assert (body["count"], [item["title"] for item in body["items"]]) == (1, ["Tin công khai"])
