"""How the published OpenAPI schema documents errors: problem JSON, with when each status is given."""

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation

from .errors import PROBLEM_CONTENT_TYPE

# When each error answer is given, for every operation that documents it (its own description says more).
PROBLEM_DESCRIPTIONS = {
    400: "Tham số hoặc dữ liệu gửi lên không hợp lệ; `errors` nêu từng trường sai.",
    404: (
        "Không có trang mang tên miền `site` (hoặc Host), hoặc không có bản ghi được hỏi trên trang đó; "
        "số hiệu nguyên dương không ứng với bản ghi nào, dù lớn đến đâu, cũng là 404."
    ),
    409: "Yêu cầu mâu thuẫn với trạng thái hiện tại của bản ghi.",
    413: "Dữ liệu gửi lên lớn hơn giới hạn của máy chủ (nêu trong `detail`).",
    415: "Dữ liệu gửi lên không phải JSON (`Content-Type: application/json`).",
    429: "Vượt giới hạn số lần gửi của một máy khách; thử lại sau số giây trong `Retry-After`.",
}
RETRY_AFTER = {
    "description": "Số giây cần chờ trước khi gửi lại.",
    "schema": {"type": "integer", "minimum": 0},
}


class PortalOpenAPISchema(OpenAPISchema):
    """ninja's schema, with each error answer documented as it is sent: problem JSON, and ``Retry-After`` on 429.

    ninja documents every response under the renderer's media type (``application/json``), but errors are
    written by ``errors.problem`` as ``application/problem+json``; a client validating answers against the
    schema must find the media type it actually receives.
    """

    def responses(self, operation: Operation) -> dict[int, dict[str, Any]]:
        documented = super().responses(operation)
        for status, details in documented.items():
            if status >= 400 and "content" in details:
                details["description"] = PROBLEM_DESCRIPTIONS.get(status, details["description"])
                details["content"] = {PROBLEM_CONTENT_TYPE: details["content"][self.api.renderer.media_type]}
                if status == 429:
                    details["headers"] = {"Retry-After": RETRY_AFTER}
        return documented


class PortalAPI(NinjaAPI):
    """A NinjaAPI whose published schema is built by ``PortalOpenAPISchema``."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> PortalOpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return PortalOpenAPISchema(self, path_prefix)
