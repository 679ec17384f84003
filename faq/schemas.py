"""The shapes of /api/v1/questions/ and /api/v1/information-requests/: what the public may send and what it gets
back, never personal data.

Out-schemas list their fields one by one (no ``ModelSchema`` with ``fields="__all__"``), so a field added
to ``Question`` later (an e-mail, a phone) can never leak into a public answer by accident.
"""

import re
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict
from pydantic_core import PydanticCustomError

from core.api.fields import Email, LocalDateTime, text
from core.api.scoping import SiteFilter
from multisite_config.topics import TopicOut

from .models import DeliveryForm, QuestionStatus, RequestStatus
from .request_forms import ID_NUMBER_MESSAGE, ID_NUMBER_PATTERN, LIMITS
from .request_forms import PHONE_PATTERN as REQUEST_PHONE_PATTERN

MIN_TITLE = 5
MAX_TITLE = 200
MIN_BODY = 20
MAX_BODY = 5000
MAX_NAME = 120
MAX_TOPIC = 120
MAX_QUERY = 200
PHONE_PATTERN = r"^(\+?[0-9][0-9 .\-]{7,18})?$"  # empty: no phone


class QuestionIn(Schema):
    """A question from the public (API.md); any field not listed here is refused, not ignored."""

    model_config = ConfigDict(extra="forbid")

    name: text(1, MAX_NAME) = Field(..., description="Họ và tên người hỏi.")
    email: Email = Field(
        ...,
        description="Thư điện tử nhận mã tra cứu và câu trả lời; không bao giờ công khai.",
    )
    phone: text(0, 20, pattern=PHONE_PATTERN) | None = Field(
        None,
        description="Số điện thoại (không bắt buộc); không bao giờ công khai.",
    )
    topic: text(0, MAX_TOPIC) | None = Field(None, description="Mã (slug) hoặc số hiệu của chủ đề.")
    title: text(MIN_TITLE, MAX_TITLE) = Field(..., description="Tiêu đề câu hỏi.")
    body: text(MIN_BODY, MAX_BODY) = Field(..., description="Nội dung câu hỏi.")
    publish_consent: bool = Field(..., description="Đồng ý công khai họ tên cùng câu trả lời.")


class QuestionReceipt(Schema):
    tracking_code: str = Field(..., description="Mã tra cứu, dạng `ABCDE-FGHJK`.")
    status: str
    received_at: LocalDateTime
    due_by: LocalDateTime | None = Field(..., description="Hạn của bước xử lý hiện tại.")

    @staticmethod
    def resolve_tracking_code(question):
        return question.display_code

    @staticmethod
    def resolve_due_by(question):
        return question.due_at


class QuestionFilter(SiteFilter):
    q: text(0, MAX_QUERY) | None = Field(None, description="Từ khóa; không phân biệt dấu và hoa thường.")
    topic: text(0, MAX_TOPIC) | None = Field(
        None,
        description="Mã (slug) hoặc số hiệu của chủ đề; chủ đề không tồn tại là lỗi 400.",
    )


class HelpfulOut(Schema):
    yes: int
    no: int


class PublishedQuestionOut(Schema):
    id: int
    title: str
    body: str
    answer: str
    topic: TopicOut | None
    asker_name: str | None = Field(..., description="Chỉ có khi người hỏi đồng ý công khai họ tên.")
    received_at: LocalDateTime
    published_at: LocalDateTime
    last_reviewed_at: LocalDateTime | None
    url: str = Field(..., description="Trang công khai của câu trả lời.")
    helpful: HelpfulOut

    @staticmethod
    def resolve_asker_name(question):
        return question.public_name or None

    @staticmethod
    def resolve_url(question):
        return answer_url(question)

    @staticmethod
    def resolve_helpful(question):
        return {"yes": question.helpful_yes, "no": question.helpful_no}


class TrackingOut(Schema):
    """Where a question stands, for whoever holds its code: dates and decisions, nothing about the asker."""

    tracking_code: str
    status: str
    status_label: str
    received_at: LocalDateTime
    due_by: LocalDateTime | None = Field(
        ...,
        description="Hạn của bước hiện tại; không có khi đã kết thúc. Khi tạm dừng, hạn được lùi thêm "
        "số ngày làm việc chờ người hỏi.",
    )
    paused: bool
    pause_reason: str | None
    refusal_reason: str | None
    answer: str | None = Field(..., description="Câu trả lời, khi đã gửi và đăng công khai.")
    published_at: LocalDateTime | None
    url: str | None = Field(..., description="Trang công khai của câu trả lời, khi đã đăng.")

    @staticmethod
    def resolve_tracking_code(question):
        return question.display_code

    @staticmethod
    def resolve_status_label(question):
        return question.get_status_display()

    @staticmethod
    def resolve_due_by(question):
        return question.due_at if question.is_open else None

    @staticmethod
    def resolve_paused(question):
        return question.paused_at is not None

    @staticmethod
    def resolve_pause_reason(question):
        return question.pause_reason if question.paused_at else None

    @staticmethod
    def resolve_refusal_reason(question):
        return question.refusal_reason if question.status == QuestionStatus.REFUSED else None

    @staticmethod
    def resolve_answer(question):
        return question.answer if question.status == QuestionStatus.PUBLISHED else None

    @staticmethod
    def resolve_published_at(question):
        return question.published_at if question.status == QuestionStatus.PUBLISHED else None

    @staticmethod
    def resolve_url(question):
        return answer_url(question) if question.status == QuestionStatus.PUBLISHED else None


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
    phone: optional(LIMITS["phone"], REQUEST_PHONE_PATTERN) = Field("", description="Số điện thoại (không bắt buộc).")
    fax: optional(LIMITS["fax"], REQUEST_PHONE_PATTERN) = Field("", description="Số fax (không bắt buộc).")
    organisation: optional(LIMITS["organisation"]) = Field("", description="Tổ chức được thay mặt (nếu có).")
    information: text(1, LIMITS["information"]) = Field(..., description="Thông tin cần cung cấp.")
    purpose: text(1, LIMITS["purpose"]) = Field(..., description="Lý do, mục đích yêu cầu.")
    delivery_form: DeliveryForm = Field(..., description="Hình thức nhận thông tin.")


class InformationRequestReceipt(Schema):
    tracking_code: str = Field(..., description="Mã yêu cầu, dạng `ABCDE-FGHJK`.")
    status: RequestStatus
    due_by: LocalDateTime = Field(..., description="Hạn cung cấp thông tin hoặc thông báo thời hạn cung cấp.")

    @staticmethod
    def resolve_tracking_code(info_request):
        return info_request.display_code

    @staticmethod
    def resolve_due_by(info_request):
        return info_request.due_at


class InformationRequestTrackingOut(Schema):
    """Where a request stands, for whoever holds its code: its state and dates, never what was asked, the
    answer or anything about the requester."""

    tracking_code: str = Field(..., description="Mã yêu cầu, dạng `ABCDE-FGHJK`.")
    status: RequestStatus
    status_label: str
    received_at: LocalDateTime
    notified_at: LocalDateTime | None = Field(..., description="Lúc thông báo cần thêm thời gian tập hợp thông tin.")
    extension_days: int = Field(..., description="Số ngày (theo lịch) được gia hạn; 0 nếu không gia hạn.")
    due_by: LocalDateTime | None = Field(..., description="Hạn của bước hiện tại; không có khi đã kết thúc.")
    late: bool = Field(..., description="Đã quá hạn mà chưa kết thúc.")
    closed_at: LocalDateTime | None = Field(..., description="Lúc cung cấp, từ chối hoặc hướng dẫn (kết thúc).")

    @staticmethod
    def resolve_tracking_code(info_request):
        return info_request.display_code

    @staticmethod
    def resolve_status_label(info_request):
        return info_request.get_status_display()

    @staticmethod
    def resolve_due_by(info_request):
        return info_request.due_at if info_request.is_open else None

    @staticmethod
    def resolve_late(info_request):
        return info_request.is_late()


def answer_url(question):
    """The public page of a published answer, on the question's own site."""
    return f"{question.site.root_url}/hoi-dap/{question.pk}/"
