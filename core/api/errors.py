"""Problem JSON (RFC 9457) for every error the API returns: a message, per-field errors, never a trace."""

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from ninja import Field, NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from . import validation_messages

logger = logging.getLogger(__name__)

API_PREFIX = "/api/v1/"
PROBLEM_CONTENT_TYPE = "application/problem+json"
TITLES = {
    400: "Yêu cầu không hợp lệ",
    401: "Chưa xác thực",
    403: "Không có quyền",
    404: "Không tìm thấy",
    405: "Phương thức không được hỗ trợ",
    409: "Xung đột dữ liệu",
    413: "Dữ liệu quá lớn",
    415: "Kiểu dữ liệu không được hỗ trợ",
    429: "Quá nhiều yêu cầu",
    500: "Lỗi máy chủ",
}
LOCATION_PARTS = {"query", "path", "body", "header", "cookie", "form", "payload", "file"}


class Problem(Schema):
    """The body of every error answer (RFC 9457 problem details), with the messages per field in ``errors``."""

    type: str = Field(..., description="Loại lỗi (RFC 9457); hiện luôn là `about:blank`.")
    title: str = Field(..., description="Tên của mã trạng thái, ví dụ `Không tìm thấy`.")
    status: int = Field(..., description="Mã trạng thái HTTP, như của phản hồi.")
    detail: str = Field(..., description="Giải thích cho người đọc.")
    errors: dict[str, list[str]] = Field(
        ..., description="Lỗi theo từng trường: tên trường (`site`, `limit`, `email`…) → các thông báo; có thể rỗng."
    )


def problem_responses(*statuses: int) -> dict[int, type[Problem]]:
    """``response=`` entries documenting that an operation can answer each of ``statuses`` with problem JSON."""
    return dict.fromkeys(statuses, Problem)


def problem(status: int, detail: str, errors: Mapping[str, list[str]] | None = None) -> JsonResponse:
    """A problem-JSON response; ``errors`` maps a field name to its messages."""
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "Lỗi"),
        "status": status,
        "detail": str(detail),
        "errors": errors or {},
    }
    return JsonResponse(
        body, status=status, content_type=PROBLEM_CONTENT_TYPE, json_dumps_params={"ensure_ascii": False}
    )


def field_errors(validation_errors: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Group pydantic/ninja error entries by the name of the field they concern, each message in Vietnamese
    (core/api/validation_messages.py)."""
    grouped: dict[str, list[str]] = {}
    for error in validation_errors:
        field = ".".join(field_path(error.get("loc", ()))) or "__all__"
        grouped.setdefault(field, []).append(validation_messages.message(error, field))
    return grouped


def field_path(loc: Iterable[object]) -> list[str]:
    """An error's location without what ninja puts in front: where (``body``, ``query``…), then ``payload``.

    Only the front is stripped, so a field that is itself named ``body`` (a question's text) keeps its name.
    """
    parts = [str(part) for part in loc]
    if parts and parts[0] in LOCATION_PARTS:
        parts = parts[1:]
    if parts and parts[0] == "payload":
        parts = parts[1:]
    return parts


def install(api: NinjaAPI) -> None:
    """Register the problem-JSON handlers on a NinjaAPI.

    ninja looks handlers up along the exception's class hierarchy, so Django's own exceptions need a
    handler of their own: without one they would fall through to ``Exception`` and become a 500.
    """

    @api.exception_handler(ValidationError)
    def on_validation_error(request: HttpRequest, exc: ValidationError) -> JsonResponse:
        return problem(400, "Dữ liệu gửi lên không hợp lệ.", field_errors(exc.errors))

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> JsonResponse:
        return problem(404, str(exc) or "Không tìm thấy tài nguyên.")

    @api.exception_handler(AuthenticationError)
    def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> JsonResponse:
        return problem(401, "Cần đăng nhập.")

    @api.exception_handler(PermissionDenied)
    def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> JsonResponse:
        return problem(403, str(exc) or "Không có quyền thực hiện thao tác này.")

    @api.exception_handler(RequestDataTooBig)
    def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> JsonResponse:
        # A SuspiciousOperation too, but the client did nothing odd: the body is larger than the server takes.
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return problem(413, f"Dữ liệu gửi lên vượt quá giới hạn {limit} byte.")

    @api.exception_handler(SuspiciousOperation)
    def on_suspicious(request: HttpRequest, exc: SuspiciousOperation) -> JsonResponse:
        return problem(400, "Yêu cầu không hợp lệ.")

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> JsonResponse:
        if exc.status_code == 400 and isinstance(exc.__cause__, ValueError):
            # ninja's own answer to a body that is not JSON (or not UTF-8), in English: "Cannot parse request body".
            return problem(400, "Dữ liệu gửi lên không hợp lệ.", {"__all__": [validation_messages.NOT_JSON]})
        return problem(exc.status_code, str(exc))

    @api.exception_handler(Exception)
    def on_unexpected(request: HttpRequest, exc: Exception) -> JsonResponse:
        logger.exception("Unhandled API error on %s", request.path)
        return problem(500, "Đã có lỗi xảy ra; vui lòng thử lại sau.")


class ProblemJsonMiddleware:
    """Rewrites as problem JSON the error answers under /api/v1/ that never reached ninja's handlers.

    ninja answers a method a path does not take with a plain-text 405 of its own, and the API root,
    Django's Host check (400) or a failing middleware answer in HTML; a client of the API must get one
    format whatever went wrong. The answer is rewritten in place, so its status and headers (``Allow``,
    ``Retry-After``, ``Vary``, cookies) stay as they were.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if isinstance(response, HttpResponse) and is_unformatted_api_error(request, response):
            rewrite_as_problem(request, response)
        return response


def is_unformatted_api_error(request: HttpRequest, response: HttpResponseBase) -> bool:
    return (
        request.path.startswith(API_PREFIX)
        and response.status_code >= 400
        and not response.streaming
        and not response.get("Content-Type", "").startswith(PROBLEM_CONTENT_TYPE)
    )


def rewrite_as_problem(request: HttpRequest, response: HttpResponse) -> None:
    if response.status_code == 405:
        detail = f"Địa chỉ này không nhận phương thức {request.method}; chỉ nhận {response.get('Allow', '')}."
    else:
        detail = f"{TITLES.get(response.status_code, 'Lỗi')}."
    replacement = problem(response.status_code, detail)
    response.content = replacement.content
    response["Content-Type"] = replacement["Content-Type"]
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
