"""Section pages and news articles, under the sections the bootstrap gave each site."""

import datetime as dt

import factory
from django.utils import timezone

from home.models import NewsIndexPage, NewsPage, SectionPage
from tests.support.pages import PublishedPageFactory


class SectionPageFactory(PublishedPageFactory):
    """A content page; pass ``parent`` (a home page or another section)."""

    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")


class NewsPageFactory(PublishedPageFactory):
    """A published article in ``site``'s news section (or under ``parent``), dated 9:00 on 1 November 2026.

    The fixed date keeps lists in a known order and the reports' quarters stable; pass ``published_at``
    (or ``day``, in November 2026) to order articles.
    """

    class Meta:
        model = NewsPage

    class Params:
        site = None
        day = 1

    parent = factory.LazyAttribute(lambda article: NewsIndexPage.objects.child_of(article.site.root_page).get())
    title = factory.Sequence(lambda n: f"Tin thử {n}")
    slug = factory.Sequence(lambda n: f"tin-thu-{n}")
    lead = factory.LazyAttribute(lambda article: f"Sa pô của tin {article.title}")
    body = "<p>Nội dung tin.</p>"
    published_at = factory.LazyAttribute(lambda article: timezone.make_aware(dt.datetime(2026, 11, article.day, 9, 0)))

    @factory.post_generation
    def topics(article, create, extracted, **kwargs):
        """Topics are a parental many-to-many: set before the page's revision is saved and published."""
        if create and extracted:
            article.topics.set(extracted)
