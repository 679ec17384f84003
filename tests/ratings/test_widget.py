"""The rating widget under procedures, documents, news, standard pages and published answers: anonymous, posted to
``/danh-gia/`` (POST-redirect-GET with a thank-you), refusals in Vietnamese naming the field with nothing stored,
and the rated pages still served from the response cache."""

import time

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.response_cache import store
from ratings.models import Rating
from ratings.views import THANKS
from tests.home.factories import SectionPageFactory
from tests.legal.factories import LegalDocumentFactory, make_procedure
from tests.support.sites import DANANG, HANOI

ACTION = "/danh-gia/"

pytestmark = pytest.mark.django_db


def page_of(client, url, host=HANOI):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def widget(soup):
    return soup.find(id="muc-do-hai-long")


def send(client, target, url, host=HANOI, **fields):
    data = {"target": target, "trang": url, "level": "satisfied", "comment": "", "website": "", **fields}
    return client.post(ACTION, data, HTTP_HOST=host)


def answer_url(answer):
    return f"/hoi-dap/{answer.pk}/"


def test_every_kind_of_rateable_content_shows_the_widget(client, hanoi, procedure, article, answer):
    section = SectionPageFactory(parent=hanoi.root_page, title="Giới thiệu chung", slug="gioi-thieu-chung")
    document = LegalDocumentFactory(site=hanoi, title="Quyết định 1582/QĐ-BHXH")
    for content, url in [
        (procedure, procedure.relative_url(hanoi)),
        (article, article.relative_url(hanoi)),
        (section, section.relative_url(hanoi)),
        (document, document.relative_url(hanoi)),
    ]:
        form = widget(page_of(client, url)).form
        assert form["action"] == ACTION
        assert form.find("input", {"name": "target"})["value"] == f"page:{content.pk}"
        assert form.find("input", {"name": "trang"})["value"] == url
        assert [radio.parent.label.text for radio in form.find_all("input", {"name": "level"})] == [
            "Rất hài lòng",
            "Hài lòng",
            "Không hài lòng",
        ]
        assert not form.find("input", {"name": "csrfmiddlewaretoken"})
    section_text = widget(page_of(client, answer_url(answer))).text
    assert "không được chứa thông tin cá nhân" in section_text
    assert widget(page_of(client, answer_url(answer))).form.find("input", {"name": "target"})["value"] == (
        f"answer:{answer.pk}"
    )


def test_home_and_list_pages_have_no_widget(client):
    assert widget(page_of(client, "/")) is None
    assert widget(page_of(client, "/tin-tuc-su-kien/")) is None


def test_a_rating_is_stored_and_the_visitor_thanked_on_the_page(client, hanoi, procedure):
    url = procedure.relative_url(hanoi)
    response = send(client, f"page:{procedure.pk}", url, level="very_satisfied", comment="Thủ tục rõ ràng")
    assert response.status_code == 303 and response["Location"] == url + "#muc-do-hai-long"
    rating = Rating.objects.get()
    assert (rating.site, rating.target, rating.level, rating.comment) == (
        hanoi,
        f"page:{procedure.pk}",
        "very_satisfied",
        "Thủ tục rõ ràng",
    )
    assert rating.target_title == procedure.title
    assert THANKS in widget(page_of(client, url)).text
    assert THANKS not in widget(page_of(client, url)).text  # shown once


def test_an_answer_is_rated_under_its_key(client, answer):
    assert send(client, f"answer:{answer.pk}", answer_url(answer)).status_code == 303
    assert Rating.objects.get().target == f"answer:{answer.pk}"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"level": ""}, "Mức độ hài lòng: Vui lòng chọn mức độ hài lòng."),
        ({"level": "5"}, "Mức độ hài lòng: Mức độ hài lòng phải là"),
        ({"comment": "x" * 501}, "Ý kiến: Ý kiến không quá 500 ký tự"),
        ({"comment": "Gọi tôi: 0912.345.678"}, "Ý kiến: Ý kiến không được chứa thông tin cá nhân"),
        ({"comment": "thư cho tôi: a.b@example.vn"}, "Ý kiến: Ý kiến không được chứa thông tin cá nhân"),
        ({"comment": "CCCD 001099012345"}, "Ý kiến: Ý kiến không được chứa thông tin cá nhân"),
        ({"target": "page:abc"}, "Nội dung được đánh giá: Nội dung được đánh giá không hợp lệ"),
        ({"website": "http://spam.example"}, "Biểu mẫu không hợp lệ."),
    ],
)
def test_a_refused_rating_names_the_field_and_stores_nothing(client, hanoi, procedure, fields, message):
    response = send(client, fields.pop("target", f"page:{procedure.pk}"), procedure.relative_url(hanoi), **fields)
    assert response.status_code == 400
    summary = BeautifulSoup(response.content, "html.parser").find(class_="error-summary").text
    assert message in summary
    assert not Rating.objects.exists()


def test_another_sites_page_is_refused_here(client, danang, danang_procedure):
    response = send(client, f"page:{danang_procedure.pk}", "/", host=HANOI)
    assert response.status_code == 400 and "không có trên trang này" in response.content.decode()
    assert send(client, f"page:{danang_procedure.pk}", "/", host=DANANG).status_code == 303
    assert list(Rating.objects.values_list("site__hostname", flat=True)) == [DANANG]


def test_a_second_rating_of_the_same_page_the_same_day_is_refused(client, hanoi, procedure):
    url = procedure.relative_url(hanoi)
    assert send(client, f"page:{procedure.pk}", url).status_code == 303
    again = send(client, f"page:{procedure.pk}", url)
    assert again.status_code == 400 and "đã đánh giá nội dung này hôm nay" in again.content.decode()
    assert Rating.objects.count() == 1


def test_the_way_back_never_leaves_the_site(client, procedure):
    response = send(client, f"page:{procedure.pk}", "https://evil.example/")
    assert response["Location"] == "/#muc-do-hai-long"


def test_ratings_are_rate_limited(client, settings, hanoi, procedure, article):
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "satisfaction": (1, 600)}
    assert send(client, f"page:{procedure.pk}", "/").status_code == 303
    refused = send(client, f"page:{article.pk}", "/")
    assert refused.status_code == 429 and refused.has_header("Retry-After")
    assert Rating.objects.count() == 1


def test_rated_pages_stay_in_the_response_cache(
    client, response_cache, hanoi, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):  # its publication purges now, not with the rating
        procedure = make_procedure(hanoi, "Cấp lại sổ bảo hiểm xã hội")
    later = time.time() + store.CLOCK_SKEW + 1  # past the margin that keeps an answer of a fresh purge out
    monkeypatch.setattr(time, "time", lambda: later)
    url = procedure.relative_url(hanoi)
    client.get(url, HTTP_HOST=HANOI)
    with CaptureQueriesContext(connection) as queries:
        cached = client.get(url, HTTP_HOST=HANOI)
    assert cached.status_code == 200 and len(queries) == 0 and widget(BeautifulSoup(cached.content, "html.parser"))

    rater = Client()
    with django_capture_on_commit_callbacks(execute=True):
        assert send(rater, f"page:{procedure.pk}", url).status_code == 303
    assert THANKS in widget(page_of(rater, url)).text  # the rater's own visit, past the cache

    with CaptureQueriesContext(connection) as queries:
        other = Client().get(url, HTTP_HOST=HANOI)
    assert len(queries) == 0  # the rating purged nothing the page shows
    assert THANKS not in other.content.decode()
