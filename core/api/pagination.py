"""Lists under /api/v1/: ``{"count": N, "items": [...]}`` with ``?limit=`` and ``?offset=``.

``NINJA_PAGINATION_CLASS`` names the class below, so a router only writes ``@paginate``. The limit's
default (20) and bound (100) come from ``NINJA_PAGINATION_PER_PAGE`` and ``NINJA_PAGINATION_MAX_LIMIT``,
which ninja reads when it is first imported; tests/api pin both through the OpenAPI schema.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field
from ninja.pagination import LimitOffsetPagination

# Far beyond any list the portal holds, far below the database's integer range.
MAX_OFFSET = 1_000_000


class LimitOffset(LimitOffsetPagination):
    """ninja's limit/offset pagination with a bounded offset, counting only when the page cannot tell.

    A limit outside 1..100 is refused (400 naming ``limit``) rather than silently clamped, so a client
    asking for 500 items learns that it gets at most 100. An offset is bounded as well: an unbounded one
    overflows the database's integer and would turn into a 500.
    """

    class Input(LimitOffsetPagination.Input):
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        """The page is read first: when it is the last one (fewer items than the limit, and some items or none
        asked past the start), the count is the offset plus its items, and the count query is not sent. Most
        lists of a site fit in one page."""
        offset = pagination.offset
        limit = min(pagination.limit, self.max_limit)
        items = list(queryset[offset : offset + limit])
        last_page = len(items) < limit and (items or offset == 0)
        return {self.items_attribute: items, "count": offset + len(items) if last_page else self._items_count(queryset)}
