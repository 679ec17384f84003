"""`/api/v1/news/`: the news of a site, its own and those shared with it, as its news section shows them."""

from django.http import Http404
from ninja import Query, Router
from ninja.pagination import paginate
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from core.api.errors import problem_responses
from core.api.scoping import SiteQuery, resolve_site
from core.search import folded_search
from core.tree import children_q
from multisite_config.topics import find_topic

from .news import LIST_FIELDS, NewsIndexPage, news_for_site, origin_hostname
from .news_schemas import NewsDetailOut, NewsFilter, NewsOut

router = Router(tags=["Tin tức"])

# Beyond any page id, below the database's integer range: a larger id is "no such article", not an overflow.
MAX_ID = 10**18


def articles_of(site, *fields):
    return news_for_site(site).select_related("image").prefetch_related("topics").only(*LIST_FIELDS, *fields)


def news_item(article, site, index, request, roots, detail=False):
    """One article as the API shows it on ``site``; ``url`` is where that site shows it.

    ``roots`` are Wagtail's site root paths, read once per request rather than once per article.
    """
    shared_from = origin_hostname(article, site, roots)
    canonical = article.get_full_url(request)
    url = canonical
    if shared_from and index is not None:
        url = index.get_full_url(request) + index.reverse_subpage("shared_article", args=[article.pk])
    item = {
        "id": article.pk,
        "title": article.title,
        "lead": article.lead,
        "image": {"url": article.image.file.url, "alt": article.image_alt} if article.image else None,
        "author": article.author,
        "source": article.source,
        "source_url": article.source_url,
        "event_date": article.event_date.isoformat() if article.event_date else None,
        "published_at": article.published,
        "topics": list(article.topics.all()),
        "url": url,
        "canonical_url": canonical,
        "shared_from": shared_from,
    }
    if detail:
        item["body"] = expand_db_html(article.body)
    return item


def news_index_of(site):
    return NewsIndexPage.objects.filter(children_q(site.root_page)).live().first()


@router.get(
    "/", response={200: list[NewsOut], **problem_responses(400, 404)}, summary="Tin tức của trang, gồm tin được chia sẻ"
)
@paginate
def list_news(request, filters: Query[NewsFilter]):
    """Newest first; an article shared with the site appears once, with ``shared_from`` and ``canonical_url``."""
    site = resolve_site(request, filters)
    articles = articles_of(site)
    if filters.q:
        articles = folded_search(articles, filters.q)
    if filters.topic:
        articles = articles.filter(topics=find_topic(filters.topic, "query"))
    return NewsItems(articles, site, news_index_of(site), request)


class NewsItems:
    """A queryset the paginator can count and slice, shaping only the slice it returns into API items."""

    def __init__(self, articles, site, index, request):
        self.articles, self.site, self.index, self.request = articles, site, index, request

    def count(self):
        return self.articles.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        roots = Site.get_site_root_paths()
        return [news_item(article, self.site, self.index, self.request, roots) for article in self.articles[window]]


@router.get(
    "/{int:news_id}/",
    response={200: NewsDetailOut, **problem_responses(400, 404)},
    summary="Một tin: nội dung, tác giả, nguồn, ngày, chủ đề",
)
def get_news(request, news_id: int, scope: SiteQuery):
    """An article of the site or shared with it; any other article is a 404 on this site."""
    site = resolve_site(request, scope)
    article = articles_of(site, "body").filter(pk=news_id).first() if news_id < MAX_ID else None
    if article is None:
        raise Http404("Không có tin này trên trang.")
    roots = Site.get_site_root_paths()
    index = news_index_of(site) if origin_hostname(article, site, roots) else None  # a shared article's route
    return news_item(article, site, index, request, roots, detail=True)
