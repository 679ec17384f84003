"""The news a home page shows: the site's latest (own and shared with it), and on the national portal the
provinces' latest as well.

The site's latest are the first rows of its news list (``news_for_site``), under the same tag, so publishing,
changing or unpublishing an article, or accepting a share, purges the home with the list. The provinces' latest
are read across every provincial site and tagged ``PROVINCIAL_NEWS``, which every article of a province purges
(``home.cache_tags``): the national home changes when any province publishes.
"""

from django.db.models import F
from django.db.models.functions import Coalesce
from wagtail.models import Site

from core.response_cache import tags
from core.tree import published_q, subtree_q
from multisite_config.models import SiteProfile

from .news import LIST_FIELDS, NewsIndexPage, NewsPage, home_site_of, news_for_site

PROVINCIAL_NEWS = "news-provinces"


def latest_news(site, request, count):
    """The ``count`` newest articles of the site's list, each with its URL on this site (``local_url``)."""
    index = NewsIndexPage.of_site(site)
    if index is None:
        return []
    articles = news_for_site(site).select_related("image").only(*LIST_FIELDS)[:count]
    return index.present(list(articles), request)


def provincial_news(site, request, count, shown=()):
    """On the national portal, the ``count`` newest articles of the provincial sites, each with the name of its
    province and its own URL there, leaving out those ``shown`` already (a province's article the national board
    accepted is in the national list too); nothing on a province's home."""
    if not site.is_default_site:
        return []
    tags.shows(PROVINCIAL_NEWS)
    articles = list(
        NewsPage.objects.filter(published_q())
        .exclude(subtree_q(site.root_page))
        .exclude(pk__in=[article.pk for article in shown])
        .annotate(published=Coalesce("published_at", "first_published_at"))
        .order_by(F("published").desc(nulls_last=True), "-pk")
        .only(*LIST_FIELDS)[:count]
    )
    roots = Site.get_site_root_paths()
    origins = {article.pk: home_site_of(article, roots)[0] for article in articles}
    names = dict(SiteProfile.objects.filter(site_id__in=set(origins.values())).values_list("site_id", "short_name"))
    for article in articles:
        article.local_url = article.get_url(request)
        article.province = names.get(origins[article.pk], "")
    return articles
