"""The news section of a site: its articles, the rule on reused content, the list, the feed, query counts."""

from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.news import PER_PAGE
from home.news_shares import NewsShare, ShareDirection, ShareStatus
from tests.support.sites import DANANG, HANOI, NEWS


def listed_titles(client, host, params=None):
    response = client.get(NEWS, params or {}, HTTP_HOST=host)
    assert response.status_code == 200
    return [article.title for article in response.context["articles"]]


def shared_with(article, site):
    return NewsShare.objects.create(
        article=article, target_site=site, direction=ShareDirection.PUSH, status=ShareStatus.ACCEPTED
    )


@pytest.mark.parametrize("missing", ["author", "source", "source_url"])
def test_a_reused_article_cannot_be_published_without_author_and_source(add_news, hanoi, missing):
    fields = {"reused": True, "author": "Minh Anh", "source": "Báo Hà Nội Mới", "source_url": "https://hanoimoi.vn/"}
    fields[missing] = ""

    with pytest.raises(ValidationError) as refused:
        add_news(hanoi, "Tin lấy lại", **fields)
    assert missing in refused.value.message_dict


def test_a_reused_article_with_its_source_is_published_and_credits_it(client, add_news, hanoi):
    article = add_news(
        hanoi, "Tin lấy lại", reused=True, author="Minh Anh", source="Báo Hà Nội Mới", source_url="https://hanoimoi.vn/"
    )

    html = client.get(article.url_path.removeprefix("/hanoi"), HTTP_HOST=HANOI).content.decode()
    assert "Tác giả: Minh Anh" in html and 'href="https://hanoimoi.vn/"' in html


def test_an_image_needs_its_alt_text(add_news, hanoi):
    image = Image.objects.create(title="Hội nghị", file=get_test_image_file())

    with pytest.raises(ValidationError) as refused:
        add_news(hanoi, "Tin có ảnh", image=image)
    assert "image_alt" in refused.value.message_dict
    assert add_news(hanoi, "Tin có ảnh", image=image, image_alt="Quang cảnh hội nghị").live


def test_the_list_is_newest_first_paginated_and_filtered_by_topic(client, add_news, hanoi, topic):
    for day in range(1, PER_PAGE + 3):
        add_news(hanoi, f"Tin ngày {day:02d}", day=day)
    add_news(hanoi, "Tin bản nháp", day=28, live=False)
    health = add_news(hanoi, "Tin bảo hiểm y tế", day=20)
    health.topics.set([topic])
    health.save_revision().publish()

    first = listed_titles(client, HANOI)
    assert first[:3] == ["Tin bảo hiểm y tế", f"Tin ngày {PER_PAGE + 2:02d}", f"Tin ngày {PER_PAGE + 1:02d}"]
    assert len(first) == PER_PAGE and "Tin bản nháp" not in first
    assert listed_titles(client, HANOI, {"trang": 2})[-1] == "Tin ngày 01"
    assert listed_titles(client, HANOI, {"chu-de": topic.slug}) == ["Tin bảo hiểm y tế"]
    wrong = client.get(NEWS, {"chu-de": "khong-co"}, HTTP_HOST=HANOI)
    assert wrong.status_code == 400 and "Không có chủ đề “khong-co”" in wrong.content.decode()


def test_the_list_has_a_search_box_matching_whole_syllables_titles_first(client, add_news, hanoi):
    """Issue 15: the news page had no text search; it uses the portal's one search (``core.search``)."""
    add_news(hanoi, "Hội nghị triển khai", day=3, lead="Thực hiện theo kế hoạch cấp thẻ bảo hiểm y tế.")
    add_news(hanoi, "Cấp thẻ bảo hiểm y tế học sinh", day=1)
    add_news(hanoi, "Làm theo hướng dẫn", day=2)

    assert listed_titles(client, HANOI, {"q": "thẻ"}) == ["Cấp thẻ bảo hiểm y tế học sinh", "Hội nghị triển khai"]
    assert listed_titles(client, HANOI, {"q": "“thẻ bảo hiểm y tế”?"}) == [
        "Cấp thẻ bảo hiểm y tế học sinh",
        "Hội nghị triển khai",
    ]
    assert listed_titles(client, HANOI, {"q": "?"}) == [
        "Hội nghị triển khai",
        "Làm theo hướng dẫn",
        "Cấp thẻ bảo hiểm y tế học sinh",
    ]
    html = client.get(NEWS, {"q": "da nang"}, HTTP_HOST=HANOI).content.decode()
    assert 'name="q" value="da nang"' in html and "Không có tin nào khớp với từ khóa “da nang”." in html
    too_long = client.get(NEWS, {"q": "x" * 201}, HTTP_HOST=HANOI)
    assert too_long.status_code == 400 and "Từ khóa dài tối đa 200 ký tự." in too_long.content.decode()


def test_a_site_never_lists_another_sites_articles_unless_shared(client, add_news, hanoi, danang):
    add_news(danang, "Tin Đà Nẵng")

    assert listed_titles(client, HANOI) == []
    assert client.get(f"{NEWS}chia-se/{NewsShare.objects.count() + 1}/", HTTP_HOST=HANOI).status_code == 404


def test_a_shared_article_links_to_its_page_on_the_receiving_site(client, add_news, national, hanoi):
    article = add_news(national, "Tin quốc gia")
    shared_with(article, hanoi)

    html = client.get(NEWS, HTTP_HOST=HANOI).content.decode()

    assert f'href="{NEWS}chia-se/{article.pk}/"' in html
    page = client.get(f"{NEWS}chia-se/{article.pk}/", HTTP_HOST=HANOI).content.decode()
    assert "Tin chia sẻ từ" in page and f'<link rel="canonical" href="http://localhost{NEWS}' in page


def test_the_rss_feed_holds_own_and_shared_items(client, add_news, national, hanoi, danang):
    own = add_news(hanoi, "Tin Hà Nội", day=2)
    shared = add_news(national, "Tin quốc gia", day=3)
    add_news(danang, "Tin Đà Nẵng", day=4)
    shared_with(shared, hanoi)

    response = client.get(f"{NEWS}rss/", HTTP_HOST=HANOI)

    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    items = ElementTree.fromstring(response.content).findall("channel/item")
    assert [(item.findtext("title"), item.findtext("link")) for item in items] == [
        ("Tin quốc gia", f"http://{HANOI}{NEWS}chia-se/{shared.pk}/"),
        ("Tin Hà Nội", f"http://{HANOI}{NEWS}{own.slug}/"),
    ]


def queries_of(client, path, host):
    client.get(path, HTTP_HOST=host)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_HOST=host).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", [NEWS, f"{NEWS}rss/", "/api/v1/news/"])
def test_the_list_feed_and_api_cost_the_same_queries_for_one_and_many_items(
    client, add_news, national, danang, topic, path
):
    first = add_news(danang, "Tin thứ nhất")
    first.topics.set([topic])
    first.save_revision().publish()
    one = queries_of(client, path, DANANG)
    for day in range(2, 8):
        article = add_news(danang, f"Tin {day}", day=day)
        article.topics.set([topic])
        article.save_revision().publish()
        shared_with(add_news(national, f"Tin quốc gia {day}", day=day), danang)

    assert queries_of(client, path, DANANG) == one
