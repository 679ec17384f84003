"""``/tim-kiem/``: the site search page, results grouped by kind with their counts.

Without ``loai`` the page shows every kind that matched, each with its count and its first ``PREVIEW`` hits and
a link to all of them; with ``loai`` (``tin-tuc``, ``van-ban``…), the hits of that kind only, ``PER_PAGE`` a
page (``trang``), the other kinds still listed with their counts. So pages are per kind.

An empty query, or one without a letter or digit, shows the form with a hint (200). A query longer than
``MAX_QUERY_LENGTH`` or an unknown ``loai`` is a 400 showing the form and what is wrong with the field.
Answers are public and the same for every visitor, so the response cache keeps them like any section's list,
under the tags of the lists they read.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from .kinds import BY_SLUG, KINDS
from .results import MAX_QUERY_LENGTH, SiteSearch, is_searchable

PREVIEW = 5
PER_PAGE = 10
TEMPLATE = "portal/site_search.html"


@require_http_methods(["GET", "HEAD"])
def site_search(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Không có trang nào cho tên miền này.")
    query = " ".join(request.GET.get("q", "").split())
    slug = request.GET.get("loai", "")
    context = {"page_title": "Tìm kiếm", "query": query, "max_length": MAX_QUERY_LENGTH, "kinds": KINDS}
    if len(query) > MAX_QUERY_LENGTH:
        error = f"Từ khóa dài tối đa {MAX_QUERY_LENGTH} ký tự; từ khóa đã nhập có {len(query)} ký tự."
        return TemplateResponse(request, TEMPLATE, context | {"query_error": error}, status=400)
    kind = BY_SLUG.get(slug)
    if slug and kind is None:
        context["kind_error"] = f"Không có loại kết quả “{slug}”."
        return TemplateResponse(request, TEMPLATE, context, status=400)
    if not is_searchable(query):
        context["hint"] = bool(query)
        return TemplateResponse(request, TEMPLATE, context)
    search = SiteSearch(site, query)
    context |= {"page_title": f"Kết quả tìm kiếm “{query}”", "search": search, "kind": kind}
    groups = [{"kind": each, "count": count} for each, count in search.counts.items()]
    if kind is None:
        for group in groups:
            group["hits"] = search.hits(group["kind"], 0, PREVIEW)
        return TemplateResponse(request, TEMPLATE, context | {"groups": groups})
    paginator = Paginator(range(search.counts[kind]), PER_PAGE)
    page = paginator.get_page(request.GET.get("trang"))
    hits = search.hits(kind, page.start_index() - 1, page.end_index()) if page.object_list else []
    return TemplateResponse(request, TEMPLATE, context | {"groups": groups, "page_obj": page, "hits": hits})
