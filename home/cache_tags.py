"""What a write to the news and notices purges (``core/response_cache/invalidation.py``).

An article shared with other sites is in their news lists too: publishing or changing it purges theirs as
well as its own (a Hà Nội article shared with Đà Nẵng purges Đà Nẵng's list, and no other site's). An
accepted share puts the article in the receiving site's list; a share still waiting shows nowhere.
Every article also purges the provinces' latest news the national home shows. Royalties are the board's
bookkeeping and never public. A notice shows on every page of its site.
"""

from core.response_cache import tags
from core.response_cache.invalidation import register

from .home_news import PROVINCIAL_NEWS
from .models import NewsPage, SiteNotice
from .news import Royalty
from .news_shares import NewsShare, ShareStatus


def article_tags(article):
    """The lists of the sites it is shared with, and the provinces' latest news on the national home (an article
    of the national portal purges that too: telling whose it is would cost more than the purge)."""
    receivers = NewsShare.objects.filter(article_id=article.pk, status=ShareStatus.ACCEPTED)
    shared = [tags.listing("news", site_id) for site_id in receivers.values_list("target_site_id", flat=True)]
    return [*shared, PROVINCIAL_NEWS]


def share_tags(share):
    if share.status != ShareStatus.ACCEPTED:
        return []
    return [tags.listing("news", share.target_site_id), tags.page(share.article_id)]


def connect():
    register(NewsPage, article_tags)
    register(NewsShare, share_tags)
    register(SiteNotice, lambda notice: [tags.layout(notice.site_id)])
    register(Royalty, lambda royalty: [])
