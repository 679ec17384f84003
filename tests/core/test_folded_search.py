"""The one folded search (``core.search``): how a query becomes terms, what it finds, and who builds ``search_text``."""

import unicodedata

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from core.search import MAX_TERMS, FoldedSearchMixin, folded_query, folded_search
from faq.models import Question
from legal.models import AdministrativeProcedurePage


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("query", "terms", "phrase"),
    [
        ("Đà Nẵng", ["da", "nang"], "da nang"),
        ("ĐẮK   LẮK", ["dak", "lak"], "dak lak"),
        ("Thẻ bảo hiểm y tế?", ["the", "bao", "hiem", "y", "te"], "the bao hiem y te"),
        ("“tiếp cận thông tin”", ["tiep", "can", "thong", "tin"], "tiep can thong tin"),
        ("‘Đà Nẵng’…", ["da", "nang"], "da nang"),
        ("Đà Nẵng, Hà Nội", ["da", "nang", "ha", "noi"], "da nang, ha noi"),
        ("(2024) lương hưu; thai sản!", ["2024", "luong", "huu", "thai", "san"], "2024) luong huu; thai san"),
        ("Công văn 07/BHXH-PC.", ["cong", "van", "07/bhxh-pc"], "cong van 07/bhxh-pc"),
        ("thủ tục 1.000123", ["thu", "tuc", "1.000123"], "thu tuc 1.000123"),
        ("bảo hiểm – bảo hiểm", ["bao", "hiem"], "bao hiem - bao hiem"),
        (nfd("Đà Nẵng “hỏi đáp”?"), ["da", "nang", "hoi", "dap"], 'da nang "hoi dap'),
        ("  ? … – ", [], ""),
    ],
)
def test_a_query_is_folded_into_words_without_the_punctuation_around_them(query, terms, phrase):
    assert folded_query(query) == (terms, phrase)


def test_a_query_has_at_most_max_terms_distinct_words():
    words = [f"tu{index}" for index in range(MAX_TERMS + 4)]
    assert folded_query(" ".join(words + words))[0] == words[:MAX_TERMS]


@pytest.fixture
def ask(hanoi):
    def make(title, body="", answer=""):
        fields = {"title": title, "body": body, "answer": answer}
        return Question.objects.create(site=hanoi, name="A", email="a@example.vn", **fields)

    return make


def test_folded_search_finds_every_word_whatever_the_diacritics_case_and_punctuation(ask):
    danang = ask("Đóng bảo hiểm xã hội tại Đà Nẵng", body="Tôi làm việc ở Đà Nẵng, Hà Nội.")
    card = ask("Thẻ bảo hiểm y tế học sinh, sinh viên", answer="Cấp thẻ tại trường.")
    questions = Question.objects.filter(pk__in=[danang.pk, card.pk])

    def found(query):
        return set(folded_search(questions, query))

    assert found("da nang") == {danang}
    assert found("ĐÀ NẴNG") == {danang}
    assert found(nfd("Đà Nẵng")) == {danang}
    assert found("dong bao hiem") == {danang}  # đ is d
    assert found("Đà Nẵng?") == {danang}
    assert found("“Đà Nẵng”") == {danang}
    assert found("Đà Nẵng, Hà Nội") == {danang}
    assert found("hoc sinh, sinh vien?") == {card}
    assert found("the tai truong") == {card}  # the answer is part of a question's text
    assert found("bao hiem") == {danang, card}
    assert found("bao hiem da lat") == set()  # every word must appear
    assert found("?") == {danang, card}  # no word: no filter, as an empty query


def test_the_phrase_ranks_records_holding_the_words_together(ask):
    together = ask("Luật tiếp cận thông tin")
    apart = ask("Cán bộ tiếp nhận, cung cấp thông tin")
    questions = Question.objects.filter(pk__in=[together.pk, apart.pk])

    for query in ("Tiếp cận thông tin?", "“tiep can thong tin”", "tiếp cận thông tin"):
        ranked = folded_search(questions, query, rank_phrase=True)
        assert {question.pk: question.phrase_match for question in ranked} == {together.pk: True, apart.pk: False}
    assert not hasattr(folded_search(questions, "thong tin").first(), "phrase_match")


def test_save_builds_search_text_from_the_declared_fields_and_rich_text_without_markup(ask):
    question = ask("Hỏi về Đà Nẵng", body="Nội dung")
    assert question.search_text == "hoi ve da nang noi dung"
    question.answer = "Trả lời: đã rõ."
    question.save()
    question.refresh_from_db()
    assert question.search_text == "hoi ve da nang noi dung tra loi: da ro."

    procedure = AdministrativeProcedurePage(
        title="Cấp sổ BHXH",
        code="1.000123",
        field_name="Thu",
        agency="BHXH tỉnh",
        steps="<p>Bước <b>một</b></p>",
        dossier="",
    )
    assert procedure.build_search_text() == "cap so bhxh 1.000123 thu bhxh tinh buoc mot"


def models_with_search_text():
    found = []
    for model in apps.get_models():
        try:
            model._meta.get_field("search_text")
        except FieldDoesNotExist:
            continue
        found.append(model)
    return found


def test_every_model_with_search_text_declares_its_fields_and_builds_it_the_shared_way():
    models_found = models_with_search_text()
    assert {model._meta.label for model in models_found} >= {
        "legal.LegalDocumentPage",
        "legal.AdministrativeProcedurePage",
        "legal.DraftDocumentPage",
        "home.NewsPage",
        "faq.Question",
    }
    for model in models_found:
        assert issubclass(model, FoldedSearchMixin), f"{model._meta.label} fills search_text by hand"
        assert model.build_search_text is FoldedSearchMixin.build_search_text, model._meta.label
        assert model.folded_search_fields, f"{model._meta.label} declares no folded_search_fields"
        for name in model.folded_search_fields:
            field = model._meta.get_field(name)
            assert field.concrete and isinstance(field, models.CharField | models.TextField), (model, name)
