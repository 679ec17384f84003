"""Validation errors of /api/v1/ in Vietnamese: pydantic's English messages ("Input should be less than or equal to
100") become Vietnamese ones under the field's name; our validators' own messages are kept."""

import json

import pytest

from core.api.validation_messages import PYDANTIC_TYPES, message
from tests.support.api import assert_vietnamese
from tests.support.sites import HANOI

QUESTIONS = "/api/v1/questions/"


def errors_of(response):
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] == "Dữ liệu gửi lên không hợp lệ."
    assert_vietnamese(text for messages in body["errors"].values() for text in messages)
    return body["errors"]


def post_question(client, payload):
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(QUESTIONS, body, content_type="application/json", HTTP_HOST=HANOI)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ({"type": "less_than_equal", "ctx": {"le": 100}}, "Phải nhỏ hơn hoặc bằng 100."),
        ({"type": "greater_than_equal", "ctx": {"ge": 1}}, "Phải lớn hơn hoặc bằng 1."),
        ({"type": "greater_than", "ctx": {"gt": 0}}, "Phải lớn hơn 0."),
        ({"type": "less_than", "ctx": {"lt": 2101}}, "Phải nhỏ hơn 2.101."),
        ({"type": "missing"}, "Trường này là bắt buộc."),
        ({"type": "string_too_long", "ctx": {"max_length": 5000}}, "Chỉ được có tối đa 5.000 ký tự."),
        ({"type": "string_too_short", "ctx": {"min_length": 10}}, "Phải có ít nhất 10 ký tự."),
        ({"type": "string_too_short", "ctx": {"min_length": 1}}, "Không được để trống."),
        ({"type": "string_pattern_mismatch", "ctx": {"pattern": "^x$"}}, "Không đúng định dạng yêu cầu."),
        ({"type": "int_parsing"}, "Phải là một số nguyên."),
        ({"type": "value_error", "ctx": {"error": ValueError("bad")}}, "Giá trị không hợp lệ."),
        (
            {"type": "enum", "ctx": {"expected": "'open' or 'closed'"}},
            "Phải là một trong các giá trị: 'open' hoặc 'closed'.",
        ),
        (
            {"type": "literal_error", "ctx": {"expected": "'a', 'b' or 'c'"}},
            "Phải là một trong các giá trị: 'a', 'b' hoặc 'c'.",
        ),
        ({"type": "bool_parsing"}, "Phải là giá trị đúng hoặc sai (true hoặc false)."),
        (
            {"type": "date_from_datetime_parsing", "ctx": {"error": "x"}},
            "Phải là một ngày theo dạng YYYY-MM-DD, ví dụ 2026-12-07.",
        ),
        (
            {"type": "datetime_parsing", "ctx": {"error": "x"}},
            "Phải là một thời điểm theo ISO 8601, ví dụ 2026-12-07T09:00:00+07:00.",
        ),
        ({"type": "json_invalid", "ctx": {"error": "EOF"}}, "Dữ liệu gửi lên không phải JSON hợp lệ."),
        ({"type": "extra_forbidden"}, "Trường này không được chấp nhận."),
        # Our validators' messages (core/api/fields.py, legal/api.py) are Vietnamese already: kept.
        ({"type": "email", "msg": "Địa chỉ thư điện tử không hợp lệ."}, "Địa chỉ thư điện tử không hợp lệ."),
        ({"msg": "Loại văn bản không có: “x”."}, "Loại văn bản không có: “x”."),
        # A type without a message of its own, or one whose context is missing: the field is named.
        ({"type": "union_tag_invalid", "msg": "Input tag 'x' found…"}, "Giá trị của trường “email” không hợp lệ."),
        ({"type": "less_than_equal", "msg": "Input should be…"}, "Giá trị của trường “email” không hợp lệ."),
    ],
)
def test_each_error_type_has_its_vietnamese_message(error, expected):
    assert message(error, "email") == expected


def test_a_year_is_written_without_a_thousands_separator():
    assert message({"type": "less_than_equal", "ctx": {"le": 2100}}, "year") == "Phải nhỏ hơn hoặc bằng 2100."


@pytest.mark.parametrize("kind", sorted(PYDANTIC_TYPES))
def test_every_pydantic_error_type_gets_a_vietnamese_message(kind):
    english = {"type": kind, "msg": "Input should be something", "ctx": {}}

    assert_vietnamese([message(english, "limit"), message(english, "__all__")])


@pytest.mark.parametrize(
    ("query", "field", "expected"),
    [
        ("limit=500", "limit", "Phải nhỏ hơn hoặc bằng 100."),
        ("limit=0", "limit", "Phải lớn hơn hoặc bằng 1."),
        ("limit=abc", "limit", "Phải là một số nguyên."),
        ("offset=-1", "offset", "Phải lớn hơn hoặc bằng 0."),
        ("offset=99999999", "offset", "Phải nhỏ hơn hoặc bằng 1.000.000."),
        ("q=" + "a" * 201, "q", "Chỉ được có tối đa 200 ký tự."),
    ],
)
def test_a_bad_query_parameter_is_refused_in_vietnamese(client, db, query, field, expected):
    assert errors_of(client.get(f"/api/v1/news/?{query}", HTTP_HOST=HANOI)) == {field: [expected]}


def test_a_bad_year_and_a_bad_path_id_are_refused_in_vietnamese(client, db):
    assert errors_of(client.get("/api/v1/documents/?year=1900", HTTP_HOST=HANOI)) == {
        "year": ["Phải lớn hơn hoặc bằng 1945."]
    }
    assert errors_of(client.get("/api/v1/documents/abc/", HTTP_HOST=HANOI)) == {
        "id": ["Số hiệu phải là một số nguyên dương."]
    }


def test_a_submission_names_every_wrong_field_in_vietnamese(client, db):
    errors = errors_of(
        post_question(
            client, {"name": "", "email": "khong-phai-thu", "title": "Hỏi", "publish_consent": "có lẽ", "x": 1}
        )
    )

    assert errors["name"] == ["Không được để trống."]
    assert errors["email"] == ["Địa chỉ thư điện tử không hợp lệ."]
    assert errors["title"][0].startswith("Phải có ít nhất ")
    assert errors["body"] == ["Trường này là bắt buộc."]
    assert errors["publish_consent"] == ["Phải là giá trị đúng hoặc sai (true hoặc false)."]
    assert errors["x"] == ["Trường này không được chấp nhận."]


@pytest.mark.parametrize("payload", ["[]", '"chuỗi"', "null", "{}"])
def test_a_body_that_is_not_the_expected_object_is_refused_in_vietnamese(client, db, payload):
    assert errors_of(post_question(client, payload))


@pytest.mark.parametrize("payload", [b"{kh\xc3\xb4ng ph\xe1\xba\xa3i json", b"\xff\xfe{", b'{"name": "a",}'])
def test_a_body_that_is_not_json_is_refused_in_vietnamese(client, db, payload):
    response = client.post(QUESTIONS, payload, content_type="application/json", HTTP_HOST=HANOI)

    assert errors_of(response) == {"__all__": ["Dữ liệu gửi lên không phải JSON hợp lệ."]}
