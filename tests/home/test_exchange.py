"""The exchange through the admin: pushes, proposals, the national inbox, and who may do which."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, Site

from home.news_shares import NewsShare, ShareStatus
from tests.support.sites import DANANG, HAIPHONG, HANOI, NATIONAL, NEWS


def refused(response):
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard; confinement with 404."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response.url == "/admin/")


def listed_titles(client, host):
    response = client.get(NEWS, HTTP_HOST=host)
    assert response.status_code == 200
    return [article.title for article in response.context["articles"]]


def api_titles(client, host):
    return [item["title"] for item in client.get("/api/v1/news/", HTTP_HOST=host).json()["items"]]


def share(client, article, **data):
    return client.post(reverse("home_news_share", args=[article.pk]), data)


def decide(client, proposal, decision):
    return client.post(reverse("home_news_decide", args=[proposal.pk, decision]))


@pytest.fixture
def national_article(add_news, national):
    return add_news(national, "Triển khai Luật Bảo hiểm xã hội", day=3)


@pytest.fixture
def hanoi_article(add_news, hanoi):
    return add_news(hanoi, "Hà Nội đối thoại chính sách", day=4)


def test_a_pushed_article_appears_once_on_each_chosen_province_with_its_canonical_link(
    client, national_board, national_article, hanoi, danang, add_news
):
    add_news(hanoi, "Tin riêng của Hà Nội", day=2)
    client.force_login(national_board)

    assert share(client, national_article, sites=[hanoi.pk, danang.pk]).status_code == 302
    assert share(client, national_article, sites=[hanoi.pk]).status_code == 302  # again: no duplicate

    for host in (HANOI, DANANG):
        assert listed_titles(client, host).count("Triển khai Luật Bảo hiểm xã hội") == 1
        assert api_titles(client, host).count("Triển khai Luật Bảo hiểm xã hội") == 1
        page = client.get(f"{NEWS}chia-se/{national_article.pk}/", HTTP_HOST=host)
        assert page.status_code == 200
        assert '<link rel="canonical" href="http://localhost/tin-tuc-su-kien/' in page.content.decode()
    assert listed_titles(client, HANOI) == ["Triển khai Luật Bảo hiểm xã hội", "Tin riêng của Hà Nội"]
    assert "Triển khai Luật Bảo hiểm xã hội" not in listed_titles(client, HAIPHONG)
    assert client.get(f"{NEWS}chia-se/{national_article.pk}/", HTTP_HOST=HAIPHONG).status_code == 404
    assert PageLogEntry.objects.filter(page=national_article, action="home.news.push").count() == 1


def test_push_to_all_reaches_every_province_but_not_the_national_site(client, national_board, national_article):
    client.force_login(national_board)

    share(client, national_article, everywhere="on")

    provinces = Site.objects.filter(siteprofile__kind="province")
    assert NewsShare.objects.filter(article=national_article).count() == provinces.count() == 34
    assert listed_titles(client, NATIONAL) == ["Triển khai Luật Bảo hiểm xã hội"]  # its own, not a share
    assert api_titles(client, HAIPHONG) == ["Triển khai Luật Bảo hiểm xã hội"]


def test_unpublishing_the_original_removes_it_everywhere(client, national_board, national_article, hanoi):
    client.force_login(national_board)
    share(client, national_article, sites=[hanoi.pk])
    client.logout()

    national_article.unpublish()

    assert listed_titles(client, HANOI) == [] and api_titles(client, HANOI) == []
    assert client.get(f"{NEWS}chia-se/{national_article.pk}/", HTTP_HOST=HANOI).status_code == 404
    assert client.get(f"/api/v1/news/{national_article.pk}/", HTTP_HOST=HANOI).status_code == 404
    assert "Triển khai" not in client.get(f"{NEWS}rss/", HTTP_HOST=HANOI).content.decode()


def test_a_proposal_appears_nationally_only_after_acceptance(client, hanoi_board, national_board, hanoi_article):
    client.force_login(hanoi_board)
    assert share(client, hanoi_article).status_code == 302
    proposal = NewsShare.objects.get(article=hanoi_article)
    assert proposal.status == ShareStatus.PENDING
    assert "Hà Nội đối thoại chính sách" not in listed_titles(client, NATIONAL)
    assert api_titles(client, NATIONAL) == []

    client.force_login(national_board)
    inbox = client.get(reverse("home_news_proposals"))
    assert inbox.status_code == 200
    assert "Hà Nội đối thoại chính sách" in inbox.content.decode() and HANOI in inbox.content.decode()
    assert decide(client, proposal, "accept").status_code == 302

    assert listed_titles(client, NATIONAL) == ["Hà Nội đối thoại chính sách"]
    item = client.get("/api/v1/news/", HTTP_HOST=NATIONAL).json()["items"][0]
    assert item["shared_from"] == HANOI and item["canonical_url"].startswith("http://hanoi.localhost/")
    assert decide(client, proposal, "decline").status_code == 404  # decided once
    assert set(PageLogEntry.objects.filter(page=hanoi_article).values_list("action", flat=True)) >= {
        "home.news.propose",
        "home.news.accept",
    }


def test_a_declined_proposal_never_appears_nationally(client, hanoi_board, national_board, hanoi_article):
    client.force_login(hanoi_board)
    share(client, hanoi_article)
    client.force_login(national_board)

    decide(client, NewsShare.objects.get(article=hanoi_article), "decline")

    assert NewsShare.objects.get(article=hanoi_article).status == ShareStatus.DECLINED
    assert listed_titles(client, NATIONAL) == []


def test_a_province_cannot_push_accept_or_see_proposals(
    client, danang_board, hanoi_board, hanoi_article, national_article, hanoi, danang
):
    client.force_login(hanoi_board)
    share(client, hanoi_article)
    proposal = NewsShare.objects.get(article=hanoi_article)

    client.force_login(danang_board)
    assert refused(share(client, national_article, sites=[danang.pk, hanoi.pk]))
    assert refused(share(client, hanoi_article))  # cannot propose another province's article
    assert refused(client.get(reverse("home_news_share", args=[hanoi_article.pk])))
    assert refused(client.get(reverse("home_news_proposals")))
    assert refused(decide(client, proposal, "accept"))
    client.force_login(hanoi_board)
    assert refused(client.get(reverse("home_news_proposals")))  # the inbox is the national board's
    assert refused(decide(client, proposal, "accept"))

    assert NewsShare.objects.filter(article=national_article).count() == 0
    assert NewsShare.objects.get(pk=proposal.pk).status == ShareStatus.PENDING


def test_a_province_cannot_push_its_own_article_to_other_provinces(client, hanoi_board, hanoi_article, danang):
    client.force_login(hanoi_board)

    share(client, hanoi_article, sites=[danang.pk])

    assert not NewsShare.objects.filter(target_site=danang).exists()


def test_an_editor_cannot_share(client, hanoi_editor, hanoi_article):
    client.force_login(hanoi_editor)

    assert refused(share(client, hanoi_article))
    assert not NewsShare.objects.exists()


def test_a_shared_article_cannot_be_edited_from_the_receiving_site(
    client, national_board, national_article, hanoi, hanoi_board
):
    client.force_login(national_board)
    share(client, national_article, sites=[hanoi.pk])
    client.force_login(hanoi_board)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[national_article.pk]))

    assert refused(response)
