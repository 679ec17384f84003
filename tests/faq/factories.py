"""Questions and requests for information, either stored as they are or received through the workflow.

``QuestionFactory`` stores a question in whatever state a test states (reports, inbox filters, confinement);
``AskedQuestionFactory`` receives it as the public form does (``faq.transitions.submit``: tracking code,
first deadline, receipt event and e-mail) and, given ``answer``, has it assigned, answered and published.
"""

import factory
from factory.django import DjangoModelFactory

from faq import information_requests, transitions
from faq.models import InformationRequest, Question
from tests.contacts.factories import UnitFactory

ASKER = {"name": "Nguyễn Văn An", "email": "nguoihoi.rieng@example.vn", "phone": "0912345678"}
ANSWERING_UNIT = "Phòng Chế độ bảo hiểm xã hội"
ANSWER = "Ông/Bà được hưởng khi đủ điều kiện theo Luật Bảo hiểm xã hội 2024."
# What a person types into the request-for-information form, every required field filled.
REQUEST_FORM = {
    "name": "Nguyễn Văn A",
    "address": "12 Láng Hạ, Hà Nội",
    "id_number": "001234567890",
    "email": "a@example.vn",
    "phone": "0912 345 678",
    "information": "Số liệu thu BHXH năm 2025",
    "purpose": "Nghiên cứu",
    "delivery_form": "email",
}


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    name = "Nguyễn Văn A"
    email = "nguoihoi@example.vn"
    title = factory.Sequence(lambda n: f"Câu hỏi thử {n}")
    body = "Nội dung câu hỏi."


class AskedQuestionFactory(QuestionFactory):
    """A question received from ``site``'s public; ``answer="…"`` (``answer__by=user``, ``answer__unit=unit``)
    takes it through assignment, answer and publication."""

    name = ASKER["name"]
    email = ASKER["email"]
    phone = ASKER["phone"]
    body = "Tôi muốn hỏi về điều kiện và mức hưởng theo quy định hiện hành."

    @classmethod
    def _create(cls, model_class, site, **fields):
        return transitions.submit(site, **fields)

    class Meta:
        skip_postgeneration_save = True  # the transitions save what they change

    @factory.post_generation
    def answer(question, create, extracted, by=None, unit=None, **kwargs):
        if create and extracted:
            unit = unit or UnitFactory(site=question.site, name=ANSWERING_UNIT)
            transitions.assign(question, by, unit=unit)
            transitions.answer(question, by, text=extracted)
            transitions.publish(question, by)


class InformationRequestFactory(DjangoModelFactory):
    """A request received through the form's path (``faq.information_requests.submit``), at ``now`` if given."""

    class Meta:
        model = InformationRequest

    now = None

    @classmethod
    def _create(cls, model_class, site, now=None, **fields):
        return information_requests.submit(site, **{**REQUEST_FORM, **fields}, now=now)
