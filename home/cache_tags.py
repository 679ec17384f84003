"""What a write to the news and notices purges (``core/response_cache/invalidation.py``).

An article shared with other sites is in their news lists too: publishing or changing it purges theirs as
well as its own (a Hà Nội article shared with Đà Nẵng purges Đà Nẵng's list, and no other site's). An
accepted share puts the article in the receiving site's list; a share still waiting shows nowhere.
Royalties are the board's bookkeeping and never public. A notice shows on every page of its site.
"""

from core.response_cache import tags
from core.response_cache.invalidation import register

from .models import NewsPage, SiteNotice
from .news import Royalty
from .news_shares import NewsShare, ShareStatus


def article_tags(article):
    receivers = NewsShare.objects.filter(article_id=article.pk, status=ShareStatus.ACCEPTED)
    return [tags.listing("news", site_id) for site_id in receivers.values_list("target_site_id", flat=True)]


def share_tags(share):
    if share.status != ShareStatus.ACCEPTED:
        return []
    return [tags.listing("news", share.target_site_id), tags.page(share.article_id)]


def connect():
    register(NewsPage, article_tags)
    register(NewsShare, share_tags)
    register(SiteNotice, lambda notice: [tags.layout(notice.site_id)])
    register(Royalty, lambda royalty: [])
