"""Royalties: recorded with the article, summed per author and quarter, readable only by the site's board."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from home.news import Royalty
from home.royalties import royalty_table

TABLE = reverse("home_news_royalties")


def on(year, month, day):
    return timezone.make_aware(dt.datetime(year, month, day, 10))


@pytest.fixture
def royalties(add_news, hanoi, danang):
    article = add_news(hanoi, "Tin Hà Nội")
    other = add_news(hanoi, "Tin Hà Nội 2")
    for page, author, amount, when in [
        (article, "Minh Anh", 300_000, on(2026, 1, 15)),
        (other, "Minh Anh", 200_000, on(2026, 3, 31)),
        (article, "Thu Hà", 500_000, on(2026, 4, 1)),
        (other, "Thu Hà", 100_000, on(2025, 12, 31)),
    ]:
        Royalty.objects.create(page=page, author_name=author, amount=amount, recorded_at=when)
    Royalty.objects.create(
        page=add_news(danang, "Tin Đà Nẵng"), author_name="Quốc Bảo", amount=999_000, recorded_at=on(2026, 2, 1)
    )


def test_the_table_sums_per_author_per_quarter_of_one_site_and_year(royalties, hanoi):
    table = royalty_table(hanoi, 2026)

    assert table.rows == [("Minh Anh", [500_000, 0, 0, 0], 500_000), ("Thu Hà", [0, 500_000, 0, 0], 500_000)]
    assert table.totals == [500_000, 500_000, 0, 0, 1_000_000]


def test_a_board_reads_only_its_own_sites_table(client, royalties, hanoi_board, danang, hanoi):
    client.force_login(hanoi_board)

    response = client.get(TABLE, {"year": 2026})
    assert response.status_code == 200 and response.context["table"].site == hanoi
    html = response.content.decode()
    assert "Minh Anh" in html and "Quốc Bảo" not in html
    assert [site.pk for site in response.context["sites"]] == [hanoi.pk]
    refused = client.get(TABLE, {"site": danang.pk, "year": 2026})
    assert refused.status_code == 302 and refused.url == "/admin/"


def test_an_editor_has_no_royalty_table(client, hanoi_editor):
    client.force_login(hanoi_editor)

    response = client.get(TABLE)
    assert response.status_code == 302 and response.url == "/admin/"


def test_the_centre_chooses_any_site(client, royalties, centre_user, danang):
    client.force_login(centre_user)

    response = client.get(TABLE, {"site": danang.pk, "year": 2026})

    assert response.context["table"].rows == [("Quốc Bảo", [999_000, 0, 0, 0], 999_000)]
