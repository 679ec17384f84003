"""News ("Tin tức – Sự kiện"): the section of each site, its articles, and the royalties paid for them.

A site's news list holds its own live articles and the live articles other sites shared with it
(``home.news_shares``), each once. Shared articles are read from the original, never copied.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from core.response_cache import tags
from core.search import FoldedSearchMixin, folded_search
from core.site_section import SiteSection
from core.tree import children_q, descendants_q, published_q
from multisite_config.models import Topic
from multisite_config.topics import chosen_topic

from .feeds import NewsFeed
from .news_shares import NewsShare, ShareStatus

PER_PAGE = 10
MAX_QUERY_LENGTH = 200  # as every other search box of the portal
FEED_SIZE = 20
# What lists, the feed and the API show of an article, and the paths its links come from: never the body.
LIST_FIELDS = (
    "id",
    "title",
    "path",
    "depth",
    "url_path",
    "lead",
    "image",
    "image_alt",
    "author",
    "source",
    "source_url",
    "event_date",
)


def news_for_site(site):
    """Live public articles of ``site`` and those shared with it and accepted, newest first, no duplicates.

    The candidates are one list of ids: the pages of the site's subtree (read from the path index alone)
    followed by the articles of its accepted shares. Testing membership in that list reads only this
    site's rows, where an OR of a path prefix and an EXISTS read every article of every site; and an
    article is one row however many shares it has. An unpublished original drops out of every site because
    only live pages are read.
    """
    tags.shows(tags.listing("news", site.pk))
    own = Page.objects.filter(descendants_q(site.root_page)).order_by().values("pk")
    shared = NewsShare.objects.filter(target_site=site, status=ShareStatus.ACCEPTED).order_by().values("article_id")
    return (
        NewsPage.objects.filter(published_q(), pk__in=own.union(shared, all=True))
        .annotate(published=Coalesce("published_at", "first_published_at"))
        .order_by(F("published").desc(nulls_last=True), "-pk")
    )


def home_site_of(article, roots=None):
    """(site_id, root URL) of the site an article belongs to, from Wagtail's cached site root paths.

    ``roots`` is that list when the caller already holds it: each read of the cache unpickles all sites.
    """
    for root in Site.get_site_root_paths() if roots is None else roots:
        if article.url_path.startswith(root.root_path):
            return root.site_id, root.root_url
    return None, None


def origin_hostname(article, site, roots=None):
    """The hostname of the article's own site when it is shown on ``site`` by a share, else None."""
    site_id, root_url = home_site_of(article, roots)
    return None if site_id == site.pk or root_url is None else urlsplit(root_url).hostname


class NewsIndexPage(SiteSection, RoutablePageMixin, Page):
    """One per site, at ``/tin-tuc-su-kien/``: the list, the RSS feed, and the articles shared with the site."""

    # Response cache tags (core/response_cache/tags.py): the per-site list it shows.
    shows_lists = ("news",)

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("trang tin tức – sự kiện")
        verbose_name_plural = _("trang tin tức – sự kiện")

    def route(self, request, path_components):
        """The list, feed and share routes first, as RoutablePageMixin serves them; then an article by slug.

        Every child of this page is an article (``subpage_types``), so the article is read in one query,
        where Wagtail reads the base page and then its specific row.
        """
        if not path_components or self.serves_route(path_components):
            return super().route(request, path_components)
        article = NewsPage.objects.filter(children_q(self), slug=path_components[0]).first()
        if article is None:
            raise Http404
        article._cached_parent_obj = self  # as Wagtail's own routing does, so the breadcrumbs need no query
        return article.route(request, path_components[1:])

    def serves_route(self, path_components):
        """Whether one of this page's own routes answers the path (RoutablePageMixin tries them when live)."""
        if not self.live:
            return False
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True

    def local_url(self, article, request, home_path):
        """Where this site shows an article: its own page, or the share route for another site's."""
        if article.path.startswith(home_path):
            return article.get_url(request)
        return self.get_url(request) + self.reverse_subpage("shared_article", args=[article.pk])

    def present(self, articles, request):
        """The articles with ``local_url`` and ``is_shared`` set for this site's pages and feed."""
        home_path = self.path[: -self.steplen]
        for article in articles:
            article.local_url = self.local_url(article, request, home_path)
            article.is_shared = not article.path.startswith(home_path)
        return articles

    @path("")
    def news_list(self, request):
        """Newest first, filtered by topic and by ``q`` (``core.search.folded_search``: title matches first).

        An unknown topic or a ``q`` longer than ``MAX_QUERY_LENGTH`` is a 400 naming the field."""
        site = self.site_for(request)
        topics = list(Topic.objects.all())
        articles = news_for_site(site).select_related("image").only(*LIST_FIELDS)
        query = request.GET.get("q", "").strip()
        context = self.get_context(request) | {"topics": topics, "query": query}
        if len(query) > MAX_QUERY_LENGTH:
            context["query_error"] = _("Từ khóa dài tối đa %(limit)d ký tự.") % {"limit": MAX_QUERY_LENGTH}
            return render(request, "home/news_index_page.html", context, status=400)
        try:
            topic = chosen_topic(request.GET.get("chu-de", ""))
        except ValidationError as unknown:
            return render(request, "home/news_index_page.html", context | {"error": unknown.messages[0]}, status=400)
        if topic:
            articles = articles.filter(topics=topic)
        if query:
            articles = folded_search(articles, query)
        page = Paginator(articles, PER_PAGE).get_page(request.GET.get("trang"))
        self.present(page.object_list, request)
        return render(request, "home/news_index_page.html", context | {"articles": page, "topic": topic})

    @path("rss/")
    def feed(self, request):
        return NewsFeed()(request, index=self)

    def feed_articles(self, site, request):
        """The newest articles of ``site`` (its own and those shared with it), as its list presents them."""
        return self.present(list(news_for_site(site).only(*LIST_FIELDS)[:FEED_SIZE]), request)

    @path("chia-se/<id:article_id>/")
    def shared_article(self, request, article_id):
        """An article of another site shared with this one, with a canonical link to the original."""
        site = self.site_for(request)
        article = news_for_site(site).exclude(descendants_q(site.root_page)).filter(pk=article_id).first()
        if article is None:
            raise Http404("Không có tin chia sẻ này trên trang.")
        context = article.get_context(request) | {
            "page": article,
            "self": article,
            "news_index": self,
            "canonical_url": article.get_full_url(request),
            "shared_from": origin_hostname(article, site),
        }
        return render(request, "home/news_page.html", context)


class NewsPageForm(WagtailAdminPageForm):
    """Records who entered each new royalty line, so the quarterly table says who recorded what."""

    def clean(self):
        cleaned = super().clean()
        for form in self.formsets["royalties"].forms:
            if form.instance.pk is None and form.instance.recorded_by_id is None:
                form.instance.recorded_by = self.for_user
        return cleaned


class NewsPage(FoldedSearchMixin, Page):
    """An article. Reused content must name its author, source and source URL (seed 002, art. 8)."""

    # Response cache tags (core/response_cache/tags.py): the per-site list a publish changes.
    cache_lists = ("news",)

    lead = models.TextField(_("sa pô"), max_length=600)
    body = RichTextField(_("nội dung"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=250,
        blank=True,
        help_text=_("Bắt buộc khi có ảnh: mô tả nội dung ảnh cho người khiếm thị."),
    )
    author = models.CharField(_("tác giả"), max_length=120, blank=True)
    reused = models.BooleanField(
        _("tin sử dụng lại"),
        default=False,
        help_text=_("Đánh dấu khi tin lấy từ nguồn khác: phải ghi tác giả và nguồn."),
    )
    source = models.CharField(_("nguồn"), max_length=200, blank=True)
    source_url = models.URLField(_("địa chỉ nguồn"), blank=True)
    event_date = models.DateField(_("ngày diễn ra sự kiện"), null=True, blank=True)
    published_at = models.DateTimeField(
        _("ngày đăng"), null=True, blank=True, help_text=_("Để trống để dùng thời điểm xuất bản lần đầu.")
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("chủ đề"), blank=True, related_name="news")
    folded_search_fields = ("title", "lead")

    base_form_class = NewsPageForm
    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Ảnh")),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("reused"),
                FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
            ],
            heading=_("Tác giả và nguồn"),
        ),
        FieldRowPanel([FieldPanel("event_date"), FieldPanel("published_at")]),
        FieldPanel("topics"),
        InlinePanel("royalties", heading=_("Nhuận bút"), label=_("khoản nhuận bút")),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")

    def clean(self):
        super().clean()
        errors = {}
        if self.reused:
            for name, label in (("author", _("tác giả")), ("source", _("nguồn")), ("source_url", _("địa chỉ nguồn"))):
                if not getattr(self, name).strip():
                    errors[name] = _("Tin sử dụng lại phải ghi %(field)s.") % {"field": label}
        if self.image_id and not self.image_alt.strip():
            errors["image_alt"] = _("Ảnh phải có mô tả (alt).")
        if errors:
            raise ValidationError(errors)

    @property
    def publication_time(self):
        return self.published_at or self.first_published_at


class Royalty(Orderable):
    """A royalty (nhuận bút) paid for an article; kept with the article, so only its site's board edits it."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="royalties")
    author_name = models.CharField(_("tác giả"), max_length=120)
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("ngày ghi"), default=timezone.now)

    panels = [FieldRowPanel([FieldPanel("author_name"), FieldPanel("amount"), FieldPanel("recorded_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("nhuận bút")
        verbose_name_plural = _("nhuận bút")

    def __str__(self):
        return f"{self.author_name}: {self.amount:,} đ"
