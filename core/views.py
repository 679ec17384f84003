"""Site-wide public views: robots.txt, the HTML sitemap of the current site, and the API's 404."""

from collections.abc import Iterable
from typing import TypedDict

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Page, Site

from core.api.errors import problem
from core.response_cache import tags


class PageNode(TypedDict):
    """A page of the HTML sitemap and the nodes of its listed children."""

    title: str
    url: str | None
    children: list["PageNode"]


def api_not_found(request: HttpRequest) -> JsonResponse:
    return problem(404, "Không có điểm cuối API này; xem /api/v1/docs.")


def sitemap_xml(request: HttpRequest) -> HttpResponse:
    """Wagtail's sitemap.xml of the requesting site, which lists every page of its tree."""
    site = Site.find_for_request(request)
    if site is not None:
        tags.shows(tags.listing("pages", site.pk))
    return sitemap(request)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawl rules of the requesting site, pointing at that site's own sitemap.xml."""
    site = Site.find_for_request(request)
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/"]
    if site:
        lines.append(f"Sitemap: {site.root_url}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_page(request: HttpRequest) -> HttpResponse:
    """Sơ đồ trang: the live, public pages of the requesting site only, nested as in the page tree."""
    site = Site.find_for_request(request)
    if site is None:  # a host no site answers to, and no default site: nothing to map
        raise Http404("Không có trang nào cho tên miền này.")
    tags.shows(tags.listing("pages", site.pk))
    root = site.root_page
    pages = (
        Page.objects.descendant_of(root, inclusive=True)
        .live()
        .public()
        .filter(depth__lte=root.depth + 3)
        .order_by("path")
        .only("id", "title", "url_path", "depth", "path")
    )
    return render(request, "cms/sitemap_page.html", {"tree": page_tree(pages, request), "page_title": "Sơ đồ trang"})


def page_tree(pages: Iterable[Page], request: HttpRequest) -> PageNode | None:
    """Nest pages given in tree order under their parents; returns the first page's node.

    A page whose parent is not listed (a draft) is left out, and so is everything under it: the nested
    list only shows pages a visitor can reach by browsing down from the home page.
    """
    nodes: dict[str, PageNode] = {}
    root: PageNode | None = None
    for page in pages:
        node: PageNode = {"title": page.title, "url": page.get_url(request), "children": []}
        parent_path = page.path[: -page.steplen]
        if root is None:
            root = node
        elif parent_path in nodes:
            nodes[parent_path]["children"].append(node)
        else:
            continue
        nodes[page.path] = node
    return root
