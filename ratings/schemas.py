"""The shapes of /api/v1/ratings/: what the public may send (a level, a target, an optional comment without
personal data) and the summary it gets back. No answer ever holds a comment: comments are for the site's board."""

from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict
from pydantic_core import PydanticCustomError

from core.api.fields import LocalDateTime, text
from core.api.scoping import SiteFilter

from . import privacy
from .models import MAX_COMMENT, Level
from .targets import KEY_PATTERN

TARGET_DESCRIPTION = (
    "Nội dung được đánh giá: `page:<số hiệu trang>` (thủ tục hành chính, văn bản, tin bài, trang nội dung), "
    "`answer:<số hiệu câu hỏi>` (câu trả lời đã công khai), hoặc chỉ số hiệu trang."
)


def without_personal_data(comment: str) -> str:
    if privacy.personal_data_in(comment):
        raise PydanticCustomError("personal_data", privacy.MESSAGE)
    return comment


Comment = Annotated[text(0, MAX_COMMENT), AfterValidator(without_personal_data)]
TargetKey = text(1, 40, pattern=KEY_PATTERN)


class RatingIn(Schema):
    """An anonymous rating (API.md); any field not listed here is refused, not ignored."""

    model_config = ConfigDict(extra="forbid")

    target: TargetKey = Field(..., description=TARGET_DESCRIPTION)
    level: Level = Field(..., description="Mức độ hài lòng: rất hài lòng, hài lòng, không hài lòng.")
    comment: Comment | None = Field(
        None,
        description=f"Ý kiến (không bắt buộc, tối đa {MAX_COMMENT} ký tự); không được chứa thư điện tử, "
        "số điện thoại hay số CMND/CCCD. Không bao giờ công khai.",
    )


class RatingReceipt(Schema):
    target: str = Field(..., description="Khóa ổn định của nội dung được đánh giá, dạng `page:12`.")
    level: Level
    created_at: LocalDateTime


class SummaryFilter(SiteFilter):
    target: TargetKey | None = Field(None, description=TARGET_DESCRIPTION + " Bỏ trống: cả trang.")


class LevelCount(Schema):
    level: Level
    label: str = Field(..., description="Tên mức độ, như trên biểu mẫu.")
    count: int


class SummaryOut(Schema):
    site: str = Field(..., description="Tên miền của trang.")
    target: str | None = Field(..., description="Khóa của nội dung, hoặc `null` khi tổng hợp cả trang.")
    levels: list[LevelCount]
    total: int
    satisfied_share: float | None = Field(
        ...,
        description="Tỷ lệ hài lòng (rất hài lòng và hài lòng) trên tổng số, %, một chữ số thập phân; "
        "`null` khi chưa có đánh giá.",
    )
