"""`GET /api/v1/search/`: the site search of ``/tim-kiem/`` for API clients, with the same counts and hits.

The answer follows the lists of API.md (``count``, ``items``, ``limit`` and ``offset`` with their bounds) and
adds ``kinds``, the count of each kind, so a client can show the groups as the page does. With ``kind``, the
items and ``count`` are that kind's; without it, the items of every kind one after the other (news first,
then documents, drafts, procedures, answers and pages) and ``count`` their total.
"""

import datetime as dt
from enum import StrEnum
from typing import Annotated

from ninja import Field, Query, Router, Schema
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from core.api.errors import problem_responses
from core.api.fields import text
from core.api.pagination import LimitOffset
from core.api.scoping import SiteFilter, resolve_site

from .kinds import BY_KEY, KINDS
from .results import MAX_QUERY_LENGTH, SiteSearch, is_searchable

router = Router(tags=["Tìm kiếm"])

SearchKind = StrEnum("SearchKind", {kind.key: kind.key for kind in KINDS})


def searchable(query: str) -> str:
    if not is_searchable(query):
        raise PydanticCustomError("no_syllable", "Từ khóa cần có ít nhất một chữ hoặc chữ số.")
    return query


class SearchFilter(SiteFilter, LimitOffset.Input):
    q: Annotated[text(1, MAX_QUERY_LENGTH), AfterValidator(searchable)] = Field(
        ...,
        description=(
            "Từ khóa, bắt buộc; không phân biệt dấu, hoa thường, đ là d; khớp trọn âm tiết; cụm từ trong "
            "dấu ngoặc kép khớp liền nhau."
        ),
    )
    kind: SearchKind | None = Field(
        None,
        description=(
            "Chỉ một loại: `news` (tin tức), `documents` (văn bản), `drafts` (dự thảo), `procedures` "
            "(thủ tục hành chính), `questions` (hỏi đáp), `pages` (trang)."
        ),
    )


class KindCountOut(Schema):
    kind: SearchKind
    label: str = Field(..., description="Tên loại bằng tiếng Việt, ví dụ `Tin tức`.")
    count: int


class HitOut(Schema):
    kind: SearchKind
    id: int
    title: str
    url: str = Field(..., description="Địa chỉ của kết quả trên trang được hỏi (tin chia sẻ: trang chia sẻ).")
    excerpt: str = Field(..., description="Trích đoạn: sa pô, trích yếu, tóm tắt hoặc câu hỏi.")
    date: dt.date | None = Field(
        ...,
        description="Ngày đăng tin, ngày ban hành văn bản, hạn góp ý dự thảo, ngày đăng câu trả lời, ngày cập "
        "nhật trang; không có với thủ tục.",
    )


class SearchOut(Schema):
    count: int = Field(..., description="Số kết quả của loại `kind`, hoặc của mọi loại khi không có `kind`.")
    kinds: list[KindCountOut] = Field(..., description="Số kết quả của từng loại, theo thứ tự các nhóm.")
    items: list[HitOut]


@router.get("/", response={200: SearchOut, **problem_responses(400, 404)}, summary="Tìm kiếm trên toàn trang")
def search_site(request, filters: Query[SearchFilter]):
    """News (own and shared with the site), documents, drafts, procedures, published answers and content pages
    of one site, matched as its section searches match (``core.search``)."""
    site = resolve_site(request, filters)
    search = SiteSearch(site, filters.q)
    start, stop = filters.offset, filters.offset + filters.limit
    if filters.kind is None:
        count, hits = search.total, search.hits_of_all(start, stop)
    else:
        kind = BY_KEY[filters.kind]
        count, hits = search.counts[kind], search.hits(kind, start, stop)
    return {
        "count": count,
        "kinds": [{"kind": kind.key, "label": kind.label, "count": n} for kind, n in search.counts.items()],
        "items": [
            {
                "kind": hit.kind.key,
                "id": hit.id,
                "title": hit.title,
                "url": site.root_url + hit.path,
                "excerpt": hit.excerpt,
                "date": hit.date,
            }
            for hit in hits
        ],
    }
