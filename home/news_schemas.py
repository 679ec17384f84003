"""The shapes of /api/v1/news/: each public field listed one by one, so a new model field never leaks out."""

from ninja import Field, Schema

from core.api.fields import LocalDateTime, text
from core.api.scoping import SiteFilter
from multisite_config.topics import TopicOut

MAX_QUERY = 200
MAX_TOPIC = 120


class NewsFilter(SiteFilter):
    q: text(0, MAX_QUERY) | None = Field(None, description="Từ khóa trong tiêu đề, sa pô; không phân biệt dấu.")
    topic: text(0, MAX_TOPIC) | None = Field(
        None,
        description="Mã (slug) hoặc số hiệu của chủ đề; chủ đề không tồn tại là lỗi 400.",
    )


class ImageOut(Schema):
    url: str
    alt: str


class NewsOut(Schema):
    id: int
    title: str
    lead: str
    image: ImageOut | None
    author: str
    source: str
    source_url: str
    event_date: str | None = Field(..., description="Ngày diễn ra sự kiện (YYYY-MM-DD).")
    published_at: LocalDateTime | None
    topics: list[TopicOut]
    url: str = Field(..., description="Trang của tin trên trang được hỏi (tin chia sẻ: trang chia sẻ).")
    canonical_url: str = Field(..., description="Trang gốc của tin, trên trang đã đăng tin.")
    shared_from: str | None = Field(..., description="Tên miền trang gốc khi tin được chia sẻ; null với tin của trang.")


class NewsDetailOut(NewsOut):
    body: str = Field(..., description="Nội dung (HTML).")
