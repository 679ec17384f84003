"""`POST /api/v1/information-requests/`: a request under the Law on Access to Information (art. 24).

It follows the question form's API (JSON only, unknown fields refused, bounded fields, a rate limit that
counts only well-formed requests) and reuses its helpers; the answer carries the tracking code and the
deadline, never the requester's personal data.
"""

import re
from typing import Annotated

from ninja import Field, Router, Schema, Status
from ninja.decorators import decorate_view
from pydantic import AfterValidator, ConfigDict
from pydantic_core import PydanticCustomError

from core.abuse import check_rate
from core.api.errors import problem_responses
from core.api.fields import Email, LocalDateTime, text
from core.api.scoping import SiteQuery, resolve_site
from core.api.submissions import json_only, too_many_requests

from . import information_requests
from .models import DeliveryForm, RequestStatus
from .request_forms import ID_NUMBER_MESSAGE, ID_NUMBER_PATTERN, LIMITS, PHONE_PATTERN

router = Router(tags=["Yêu cầu cung cấp thông tin"])


def optional(limit, pattern=None):
    return text(0, limit, pattern=f"^$|{pattern}") if pattern else text(0, limit)


def checked_id_number(value):
    """The rule of the public form, with its Vietnamese message rather than pydantic's pattern error."""
    if not re.fullmatch(ID_NUMBER_PATTERN, value):
        raise PydanticCustomError("id_number", ID_NUMBER_MESSAGE)
    return value


class InformationRequestIn(Schema):
    """The request form of art. 24.2 (Luật Tiếp cận thông tin); any field not listed is refused."""

    model_config = ConfigDict(extra="forbid")

    name: text(1, LIMITS["name"]) = Field(..., description="Họ và tên người yêu cầu.")
    address: text(1, LIMITS["address"]) = Field(..., description="Nơi cư trú.")
    id_number: Annotated[text(1, LIMITS["id_number"]), AfterValidator(checked_id_number)] = Field(
        ...,
        description="Số CCCD (12 chữ số), CMND (9 chữ số) hoặc hộ chiếu (một chữ cái và 7–8 chữ số).",
        json_schema_extra={"pattern": ID_NUMBER_PATTERN},
    )
    email: Email = Field(..., description="Thư điện tử nhận mã và thông tin; không bao giờ công khai.")
    phone: optional(LIMITS["phone"], PHONE_PATTERN) = Field("", description="Số điện thoại (không bắt buộc).")
    fax: optional(LIMITS["fax"], PHONE_PATTERN) = Field("", description="Số fax (không bắt buộc).")
    organisation: optional(LIMITS["organisation"]) = Field("", description="Tổ chức được thay mặt (nếu có).")
    information: text(1, LIMITS["information"]) = Field(..., description="Thông tin cần cung cấp.")
    purpose: text(1, LIMITS["purpose"]) = Field(..., description="Lý do, mục đích yêu cầu.")
    delivery_form: DeliveryForm = Field(..., description="Hình thức nhận thông tin.")


class InformationRequestReceipt(Schema):
    tracking_code: str = Field(..., description="Mã yêu cầu, dạng `ABCDE-FGHJK`.")
    status: RequestStatus
    due_by: LocalDateTime = Field(..., description="Hạn cung cấp thông tin hoặc thông báo thời hạn cung cấp.")


@router.post(
    "/",
    response={201: InformationRequestReceipt, **problem_responses(400, 404, 413, 415, 429)},
    summary="Gửi yêu cầu cung cấp thông tin",
)
@decorate_view(json_only)
def submit_request(request, scope: SiteQuery, payload: InformationRequestIn):
    """A request to the site named by `?site=` or the Host header: 201 with its code and deadline.

    Answered within 3 working days of receipt, or the requester is told within those 3 days that the
    answer needs up to 15 (art. 30). Past the rate limit: 429 with `Retry-After`.
    """
    site = resolve_site(request, scope)
    throttled = check_rate(request, "information_request")
    if throttled:
        return too_many_requests(throttled)
    info_request = information_requests.submit(site, **payload.dict())
    return Status(
        201,
        InformationRequestReceipt(
            tracking_code=info_request.display_code, status=info_request.status, due_by=info_request.due_at
        ),
    )
