"""The board's listing of ratings: each board sees its own site's ratings and their comments, the centre every
site's, editors and Q&A officers none; nobody adds, edits or deletes a rating."""

import pytest

from multisite_config.models import SiteRole
from ratings.models import Level, Rating

LIST = "/admin/snippets/ratings/rating/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def ratings(hanoi, danang):
    return (
        Rating.objects.create(
            site=hanoi, target="page:1", target_title="Thủ tục Hà Nội", level=Level.SATISFIED, comment="Ý kiến Hà Nội"
        ),
        Rating.objects.create(
            site=danang,
            target="page:2",
            target_title="Thủ tục Đà Nẵng",
            level=Level.DISSATISFIED,
            comment="Ý kiến Đà Nẵng",
        ),
    )


def test_a_board_lists_only_its_own_sites_ratings_with_their_comments(client, ratings, hanoi_board):
    client.force_login(hanoi_board)
    page = client.get(LIST).content.decode()
    assert "Ý kiến Hà Nội" in page and "Thủ tục Hà Nội" in page
    assert "Ý kiến Đà Nẵng" not in page and "Thủ tục Đà Nẵng" not in page
    hanoi_rating, danang_rating = ratings
    assert client.get(f"{LIST}inspect/{hanoi_rating.pk}/").status_code == 200
    assert client.get(f"{LIST}inspect/{danang_rating.pk}/").status_code in (403, 404)


def test_the_centre_lists_every_sites_ratings(client, ratings, centre_user):
    client.force_login(centre_user)
    page = client.get(LIST).content.decode()
    assert "Ý kiến Hà Nội" in page and "Ý kiến Đà Nẵng" in page


@pytest.mark.parametrize("role", [SiteRole.EDITORS, SiteRole.QA_OFFICERS])
def test_editors_and_officers_see_no_rating(client, ratings, make_user, hanoi, role):
    client.force_login(make_user(role, hanoi))
    response = client.get(LIST)
    assert response.status_code in (302, 403)
    assert "Ý kiến Hà Nội" not in response.content.decode()
    assert client.get(f"{LIST}inspect/{ratings[0].pk}/").status_code in (302, 403, 404)


def test_nobody_adds_edits_or_deletes_a_rating(client, ratings, hanoi_board, centre_user):
    for user in (hanoi_board, centre_user):
        client.force_login(user)
        assert client.get(f"{LIST}add/").status_code in (302, 403, 404)  # 302: Wagtail's "no permission"
        assert client.get(f"{LIST}edit/{ratings[0].pk}/").status_code in (302, 403, 404)
        assert client.post(f"{LIST}delete/{ratings[0].pk}/").status_code in (302, 403, 404)
    assert Rating.objects.count() == 2
