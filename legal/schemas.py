"""The shapes of the legal API (documents, procedures, drafts and their comments): filters, what the public may
send and what each item shows.

Out-schemas list their fields one by one, so a field added to a page model later never leaks into the
API by accident. Links between pages (replacements, legal bases) only ever name live pages: the views
prefetch them filtered, and these schemas read what was prefetched, so a list costs the same queries
whatever its length.
"""

import datetime as dt

from ninja import Field, Schema
from pydantic import ConfigDict
from wagtail.rich_text import expand_db_html

from core.api.fields import Email, LocalDateTime, text
from core.api.scoping import SiteFilter

from .models import DraftState, OnlineLevel, ProcedureLevel, Status
from .models.comments import MAX_COMMENT_LENGTH
from .procedures import field_slug

MAX_QUERY = 200
MAX_SLUG = 80
FIRST_YEAR, LAST_YEAR = 1945, 2100
MIN_COMMENT = 10

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
    status: Status = Field(
        ...,
        description="Tình trạng hiệu lực; `chua-xac-dinh` khi ngày tháng và văn bản thay thế chưa cho biết và "
        "ban biên tập chưa xác nhận văn bản còn hiệu lực (văn bản nhập tự động).",
    )
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


class FootnoteOut(Schema):
    number: int = Field(..., description="Số của chú thích; dấu chú thích trong `body` trỏ tới `#chu-thich-{number}`.")
    text: str


class DocumentDetailOut(DocumentOut):
    place: str
    subject: str = Field(..., description="Trích yếu (V/v …).")
    addressees: str = Field(..., description="Kính gửi.")
    summary: str
    body: str = Field(..., description="Toàn văn (HTML).")
    footnotes: list[FootnoteOut] = Field(..., description="Chú thích của toàn văn, theo số.")
    recipients: list[str] = Field(..., description="Nơi nhận, mỗi mục một nơi.")
    topics: list[TermOut] = Field(..., description="Chủ đề.")
    replaced_by: list[DocumentLinkOut]
    bases: list[DocumentLinkOut] = Field(..., description="Văn bản làm căn cứ.")
    basis_for: list[DocumentLinkOut] = Field(..., description="Văn bản ban hành căn cứ vào văn bản này.")

    @staticmethod
    def resolve_footnotes(page):
        return [{"number": number, "text": text} for number, text in page.footnote_list]

    @staticmethod
    def resolve_recipients(page):
        return page.recipient_list

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


class DraftFilter(SiteFilter):
    q: Text | None = Field(None, description="Từ khóa (tên, đơn vị soạn thảo, nội dung dự thảo); không phân biệt dấu.")
    state: DraftState | None = Field(
        None, description="`upcoming` (sắp lấy ý kiến), `open` (đang lấy ý kiến) hoặc `closed` (đã hết hạn)."
    )


class DocumentTypeOut(Schema):
    slug: str
    name: str


class DraftOut(Schema):
    id: int
    title: str
    document_type: DocumentTypeOut | None
    drafting_unit: str
    summary: str
    opens_at: LocalDateTime
    closes_at: LocalDateTime
    state: DraftState = Field(..., description="Tính theo thời điểm trả lời.")
    url: str = Field(..., description="Trang công khai của dự thảo, nơi gửi góp ý.")

    @staticmethod
    def resolve_state(draft):
        return draft.state()

    @staticmethod
    def resolve_url(draft, context):
        return page_url(draft, context["request"].draft_site)


class ArticleOut(Schema):
    anchor: str = Field(..., description="Mã ổn định: giữ nguyên qua các phiên bản; dùng khi góp ý.")
    kind: str = Field(..., description="`chapter` (Chương), `article` (Điều), `clause` (Khoản), `point` (Điểm).")
    label: str = Field(..., description="Ví dụ: `Điều 5`, `Khoản 2 Điều 5`, `Điểm a khoản 2 Điều 5`.")
    heading: str
    text: str
    parent: str | None = Field(..., description="Mã ổn định của điều khoản chứa nó.")
    change: str = Field(
        ..., description="So với phiên bản trước: `new`, `unchanged`, `changed`, `renumbered`, `renumbered_changed`."
    )
    previous_label: str | None = Field(..., description="Số ở phiên bản trước, nếu đã có.")


class VersionOut(Schema):
    number: int
    published_at: LocalDateTime


class AttachmentOut(Schema):
    title: str
    kind: str = Field(..., description="`explanatory` (tờ trình, báo cáo giải trình) hoặc `other`.")
    url: str


class DraftDetailOut(DraftOut):
    """Built from a draft whose versions, latest articles and attachments ``get_draft`` has loaded."""

    version: VersionOut | None = Field(..., description="Phiên bản mới nhất, mà `articles` thuộc về.")
    versions: list[VersionOut]
    articles: list[ArticleOut]
    attachments: list[AttachmentOut]

    @staticmethod
    def resolve_version(draft):
        return draft.loaded_versions[0] if draft.loaded_versions else None

    @staticmethod
    def resolve_versions(draft):
        return draft.loaded_versions

    @staticmethod
    def resolve_articles(draft):
        anchors = {article.pk: article.anchor for article in draft.loaded_articles}
        return [
            ArticleOut(
                anchor=article.anchor,
                kind=article.kind,
                label=article.label,
                heading=article.heading,
                text=article.text,
                parent=anchors.get(article.parent_id),
                change=article.change,
                previous_label=article.previous_label or None,
            )
            for article in draft.loaded_articles
        ]

    @staticmethod
    def resolve_attachments(draft, context):
        root_url = context["request"].draft_site.root_url
        return [
            AttachmentOut(
                title=attachment.label or attachment.document.title,
                kind=attachment.kind,
                url=root_url + attachment.document.url,
            )
            for attachment in draft.loaded_attachments
        ]


def page_url(draft, site):
    """The draft's address on its own site, from the page paths already loaded (no query per item)."""
    return site.root_url + draft.url_path[len(site.root_page.url_path) - 1 :]


class CommentIn(Schema):
    """A comment from the public (API.md); any field not listed here is refused, not ignored."""

    model_config = ConfigDict(extra="forbid")

    name: text(1, 120) = Field(..., description="Họ và tên người góp ý.")
    email: Email = Field(..., description="Thư điện tử; không bao giờ công khai.")
    organization: text(0, 200) | None = Field(None, description="Cơ quan, tổ chức; không công khai.")
    article: text(0, 16) | None = Field(
        None, description="Mã ổn định (`anchor`) của điều khoản trong phiên bản mới nhất; trống: góp ý chung."
    )
    body: text(MIN_COMMENT, MAX_COMMENT_LENGTH) = Field(..., description="Nội dung góp ý.")
    publish_name: bool = Field(..., description="Đồng ý công khai họ tên cùng ý kiến.")


class CommentReceipt(Schema):
    id: int
    status: str = Field(..., description="`pending`: chờ duyệt trước khi công khai.")


class CommentArticleOut(Schema):
    anchor: str
    label: str = Field(..., description="Số của điều khoản ở phiên bản được góp ý.")
    label_now: str | None = Field(..., description="Số của điều khoản ở phiên bản mới nhất.")
    removed: bool = Field(..., description="Điều khoản đã bỏ ở phiên bản mới nhất.")


class CommentOut(Schema):
    """An approved comment: the text, the name with consent, the answer once the window has closed."""

    id: int
    article: CommentArticleOut | None = Field(..., description="Không có: góp ý chung cho toàn bộ dự thảo.")
    body: str
    author_name: str | None = Field(..., description="Chỉ có khi người góp ý đồng ý công khai họ tên.")
    submitted_at: LocalDateTime
    decision: str | None = Field(
        ..., description="`accepted`, `partly`, `not_accepted`; chỉ có sau khi hết hạn lấy ý kiến."
    )
    decision_label: str | None
    response: str | None = Field(..., description="Giải trình, tiếp thu; chỉ có sau khi hết hạn lấy ý kiến.")

    @staticmethod
    def resolve_article(comment):
        if not comment.article_anchor:
            return None
        return {
            "anchor": comment.article_anchor,
            "label": comment.article.label if comment.article else comment.article_anchor,
            "label_now": comment.label_now,
            "removed": comment.label_now is None,
        }

    @staticmethod
    def resolve_author_name(comment):
        return comment.public_name or None

    @staticmethod
    def resolve_decision(comment):
        return (comment.decision or None) if comment.answer_public else None

    @staticmethod
    def resolve_decision_label(comment):
        return (comment.get_decision_display() or None) if comment.answer_public else None

    @staticmethod
    def resolve_response(comment):
        return (comment.response or None) if comment.answer_public else None
