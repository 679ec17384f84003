"""The "Hỏi đáp" section of each site: published questions and answers, the question form, tracking."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.abuse import HONEYPOT_FIELD, TIMING_FIELD, check_rate, first_time, form_token, too_many_requests_page
from core.ids import normalise_code
from core.post_redirect import see_other
from core.response_cache import tags
from core.response_cache.invalidation import purge_after_commit
from core.site_section import SiteSection
from faq import transitions
from faq.forms import QuestionForm, TrackingForm
from multisite_config.models import Topic
from multisite_config.topics import chosen_topic

from .questions import Question

PER_PAGE = 10
RELATED_COUNT = 5
MAX_QUERY_LENGTH = 200
RATINGS = {"co": "helpful_yes", "khong": "helpful_no"}
VOTE_MEMORY_SECONDS = 24 * 3600
# Session keys: the question this browser just sent (its confirmation page) and those it has rated.
SUBMITTED_KEY = "faq:submitted"
RATED_KEY = "faq:rated"
MAX_RATED_REMEMBERED = 200
GET_OR_POST = method_decorator(require_http_methods(["GET", "HEAD", "POST"]))
GET_ONLY = method_decorator(require_http_methods(["GET", "HEAD"]))


class QuestionIndexPage(SiteSection, RoutablePageMixin, Page):
    """One per site, at ``/hoi-dap/``; its routes serve the list, each answer, the form and tracking.

    Questions are records, not pages: they are written by the public and moved through their states in
    the inbox, so only this page (its introduction) is edited in the page tree. An answer's public URL
    uses the record's id, never its tracking code: the code is the asker's key to follow an open question.
    """

    # Response cache tags (core/response_cache/tags.py): the per-site list it shows.
    shows_lists = ("qa",)

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang hỏi đáp")
        verbose_name_plural = _("trang hỏi đáp")

    # -- helpers shared by the routes ------------------------------------------------------------------

    def published_questions(self, request):
        """Published questions of the site this section serves (``site_for``), and of no other."""
        return Question.objects.published().filter(site=self.site_for(request)).select_related("topic")

    def subpage_url(self, request, name, *args):
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    def render_route(self, request, template, status=200, private=False, **context):
        """A route's page; ``private`` ones (they show a tracking code's result) are never cached anywhere."""
        response = self.render(request, template=template, context_overrides=context)
        response.status_code = status
        if private:
            add_never_cache_headers(response)
        return response

    def too_many(self, request, throttled):
        """The shared 429 page, leading back to this section."""
        return too_many_requests_page(request, throttled, self.get_url(request), self.title)

    # -- the published questions and answers -----------------------------------------------------------

    @path("")
    @GET_ONLY
    def index_route(self, request):
        """The list: newest answers first, filtered by topic and by a search that ignores diacritics.

        A topic that does not exist is a 400 with the list's form and the message, not an empty list."""
        topics = list(Topic.objects.all())
        query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        try:
            topic = chosen_topic(request.GET.get("chu-de", ""))
        except ValidationError as unknown:
            return self.render_route(
                request,
                "faq/question_index_page.html",
                status=400,
                topics=topics,
                query=query,
                error=unknown.messages[0],
            )
        questions = self.published_questions(request).order_by("-published_at", "-pk")
        if topic:
            questions = questions.filter(topic=topic)
        if query:
            questions = questions.search(query)
        page_of_questions = Paginator(questions, PER_PAGE).get_page(request.GET.get("trang"))
        return self.render_route(
            request,
            "faq/question_index_page.html",
            topics=topics,
            topic=topic,
            query=query,
            questions=page_of_questions,
        )

    @path("<id:pk>/", name="answer")
    @GET_OR_POST
    def answer_route(self, request, pk):
        question = self.published_questions(request).select_related("unit").filter(pk=pk).first()
        if question is None:
            raise Http404("Không có câu trả lời này.")
        if request.method == "POST":
            return self.rate(request, question)
        return self.render_answer(request, question)

    def render_answer(self, request, question, status=200, rating_error=""):
        related = []
        if question.topic_id:
            related = (
                self.published_questions(request)
                .filter(topic=question.topic_id)
                .exclude(pk=question.pk)
                .order_by("-published_at")[:RELATED_COUNT]
            )
        return self.render_route(
            request,
            "faq/question_detail.html",
            status=status,
            question=question,
            related=related,
            rating_error=rating_error,
            rated=question.pk in request.session.get(RATED_KEY, []),
        )

    def rate(self, request, question):
        """Count one "was this helpful?" vote per browser session, with an atomic database increment."""
        counter = RATINGS.get(request.POST.get("huu-ich"))
        if counter is None:
            return self.render_answer(request, question, status=400, rating_error="Vui lòng chọn “Có” hoặc “Không”.")
        rated = request.session.get(RATED_KEY, [])
        if question.pk not in rated:
            throttled = check_rate(request, "rating")
            if throttled:
                return self.too_many(request, throttled)
            # One vote per answer per client address a day, whatever sessions it opens (shared counters).
            if first_time(request, f"vote:{question.pk}", VOTE_MEMORY_SECONDS):
                Question.objects.filter(pk=question.pk).update(**{counter: F(counter) + 1})
                # An UPDATE sends no save signal: the counts show in the API, so its cached answers must go.
                purge_after_commit({tags.listing("qa", question.site_id)})
            request.session[RATED_KEY] = rated[-MAX_RATED_REMEMBERED + 1 :] + [question.pk]
        return see_other(self.subpage_url(request, "answer", question.pk) + "#danh-gia")

    # -- asking and tracking ---------------------------------------------------------------------------

    @path("dat-cau-hoi/", name="ask")
    @GET_OR_POST
    def ask_route(self, request):
        """The question form; every attempt counts towards the rate limit, valid or not."""
        if request.method != "POST":
            return self.render_form(request, QuestionForm())
        throttled = check_rate(request, "question")
        if throttled:
            return self.too_many(request, throttled)
        form = QuestionForm(request.POST)
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        question = transitions.submit(self.site_for(request), **form.cleaned_data)
        request.session[SUBMITTED_KEY] = question.pk
        return see_other(self.subpage_url(request, "submitted"))

    def render_form(self, request, form, status=200):
        """The form with a fresh timing token each time, so a re-shown form is never stuck on an old one."""
        return self.render_route(
            request,
            "faq/question_form.html",
            status=status,
            form=form,
            honeypot_field=HONEYPOT_FIELD,
            timing_field=TIMING_FIELD,
            form_token=form_token(),
        )

    @path("da-gui/", name="submitted")
    @GET_ONLY
    def submitted_route(self, request):
        """The confirmation, shown only to the browser that sent the question (the code is its key)."""
        site = self.site_for(request)
        question = Question.objects.filter(pk=request.session.get(SUBMITTED_KEY), site=site).first()
        if question is None:
            return HttpResponseRedirect(self.subpage_url(request, "track"))
        question.site = site  # its routing deadline reads the site's Q&A settings
        return self.render_route(
            request,
            "faq/question_submitted.html",
            private=True,
            question=question,
            track_url=self.subpage_url(request, "track"),
        )

    @path("tra-cuu/", name="track")
    @GET_ONLY
    def track_route(self, request):
        """Where a question stands, by its code: no name, e-mail or phone; lookups are rate-limited."""
        form = TrackingForm(request.GET if "ma" in request.GET else None)
        if not form.is_bound:
            return self.render_route(request, "faq/question_tracking.html", form=form)
        if not form.is_valid():
            return self.render_route(request, "faq/question_tracking.html", status=400, form=form)
        throttled = check_rate(request, "track")
        if throttled:
            return self.too_many(request, throttled)
        question = Question.objects.filter(
            site=self.site_for(request), tracking_code=normalise_code(form.cleaned_data["ma"])
        ).first()
        return self.render_route(
            request,
            "faq/question_tracking.html",
            status=200 if question else 404,
            private=True,
            form=form,
            question=question,
            looked_up=True,
        )

    # -- sitemap ---------------------------------------------------------------------------------------

    def get_sitemap_urls(self, request=None):
        """This page and every published answer of its site, in one query however many there are."""
        urls = super().get_sitemap_urls(request)
        url_parts = self.get_url_parts(request)
        if url_parts is None:
            return urls
        base = urls[0]["location"]
        tags.shows(tags.listing("qa", url_parts[0]))
        answers = (
            Question.objects.published()
            .filter(site_id=url_parts[0])
            .order_by("-published_at")
            .values_list("pk", "published_at", "last_reviewed_at")
        )
        return urls + [
            {"location": base + self.reverse_subpage("answer", args=(pk,)), "lastmod": reviewed or published}
            for pk, published, reviewed in answers
        ]
