"""The RSS feed of a site's news section: its own articles and those shared with it, as its list shows them."""

from django.contrib.syndication.views import Feed


class NewsFeed(Feed):
    """Served by ``NewsIndexPage`` at ``rss/``; links point to where the receiving site shows each article.

    The page gives the articles (``feed_articles``), so this module needs nothing from ``home.news``.
    """

    def get_object(self, request, index):
        self.request, self.site = request, index.site_for(request)
        return index

    def title(self, index):
        return f"{index.title} – {self.site.site_name}"

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return f"Tin mới của {self.site.site_name}"

    def items(self, index):
        return index.feed_articles(self.site, self.request)

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.local_url

    def item_pubdate(self, article):
        return article.published

    def item_author_name(self, article):
        return article.author or None
