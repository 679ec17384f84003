"""Vietnamese messages for pydantic's validation errors, which ninja reports in English ("Input should be less
than or equal to 100"): an API consumer shows them to citizens as they are.

The message is chosen by the error's ``type`` (pydantic_core's ``ErrorType``), filled from its ``ctx`` (bounds,
lengths, allowed values). Errors our own validators raise (``PydanticCustomError`` with a type of ours:
``nul_byte``, ``email``, ``record_id``, ``id_number``, ``personal_data``) are already written in Vietnamese and kept.
Any other pydantic type gets a message naming the field, so no English text ever reaches a consumer.
"""

from collections.abc import Mapping
from typing import Any, get_args

from pydantic_core.core_schema import ErrorType

PYDANTIC_TYPES = frozenset(get_args(ErrorType))

REQUIRED = "Trường này là bắt buộc."
AN_INTEGER = "Phải là một số nguyên."
A_NUMBER = "Phải là một số."
A_DECIMAL = "Phải là một số thập phân."
A_BOOLEAN = "Phải là giá trị đúng hoặc sai (true hoặc false)."
A_STRING = "Phải là một chuỗi ký tự."
AN_OBJECT = "Phải là một đối tượng JSON."
A_LIST = "Phải là một danh sách."
A_DATE = "Phải là một ngày theo dạng YYYY-MM-DD, ví dụ 2026-12-07."
A_TIME = "Phải là một giờ theo dạng HH:MM hoặc HH:MM:SS."
A_DATETIME = "Phải là một thời điểm theo ISO 8601, ví dụ 2026-12-07T09:00:00+07:00."
A_DURATION = "Phải là một khoảng thời gian."
A_URL = "Phải là một địa chỉ URL hợp lệ."
A_UUID = "Phải là một UUID hợp lệ."
ONE_OF = "Phải là một trong các giá trị: {expected}."
INVALID = "Giá trị không hợp lệ."
NOT_JSON = "Dữ liệu gửi lên không phải JSON hợp lệ."

MESSAGES = {
    "missing": REQUIRED,
    "missing_argument": REQUIRED,
    "missing_keyword_only_argument": REQUIRED,
    "missing_positional_only_argument": REQUIRED,
    "extra_forbidden": "Trường này không được chấp nhận.",
    "unexpected_keyword_argument": "Trường này không được chấp nhận.",
    "none_required": "Trường này phải để trống (null).",
    "greater_than": "Phải lớn hơn {gt}.",
    "greater_than_equal": "Phải lớn hơn hoặc bằng {ge}.",
    "less_than": "Phải nhỏ hơn {lt}.",
    "less_than_equal": "Phải nhỏ hơn hoặc bằng {le}.",
    "multiple_of": "Phải là bội số của {multiple_of}.",
    "finite_number": "Phải là một số hữu hạn.",
    "too_short": "Phải có ít nhất {min_length} phần tử.",
    "too_long": "Chỉ được có tối đa {max_length} phần tử.",
    "string_type": A_STRING,
    "string_unicode": "Phải là chuỗi ký tự Unicode hợp lệ.",
    "string_too_short": "Phải có ít nhất {min_length} ký tự.",
    "string_too_long": "Chỉ được có tối đa {max_length} ký tự.",
    "string_pattern_mismatch": "Không đúng định dạng yêu cầu.",
    "string_not_ascii": "Chỉ được dùng chữ cái, chữ số và ký hiệu ASCII.",
    "enum": ONE_OF,
    "literal_error": ONE_OF,
    "dict_type": AN_OBJECT,
    "model_type": AN_OBJECT,
    "model_attributes_type": AN_OBJECT,
    "dataclass_type": AN_OBJECT,
    "mapping_type": AN_OBJECT,
    "list_type": A_LIST,
    "tuple_type": A_LIST,
    "set_type": A_LIST,
    "frozen_set_type": A_LIST,
    "iterable_type": A_LIST,
    "bool_type": A_BOOLEAN,
    "bool_parsing": A_BOOLEAN,
    "int_type": AN_INTEGER,
    "int_parsing": AN_INTEGER,
    "int_parsing_size": "Số quá lớn.",
    "int_from_float": "Phải là một số nguyên, không có phần thập phân.",
    "float_type": A_NUMBER,
    "float_parsing": A_NUMBER,
    "decimal_type": A_DECIMAL,
    "decimal_parsing": A_DECIMAL,
    "decimal_max_digits": "Chỉ được có tối đa {max_digits} chữ số.",
    "decimal_max_places": "Chỉ được có tối đa {decimal_places} chữ số sau dấu thập phân.",
    "decimal_whole_digits": "Chỉ được có tối đa {whole_digits} chữ số trước dấu thập phân.",
    "date_type": A_DATE,
    "date_parsing": A_DATE,
    "date_from_datetime_parsing": A_DATE,
    "date_from_datetime_inexact": "Phải là một ngày, không kèm giờ.",
    "date_past": "Phải là một ngày đã qua.",
    "date_future": "Phải là một ngày trong tương lai.",
    "time_type": A_TIME,
    "time_parsing": A_TIME,
    "datetime_type": A_DATETIME,
    "datetime_parsing": A_DATETIME,
    "datetime_from_date_parsing": A_DATETIME,
    "datetime_object_invalid": A_DATETIME,
    "datetime_past": "Phải là một thời điểm đã qua.",
    "datetime_future": "Phải là một thời điểm trong tương lai.",
    "timezone_naive": "Không được kèm múi giờ.",
    "timezone_aware": "Phải kèm múi giờ, ví dụ +07:00.",
    "time_delta_type": A_DURATION,
    "time_delta_parsing": A_DURATION,
    "url_type": A_URL,
    "url_parsing": A_URL,
    "url_syntax_violation": A_URL,
    "url_too_long": "Địa chỉ URL chỉ được có tối đa {max_length} ký tự.",
    "url_scheme": "Địa chỉ URL phải bắt đầu bằng {expected_schemes}.",
    "uuid_type": A_UUID,
    "uuid_parsing": A_UUID,
    "uuid_version": A_UUID,
    "json_invalid": NOT_JSON,
    "json_type": "Phải là một chuỗi JSON.",
    "value_error": INVALID,
    "assertion_error": INVALID,
}


def message(error: Mapping[str, Any], field: str) -> str:
    """The Vietnamese message of one error entry (``type``, ``loc``, ``msg``, ``ctx``) about ``field``."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "Không được để trống."
    template = MESSAGES.get(kind)
    if template is not None:
        try:
            return template.format(**{name: shown(value, field) for name, value in ctx.items()})
        except (KeyError, IndexError):  # a context pydantic did not give this time
            return about(field)
    if kind in PYDANTIC_TYPES or not error.get("msg"):
        return about(field)
    return str(error["msg"])  # one of our own validators, written in Vietnamese


def about(field: str) -> str:
    """The message for an error without one of its own, naming the field."""
    if field and field != "__all__":
        return f"Giá trị của trường “{field}” không hợp lệ."
    return "Dữ liệu gửi lên không hợp lệ."


def shown(value: object, field: str) -> str:
    """A bound or a list of allowed values as a Vietnamese reader writes it: 5.000 for 5000 (but a year as 1945),
    'a' hoặc 'b'."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value) if field.rsplit(".", 1)[-1].endswith("year") else f"{value:,}".replace(",", ".")
    return str(value).replace(" or ", " hoặc ")
