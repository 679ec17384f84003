"""The shapes of /api/v1/questions/: what the public may send and what it gets back, never personal data.

Out-schemas list their fields one by one (no ``ModelSchema`` with ``fields="__all__"``), so a field added
to ``Question`` later (an e-mail, a phone) can never leak into a public answer by accident.
"""

from ninja import Field, Schema
from pydantic import ConfigDict

from core.api.fields import Email, LocalDateTime, text
from core.api.scoping import SiteFilter
from multisite_config.topics import TopicOut

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


def answer_url(question):
    """The public page of a published answer, on the question's own site."""
    return f"{question.site.root_url}/hoi-dap/{question.pk}/"
