"""What every public POST of the portal API shares: JSON only, and the 429 answer past the rate limit."""

from functools import wraps

from .errors import problem


def json_only(run):
    """Refuse a body that is not JSON with 415 before ninja tries to parse it.

    Without this a form-encoded body would fail JSON parsing with a vague 400, and a JSON body sent as
    ``text/plain`` (which browsers send cross-site without a preflight) would be accepted.
    """

    @wraps(run)
    def checked(request, *args, **kwargs):
        if request.content_type != "application/json":
            return problem(415, "Chỉ nhận dữ liệu JSON (Content-Type: application/json).")
        return run(request, *args, **kwargs)

    return checked


def too_many_requests(throttled):
    """Problem JSON 429 with ``Retry-After`` for a ``core.abuse.Throttled``."""
    response = problem(429, "Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau.")
    response["Retry-After"] = str(throttled.retry_after)
    return response
