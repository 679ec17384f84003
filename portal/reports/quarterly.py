"""The quarterly activity report of seed 003 (8.3): what each site published and handled in a quarter.

One row per site the reader may see (plus the national total for the centre). Each figure is grouped by
site inside the database, so the report costs the same handful of queries for one site or 35; pages are
given their site by the root their path starts with. The admin table, the chart and the XLSX file are
all written from the same ``ActivityReport``.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from contacts.models import ReceptionLog
from faq.models import InformationRequest, Question, QuestionStatus
from faq.models.questions import OPEN_STATUSES
from home.news import NewsPage
from legal.models import DraftComment, DraftDocumentPage, LegalDocumentPage

from .question_delays import QUESTION_FIELDS, answered_late, routing_days_by_site
from .sites import site_name, site_of_page

COLUMNS = (
    ("news", "Tin bài đã đăng"),
    ("documents", "Văn bản đã đăng"),
    ("drafts", "Dự thảo đã đăng"),
    ("questions_received", "Câu hỏi nhận được"),
    ("questions_answered", "Câu hỏi đã trả lời"),
    ("questions_late", "Câu hỏi trễ hạn"),
    ("comments", "Góp ý dự thảo"),
    ("information_requests", "Yêu cầu cung cấp thông tin"),
    ("receptions", "Lượt tiếp công dân"),
)


@dataclass
class ActivityReport:
    quarter: object
    labels: list
    rows: list  # (site name, [figures]) in column order
    total: list | None  # the national total, for the centre only

    def column(self, key):
        index = [k for k, _label in COLUMNS].index(key)
        return [(name, values[index]) for name, values in self.rows]


def _pages_by_site(model, sites, quarter, published):
    """{site id: count} of pages of ``model`` published in the quarter under each site's root.

    A page that never went live does not count, even if an editor typed a publication date on it.
    """
    return dict(
        model.objects.filter(first_published_at__isnull=False)
        .annotate(published_on=published, report_site=site_of_page(sites))
        .filter(report_site__isnull=False, **quarter.bounds("published_on"))
        .values("report_site")
        .annotate(count=Count("pk"))
        .values_list("report_site", "count")
        .order_by()
    )


def _by_site(queryset, **aggregates):
    return {row.pop("site"): row for row in queryset.values("site").annotate(**aggregates).order_by()}


def _question_figures(site_ids, quarter, now):
    """Received and answered in the quarter, and late: answered late, or open past a deadline that fell in it."""
    received, published, due = (Q(**quarter.bounds(field)) for field in ("received_at", "published_at", "due_at"))
    questions = Question.objects.filter(received | published | due, site__in=site_ids)
    figures = _by_site(
        questions,
        received=Count("pk", filter=received),
        answered=Count("pk", filter=published & Q(status=QuestionStatus.PUBLISHED)),
        late=Count("pk", filter=due & Q(status__in=OPEN_STATUSES, paused_at__isnull=True, due_at__lt=now)),
    )
    routing = routing_days_by_site(site_ids)
    for row in questions.published().filter(**quarter.bounds("published_at")).values(*QUESTION_FIELDS):
        if answered_late(row, routing[row["site_id"]]):
            figures[row["site_id"]]["late"] += 1
    return figures


def activity_report(sites, quarter, with_total, now=None):
    """The report of ``quarter`` for ``sites`` (a queryset with root pages), zero rows included."""
    sites = list(sites)
    site_ids = [site.pk for site in sites]
    first_published = F("first_published_at")
    news = _pages_by_site(NewsPage, sites, quarter, Coalesce("published_at", "first_published_at"))
    documents = _pages_by_site(LegalDocumentPage, sites, quarter, first_published)
    drafts = _pages_by_site(DraftDocumentPage, sites, quarter, first_published)
    questions = _question_figures(site_ids, quarter, now or timezone.now())
    comments = _by_site(
        DraftComment.objects.filter(site__in=site_ids, **quarter.bounds("submitted_at")), count=Count("pk")
    )
    requests = _by_site(
        InformationRequest.objects.filter(site__in=site_ids, **quarter.bounds("received_at")), count=Count("pk")
    )
    receptions = _by_site(
        ReceptionLog.objects.filter(site__in=site_ids, date__gte=quarter.start.date(), date__lt=quarter.end.date()),
        count=Count("pk"),
    )
    rows = []
    for site in sites:
        asked = questions.get(site.pk, {})
        rows.append(
            (
                site_name(site),
                [
                    news.get(site.pk, 0),
                    documents.get(site.pk, 0),
                    drafts.get(site.pk, 0),
                    asked.get("received", 0),
                    asked.get("answered", 0),
                    asked.get("late", 0),
                    comments.get(site.pk, {}).get("count", 0),
                    requests.get(site.pk, {}).get("count", 0),
                    receptions.get(site.pk, {}).get("count", 0),
                ],
            )
        )
    total = [sum(values[i] for _name, values in rows) for i in range(len(COLUMNS))] if with_total else None
    return ActivityReport(quarter, [label for _key, label in COLUMNS], rows, total)
