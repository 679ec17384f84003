"""/api/v1/ratings/ and /api/v1/ratings/summary/: a rating changes its site's summary and no other site's; bad
input is a 4xx naming the field and stores nothing; personal data in a comment is refused."""

import json

import pytest

from ratings.models import Rating
from tests.support.api import PROBLEM_KEYS
from tests.support.sites import DANANG, HANOI

URL = "/api/v1/ratings/"
SUMMARY = f"{URL}summary/"

pytestmark = pytest.mark.django_db


def rate(client, payload, site=HANOI, content_type="application/json"):
    body = payload if isinstance(payload, (str, bytes)) else json.dumps(payload)
    return client.post(f"{URL}?site={site}", body, content_type=content_type)


def summary(client, site=HANOI, **params):
    response = client.get(SUMMARY, {"site": site, **params})
    assert response.status_code == 200, response.content
    return response.json()


def counts(body):
    return {entry["level"]: entry["count"] for entry in body["levels"]}


def test_a_rating_changes_the_sites_summary(client, procedure):
    before = summary(client)
    response = rate(client, {"target": f"page:{procedure.pk}", "level": "satisfied", "comment": "Hướng dẫn rõ ràng."})
    assert response.status_code == 201, response.content
    assert response.json()["target"] == f"page:{procedure.pk}" and response.json()["level"] == "satisfied"
    after = summary(client)
    assert after["total"] == before["total"] + 1
    assert counts(after)["satisfied"] == counts(before)["satisfied"] + 1
    assert summary(client, target=f"page:{procedure.pk}") | {"levels": None} == {
        "site": HANOI,
        "target": f"page:{procedure.pk}",
        "levels": None,
        "total": 1,
        "satisfied_share": 100.0,
    }


def test_the_summary_gives_every_level_with_its_label_and_the_share_satisfied(client, procedure, article, answer):
    rate(client, {"target": f"page:{procedure.pk}", "level": "very_satisfied"})
    rate(client, {"target": str(article.pk), "level": "dissatisfied"})  # a bare number is a page id
    rate(client, {"target": f"answer:{answer.pk}", "level": "satisfied"})
    body = summary(client)
    assert body["levels"] == [
        {"level": "very_satisfied", "label": "Rất hài lòng", "count": 1},
        {"level": "satisfied", "label": "Hài lòng", "count": 1},
        {"level": "dissatisfied", "label": "Không hài lòng", "count": 1},
    ]
    assert body["total"] == 3 and body["satisfied_share"] == 66.7


def test_a_rating_on_hanoi_does_not_change_danang(client, procedure, danang_procedure):
    danang_before = summary(client, site=DANANG)
    assert rate(client, {"target": f"page:{procedure.pk}", "level": "dissatisfied"}).status_code == 201
    assert summary(client, site=DANANG) == danang_before
    assert danang_before["total"] == 0 and danang_before["satisfied_share"] is None


def test_another_sites_page_cannot_be_rated_nor_summarised_here(client, danang_procedure):
    response = rate(client, {"target": f"page:{danang_procedure.pk}", "level": "satisfied"})
    assert response.status_code == 404 and list(response.json()["errors"]) == ["target"]
    response = client.get(SUMMARY, {"site": HANOI, "target": f"page:{danang_procedure.pk}"})
    assert response.status_code == 404 and list(response.json()["errors"]) == ["target"]
    assert not Rating.objects.exists()


def test_a_draft_or_unpublished_page_is_not_rateable(client, hanoi):
    from tests.legal.factories import make_procedure

    hidden = make_procedure(hanoi, "Thủ tục chưa công bố", live=False)
    response = rate(client, {"target": f"page:{hidden.pk}", "level": "satisfied"})
    assert response.status_code == 404 and "target" in response.json()["errors"]
    response = rate(client, {"target": f"page:{hanoi.root_page_id}", "level": "satisfied"})  # the home page
    assert response.status_code == 404
    assert not Rating.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"level": "satisfied"}, "target"),
        ({"target": "trang-1", "level": "satisfied"}, "target"),
        ({"target": "page:{pk}"}, "level"),
        ({"target": "page:{pk}", "level": "5"}, "level"),
        ({"target": "page:{pk}", "level": "satisfied", "comment": "x" * 501}, "comment"),
        ({"target": "page:{pk}", "level": "satisfied", "name": "Nguyễn Văn A"}, "name"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(client, procedure, payload, field):
    payload = {key: value.format(pk=procedure.pk) for key, value in payload.items()}
    response = rate(client, payload)
    assert response.status_code == 400, response.content
    body = response.json()
    assert set(body) == PROBLEM_KEYS and field in body["errors"]
    assert not Rating.objects.exists()


@pytest.mark.parametrize(
    "comment",
    [
        "Liên hệ tôi qua nguyenvana@example.vn nhé",
        "Gọi lại cho tôi số 0912 345 678",
        "SĐT +84912345678",
        "CCCD của tôi 001099012345",
        "CMND 123456789",
    ],
)
def test_personal_data_in_a_comment_is_refused(client, procedure, comment):
    response = rate(client, {"target": f"page:{procedure.pk}", "level": "satisfied", "comment": comment})
    assert response.status_code == 400
    assert "thông tin cá nhân" in response.json()["errors"]["comment"][0]
    assert not Rating.objects.exists()


def test_numbers_that_are_not_personal_data_pass(client, procedure):
    comment = "Nghị định 118/2025/NĐ-CP, mức 1.500.000 đồng, chờ 15 ngày"
    response = rate(client, {"target": f"page:{procedure.pk}", "level": "satisfied", "comment": comment})
    assert response.status_code == 201
    assert Rating.objects.get().comment == comment


def test_a_comment_is_never_in_a_public_answer(client, procedure):
    response = rate(client, {"target": f"page:{procedure.pk}", "level": "satisfied", "comment": "Rất nhanh gọn"})
    assert "Rất nhanh gọn" not in response.content.decode()
    assert "Rất nhanh gọn" not in client.get(SUMMARY, {"site": HANOI}).content.decode()


def test_one_rating_per_target_and_client_a_day(client, procedure):
    payload = {"target": f"page:{procedure.pk}", "level": "satisfied"}
    assert rate(client, payload).status_code == 201
    again = rate(client, payload)
    assert again.status_code == 409 and "target" in again.json()["errors"]
    assert Rating.objects.count() == 1


def test_ratings_are_rate_limited(client, settings, procedure, article):
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "satisfaction": (1, 600)}
    assert rate(client, {"target": f"page:{procedure.pk}", "level": "satisfied"}).status_code == 201
    refused = rate(client, {"target": f"page:{article.pk}", "level": "satisfied"})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert Rating.objects.count() == 1


def test_only_json_is_accepted(client, procedure):
    response = client.post(f"{URL}?site={HANOI}", {"target": procedure.pk, "level": "satisfied"})
    assert response.status_code == 415 and not Rating.objects.exists()


@pytest.mark.parametrize(("params", "field"), [({"target": "abc"}, "target"), ({"site": "bad host!"}, "site")])
def test_bad_summary_parameters_are_a_400_naming_the_field(client, params, field):
    response = client.get(SUMMARY, {"site": HANOI, **params})
    assert response.status_code == 400 and field in response.json()["errors"]


def test_an_unknown_site_is_a_404(client):
    assert client.get(SUMMARY, {"site": "khong-co.localhost"}).status_code == 404
