"""The demo news: a national push to every province, one accepted and one pending proposal, idempotent."""

import pytest

from home.news import NewsPage, news_for_site
from home.news_demo import load_news_demo
from home.news_shares import NewsShare, ShareStatus
from portal.bootstrap import Report


@pytest.mark.django_db
def test_demo_news_and_its_exchange_once(national, hanoi, danang):
    load_news_demo(Report())

    pushed = NewsPage.objects.get(slug="trien-khai-luat-bao-hiem-xa-hoi-2024")
    assert NewsShare.objects.filter(article=pushed, status=ShareStatus.ACCEPTED).count() == 34
    national_titles = [article.title for article in news_for_site(national)]
    assert "Hà Nội đối thoại chính sách bảo hiểm xã hội tự nguyện" in national_titles
    assert not any(title.startswith("Đà Nẵng") for title in national_titles)
    assert NewsShare.objects.get(article__slug="chi-tra-luong-huu-qua-tai-khoan").status == ShareStatus.PENDING
    assert pushed.title in [article.title for article in news_for_site(danang)]

    again = Report()
    load_news_demo(again)
    assert again.changes == []
