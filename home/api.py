"""`/api/v1/news/`: the news of a site, its own and those shared with it, as its news section shows them."""

from django.http import Http404
from ninja import Query, Router
from ninja.pagination import paginate

from core.api.errors import problem_responses
from core.api.fields import RecordId
from core.api.scoping import SiteQuery, resolve_site
from core.response_cache import tags
from core.search import folded_search
from multisite_config.topics import find_topic

from .news import LIST_FIELDS, news_for_site
from .schemas import NewsDetailOut, NewsFilter, NewsOut, Placement

router = Router(tags=["Tin tức"])


def articles_of(site, *fields):
    return news_for_site(site).select_related("image").prefetch_related("topics").only(*LIST_FIELDS, *fields)


def news_site(request, scope, *, listing=False):
    """The site the request is about, its placement kept on the request for the articles' addresses."""
    site = resolve_site(request, scope)
    request.news_placement = Placement(site, request, listing=listing)
    return site


@router.get(
    "/", response={200: list[NewsOut], **problem_responses(400, 404)}, summary="Tin tức của trang, gồm tin được chia sẻ"
)
@paginate
def list_news(request, filters: Query[NewsFilter]):
    """Newest first; an article shared with the site appears once, with ``shared_from`` and ``canonical_url``."""
    articles = articles_of(news_site(request, filters, listing=True))
    if filters.q:
        articles = folded_search(articles, filters.q)
    if filters.topic:
        articles = articles.filter(topics=find_topic(filters.topic, "query"))
    return articles


@router.get(
    "/{news_id}/",
    response={200: NewsDetailOut, **problem_responses(400, 404)},
    summary="Một tin: nội dung, tác giả, nguồn, ngày, chủ đề",
)
def get_news(request, news_id: RecordId, scope: SiteQuery):
    """An article of the site or shared with it; any other article is a 404 on this site."""
    tags.shows(tags.page(news_id))
    article = articles_of(news_site(request, scope), "body").filter(pk=news_id).first()
    if article is None:
        raise Http404("Không có tin này trên trang.")
    return article
