"""Wagtail's stable pages API (v2), read-only, for generic page content; it filters by `?site=` itself.

Only the pages endpoint is mounted: v2's documents and images endpoints list every site's files with no
site filter (attachments of unpublished pages included), which the contract does not offer.

Its client errors are problem JSON, as under /api/v1/ (``core.api.errors.problem``): what this module checks
itself says in Vietnamese which parameter is wrong (``errors``); Wagtail's own checks keep their message.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site

from core.api.errors import problem
from core.api.pagination import MAX_OFFSET
from core.response_cache import tags

SITE_PARAMETER = re.compile(r"^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$")
# ASCII digits only: int() also reads "１" or "٣", and a thousand digits.
NUMBER = re.compile(r"^[0-9]{1,18}$")
# As the ``q`` of every search under /api/v1/.
MAX_SEARCH = 200
SEARCH_OPERATORS = ("and", "or")
# Fields whose values stock Wagtail converts and checks itself before filtering.
CHECKED_BY_WAGTAIL = (models.BooleanField, models.IntegerField, models.AutoField, models.ForeignKey, TaggableManager)


class QueryParameterError(BadRequestError):
    """A refused query: ``errors`` maps each wrong parameter to its messages."""

    def __init__(self, errors):
        super().__init__("Tham số truy vấn không hợp lệ.")
        self.errors = errors


def bounded_number(request, name, default, maximum):
    """The parameter as an integer in 0..maximum; anything else is a QueryParameterError naming it."""
    value = request.GET.get(name)
    if value is None:
        return default
    if not NUMBER.match(value) or int(value) > maximum:
        raise QueryParameterError({name: [f"Tham số {name} phải là số nguyên từ 0 đến {maximum}."]})
    return int(value)


class CheckedPagination(WagtailPagination):
    """Stock ``limit``/``offset``, each an integer within bounds or a 400 naming it.

    Stock Wagtail passes any offset that ``int()`` reads to the database, where one beyond its integer
    range is a 500.
    """

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        bounded_number(request, "offset", 0, MAX_OFFSET)
        bounded_number(request, "limit", 0, limit_max or MAX_OFFSET)
        return super().paginate_queryset(queryset, request, view)


class CheckedSearchFilter(SearchFilter):
    """Stock ``search``, of bounded length, with ``search_operator`` "and" or "or" (any other: a 500 upstream).

    What the text holds (quotes, FTS5 or tsquery syntax) is the search backend's to treat as text
    (``core.search_backend``), so no character is refused here.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            errors = {}
            if len(request.GET["search"]) > MAX_SEARCH:
                errors["search"] = [f"Tham số search dài tối đa {MAX_SEARCH} ký tự."]
            operator = request.GET.get("search_operator")
            if operator is not None and operator not in SEARCH_OPERATORS:
                errors["search_operator"] = ["Tham số search_operator phải là “and” hoặc “or”."]
            if errors:
                raise QueryParameterError(errors)
        return super().filter_queryset(request, queryset, view)


class CheckedFieldsFilter(FieldsFilter):
    """Stock field filters (``?first_published_at=``…), with a value the field cannot read a 400 naming it.

    Stock Wagtail converts booleans, integers and keys itself; other values go to ``filter()``, where a
    date that is no date raises Django's ValidationError, a 500.
    """

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        errors = {}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            field = queryset.model._meta.get_field(name)
            if isinstance(field, CHECKED_BY_WAGTAIL):
                continue
            try:
                field.to_python(value)
            except ValidationError:
                errors[name] = [f"Tham số {name} có giá trị không hợp lệ."]
        if errors:
            raise QueryParameterError(errors)
        return super().filter_queryset(request, queryset, view)


CHECKED_FILTERS = {FieldsFilter: CheckedFieldsFilter, SearchFilter: CheckedSearchFilter}


class PortalPagesAPIViewSet(PagesAPIViewSet):
    """Stock v2 pages, with query values checked before they reach the database.

    PostgreSQL refuses text holding a NUL byte with an error of its own, which stock Wagtail turns into
    a 500; here such a value, or a ``site`` that is not ``host[:port]``, is a 400 naming the parameter.
    """

    pagination_class = CheckedPagination
    filter_backends = [CHECKED_FILTERS.get(backend, backend) for backend in PagesAPIViewSet.filter_backends]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Any site's pages may be asked for (``?site=``): the answer goes with a write to any site's tree.
        tags.shows(*(tags.listing("pages", root.site_id) for root in Site.get_site_root_paths()))
        errors = {
            name: [f"Tham số {name} chứa ký tự NUL, không được chấp nhận."]
            for name, value in request.GET.items()
            if "\x00" in name or "\x00" in value
        }
        site = request.GET.get("site")
        if site is not None and "site" not in errors and not SITE_PARAMETER.match(site):
            errors["site"] = ["Tham số site phải là tên miền, có thể kèm “:cổng”."]
        if errors:
            raise QueryParameterError(errors)

    def handle_exception(self, exc):
        if isinstance(exc, QueryParameterError):
            return problem(400, str(exc), exc.errors)
        if isinstance(exc, BadRequestError):
            return problem(400, str(exc))
        if isinstance(exc, Http404):
            return problem(404, "Không tìm thấy tài nguyên.")
        return super().handle_exception(exc)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
