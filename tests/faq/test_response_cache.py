"""A vote on an answer is counted with an UPDATE (no save signal): the cached API answer must still follow it."""

from django.test import Client

from faq.models import Question
from tests.faq.factories import ANSWER, AskedQuestionFactory
from tests.support.sites import HANOI


def helpful_counts(question_id):
    items = Client().get("/api/v1/questions/", HTTP_HOST=HANOI).json()["items"]
    return next(item["helpful"] for item in items if item["id"] == question_id)


def test_a_vote_shows_in_the_cached_api_at_once(response_cache, hanoi, django_capture_on_commit_callbacks):
    question = AskedQuestionFactory(site=hanoi, title="Đăng ký bảo hiểm y tế hộ gia đình", answer=ANSWER)
    assert helpful_counts(question.pk) == helpful_counts(question.pk) == {"yes": 0, "no": 0}
    with django_capture_on_commit_callbacks(execute=True):
        assert Client(HTTP_HOST=HANOI).post(f"/hoi-dap/{question.pk}/", {"huu-ich": "co"}).status_code == 303
    assert Question.objects.get(pk=question.pk).helpful_yes == 1
    assert helpful_counts(question.pk) == {"yes": 1, "no": 0}
