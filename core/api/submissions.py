"""What every public POST of the portal API shares: JSON only, and the 429 answer past the rate limit."""

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from django.http import HttpRequest, JsonResponse

from core.abuse import Throttled

from .errors import problem

_Params = ParamSpec("_Params")
_Result = TypeVar("_Result")


def json_only(
    run: Callable[Concatenate[HttpRequest, _Params], _Result],
) -> Callable[Concatenate[HttpRequest, _Params], _Result | JsonResponse]:
    """Refuse a body that is not JSON with 415 before ninja tries to parse it.

    Without this a form-encoded body would fail JSON parsing with a vague 400, and a JSON body sent as
    ``text/plain`` (which browsers send cross-site without a preflight) would be accepted.
    """

    @wraps(run)
    def checked(request: HttpRequest, *args: _Params.args, **kwargs: _Params.kwargs) -> _Result | JsonResponse:
        if request.content_type != "application/json":
            return problem(415, "Chỉ nhận dữ liệu JSON (Content-Type: application/json).")
        return run(request, *args, **kwargs)

    return checked


def too_many_requests(throttled: Throttled) -> JsonResponse:
    """Problem JSON 429 with ``Retry-After`` for a ``core.abuse.Throttled``."""
    response = problem(429, "Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau.")
    response["Retry-After"] = str(throttled.retry_after)
    return response
