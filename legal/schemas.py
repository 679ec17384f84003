"""The shapes of /api/v1/documents/ and /api/v1/procedures/: filters and what each item shows.

Out-schemas list their fields one by one, so a field added to a page model later never leaks into the
API by accident. Links between pages (replacements, legal bases) only ever name live pages: the views
prefetch them filtered, and these schemas read what was prefetched, so a list costs the same queries
whatever its length.
"""

import datetime as dt

from ninja import Field, Schema
from wagtail.rich_text import expand_db_html

from core.api.fields import text
from core.api.scoping import SiteFilter

from .models import OnlineLevel, ProcedureLevel, Status
from .procedures import field_slug

MAX_QUERY = 200
MAX_SLUG = 80
FIRST_YEAR, LAST_YEAR = 1945, 2100

Text = text(0, MAX_QUERY)
Slug = text(0, MAX_SLUG)


class DocumentFilter(SiteFilter):
    q: Text | None = Field(
        None, description="Từ khóa (số hiệu, trích yếu, toàn văn); không phân biệt dấu, hoa thường, đ là d."
    )
    doc_type: Slug | None = Field(
        None, description="Mã (slug) loại văn bản, ví dụ `cong-van`; loại không có là lỗi 400."
    )
    year: int | None = Field(None, ge=FIRST_YEAR, le=LAST_YEAR, description="Năm ban hành.")
    status: Status | None = Field(None, description="Tình trạng hiệu lực.")


class ProcedureFilter(SiteFilter):
    q: Text | None = Field(None, description="Từ khóa (tên, mã, nội dung thủ tục); không phân biệt dấu.")
    field: Slug | None = Field(
        None,
        description="Lĩnh vực, theo mã (slug) hoặc tên, ví dụ `cap-so-the`; lĩnh vực không có trên trang là lỗi 400.",
    )


class TermOut(Schema):
    """An entry of a list of terms: a document type, a topic, a procedure's field."""

    slug: str
    name: str


class SignerOut(Schema):
    name: str
    title: str


class FileOut(Schema):
    title: str
    url: str = Field(..., description="Địa chỉ tải tệp.")


class DocumentLinkOut(Schema):
    """Another document named by this one (replaced, replacing, basis): enough to show and follow it."""

    id: int
    number: str
    title: str
    url: str
    partly: bool = Field(False, description="Chỉ thay thế một phần (với `replaces`, `replaced_by`).")


class DocumentOut(Schema):
    id: int
    number: str = Field(..., description="Số hiệu, ví dụ `07/BHXH-PC`; rỗng nếu văn bản không có số.")
    title: str
    doc_type: TermOut | None
    issuer: str
    signer: SignerOut | None
    issued_on: dt.date | None
    effective_on: dt.date | None = Field(
        ..., description="Ngày có hiệu lực; là ngày ban hành nếu văn bản không ghi khác."
    )
    expires_on: dt.date | None
    status: Status
    status_label: str
    replaces: list[DocumentLinkOut] = Field(..., description="Văn bản mà văn bản này thay thế.")
    files: list[FileOut]
    url: str = Field(..., description="Trang công khai của văn bản.")

    @staticmethod
    def resolve_doc_type(page):
        return page.document_type

    @staticmethod
    def resolve_signer(page):
        return {"name": page.signer_name, "title": page.signer_title} if page.signer_name else None

    @staticmethod
    def resolve_effective_on(page):
        return page.effective_on or page.issued_on

    @staticmethod
    def resolve_status_label(page):
        return str(page.status.label)

    @staticmethod
    def resolve_replaces(page, context):
        return [link(row.replaced, context, row.partly) for row in page.live_replacements]

    @staticmethod
    def resolve_files(page, context):
        request = context["request"]
        return [
            {"title": row.display_label, "url": request.build_absolute_uri(row.document.url)}
            for row in page.attachments.all()
        ]

    @staticmethod
    def resolve_url(page, context):
        return page.get_full_url(context["request"])


class DocumentDetailOut(DocumentOut):
    place: str
    subject: str = Field(..., description="Trích yếu (V/v …).")
    addressees: str = Field(..., description="Kính gửi.")
    summary: str
    body: str = Field(..., description="Toàn văn (HTML).")
    topics: list[TermOut] = Field(..., description="Chủ đề.")
    replaced_by: list[DocumentLinkOut]
    bases: list[DocumentLinkOut] = Field(..., description="Văn bản làm căn cứ.")
    basis_for: list[DocumentLinkOut] = Field(..., description="Văn bản ban hành căn cứ vào văn bản này.")

    @staticmethod
    def resolve_topics(page):
        return page.topics.all()

    @staticmethod
    def resolve_body(page):
        return expand_db_html(page.body)

    @staticmethod
    def resolve_replaced_by(page, context):
        return [link(row.page, context, row.partly) for row in page.live_replaced_by]

    @staticmethod
    def resolve_bases(page, context):
        return [link(row.basis, context) for row in page.live_bases]

    @staticmethod
    def resolve_basis_for(page, context):
        return [link(row.page, context) for row in page.live_basis_for]


class ProcedureOut(Schema):
    id: int
    code: str = Field(..., description="Mã thủ tục trong Cơ sở dữ liệu quốc gia về thủ tục hành chính.")
    title: str
    field: TermOut = Field(..., description="Lĩnh vực.")
    agency: str = Field(..., description="Cơ quan thực hiện.")
    level: ProcedureLevel = Field(..., description="Cấp thực hiện.")
    processing_days: int = Field(..., description="Thời hạn giải quyết, tính bằng ngày làm việc.")
    fees: str
    online_level: OnlineLevel = Field(..., description="Mức độ cung cấp trực tuyến; rỗng nếu chưa có.")
    online_service_url: str = Field(..., description="Dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia.")
    url: str = Field(..., description="Trang công khai của thủ tục.")

    @staticmethod
    def resolve_field(page):
        return {"slug": field_slug(page.field_name), "name": page.field_name}

    @staticmethod
    def resolve_url(page, context):
        return page.get_full_url(context["request"])


class ProcedureDetailOut(ProcedureOut):
    steps: str = Field(..., description="Trình tự thực hiện (HTML).")
    dossier: str = Field(..., description="Thành phần hồ sơ (HTML).")
    bases: list[DocumentLinkOut] = Field(..., description="Căn cứ pháp lý.")

    @staticmethod
    def resolve_steps(page):
        return expand_db_html(page.steps)

    @staticmethod
    def resolve_dossier(page):
        return expand_db_html(page.dossier)

    @staticmethod
    def resolve_bases(page, context):
        return [link(row.basis, context) for row in page.live_bases]


def link(document, context, partly=False):
    return {
        "id": document.pk,
        "number": document.number,
        "title": document.title,
        "url": document.get_full_url(context["request"]),
        "partly": partly,
    }
