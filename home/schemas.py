"""The shapes of /api/v1/news/: each public field listed one by one, so a new model field never leaks out.

Where an article is shown depends on the site asked about: the view leaves that site's ``Placement`` on the
request, and the resolvers read the article's addresses and origin from it.
"""

from functools import cached_property

from ninja import Field, Schema
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from core.api.fields import LocalDateTime, file_url, text, with_absolute_images
from core.api.scoping import SiteFilter
from core.response_cache import fragments, tags
from multisite_config.topics import TopicOut

from .news import NewsIndexPage, origin_hostname

MAX_QUERY = 200
MAX_TOPIC = 120


class NewsFilter(SiteFilter):
    q: text(0, MAX_QUERY) | None = Field(None, description="Từ khóa trong tiêu đề, sa pô; không phân biệt dấu.")
    topic: text(0, MAX_TOPIC) | None = Field(
        None,
        description="Mã (slug) hoặc số hiệu của chủ đề; chủ đề không tồn tại là lỗi 400.",
    )


class ImageOut(Schema):
    url: str = Field(..., description="Địa chỉ tuyệt đối của ảnh gốc.")
    alt: str


class NewsOut(Schema):
    id: int
    title: str
    lead: str
    image: ImageOut | None
    author: str
    source: str
    source_url: str
    event_date: str | None = Field(..., description="Ngày diễn ra sự kiện (YYYY-MM-DD).")
    published_at: LocalDateTime | None
    topics: list[TopicOut]
    url: str = Field(..., description="Trang của tin trên trang được hỏi (tin chia sẻ: trang chia sẻ).")
    canonical_url: str = Field(..., description="Trang gốc của tin, trên trang đã đăng tin.")
    shared_from: str | None = Field(..., description="Tên miền trang gốc khi tin được chia sẻ; null với tin của trang.")

    @staticmethod
    def resolve_image(article, context):
        if not article.image:
            return None
        return {"url": file_url(article.image.file, context["request"]), "alt": article.image_alt}

    @staticmethod
    def resolve_event_date(article):
        return article.event_date.isoformat() if article.event_date else None

    @staticmethod
    def resolve_published_at(article):
        return article.published

    @staticmethod
    def resolve_topics(article):
        return list(article.topics.all())

    @staticmethod
    def resolve_url(article, context):
        return context["request"].news_placement.url(article)

    @staticmethod
    def resolve_canonical_url(article, context):
        return context["request"].news_placement.own_url(article)

    @staticmethod
    def resolve_shared_from(article, context):
        return context["request"].news_placement.shared_from(article)


class NewsDetailOut(NewsOut):
    body: str = Field(..., description="Nội dung (HTML); ảnh trong nội dung có địa chỉ tuyệt đối.")

    @staticmethod
    def resolve_body(article, context):
        return with_absolute_images(expand_db_html(article.body), context["request"])


class Placement:
    """Where the site asked about shows articles: its own at their page, another site's shared one at the share
    route of its news section. Wagtail's site root paths are read once per request rather than once per article,
    and an article's own address once per article (it is both its ``url`` and its ``canonical_url``).

    The news section is kept per site as a response cache fragment under the site's layout and site tags, which
    any write to a section, or a move into or out of the site, purges. A list reads it up front, so it costs the
    same whether or not it shows a shared article; one article reads it only if it is shared."""

    def __init__(self, site, request, *, listing):
        self.site, self.request = site, request
        self.roots = Site.get_site_root_paths()
        self.own_urls = {}
        if listing:
            self.index = self.find_index()

    @cached_property
    def index(self):
        return self.find_index()

    def find_index(self):
        def read():
            tags.shows(tags.layout(self.site.pk), tags.site(self.site.pk))
            index = NewsIndexPage.of_site(self.site)
            return index if index is not None and index.live else None

        return fragments.fragment(f"news-section-{self.site.pk}", read)

    def shared_from(self, article):
        """The hostname of the article's own site when it is shown here by a share, else None."""
        return origin_hostname(article, self.site, self.roots)

    def url(self, article):
        if self.shared_from(article) and self.index is not None:
            return self.index.get_full_url(self.request) + self.index.reverse_subpage(
                "shared_article", args=[article.pk]
            )
        return self.own_url(article)

    def own_url(self, article):
        """The article's page on its own site."""
        if article.pk not in self.own_urls:
            self.own_urls[article.pk] = article.get_full_url(self.request)
        return self.own_urls[article.pk]
