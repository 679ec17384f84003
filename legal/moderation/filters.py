"""The moderation list's filters: draft, article, state, decision, duplicates (comments of a campaign), site.

The list is a queue: without a ``status`` in the query string it shows the comments waiting for moderation
("Chờ duyệt"); ``status=all`` shows every comment. The bulk actions read the same filters, so "select all
in the listing" acts on what the list shows, never on comments hidden by the default.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.active_filters import ChoiceFilterAdapter, register_filter_adapter_class
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.permissions import policy_registry

from ..models import CommentDecision, CommentStatus, DraftComment, DraftDocumentPage

ALL_STATES = "all"
DEFAULT_STATE = CommentStatus.PENDING
STATE_CHOICES = [*CommentStatus.choices, (ALL_STATES, _("Tất cả"))]


def handled_sites(request):
    return policy_registry.get_by_type(DraftComment).handled_sites(request.user).order_by("site_name")


def handled_drafts(request):
    """Only drafts that have comments on the user's own sites are offered, so no other province's show."""
    ids = DraftComment.objects.filter(site__in=handled_sites(request)).values("draft_id")
    return DraftDocumentPage.objects.filter(pk__in=ids).order_by("-closes_at")


class StateFilter(django_filters.ChoiceFilter):
    """One state, or ``all``; the filter set gives it ``DEFAULT_STATE`` when the query string names none."""

    def filter(self, qs, value):
        return qs if value in ("", ALL_STATES) else qs.filter(status=value)


class StateFilterAdapter(ChoiceFilterAdapter):
    """Removing the state filter shows every comment: dropping ``status`` would bring the default back."""

    def get_url_without_filter_param(self, param):
        query_dict = self.query_dict.copy()
        query_dict[param] = ALL_STATES
        return f"{self.base_url}?{query_dict.urlencode()}"

    def get_active_filters(self):
        return [] if self.value == ALL_STATES else super().get_active_filters()


register_filter_adapter_class(StateFilter, StateFilterAdapter)


class CommentFilterSet(WagtailFilterSet):
    draft = django_filters.ModelChoiceFilter(label=_("Dự thảo"), queryset=handled_drafts)
    article = django_filters.CharFilter(label=_("Điều khoản (số hoặc mã)"), method="filter_article")
    status = StateFilter(label=_("Trạng thái duyệt"), choices=STATE_CHOICES, empty_label=None)
    decision = django_filters.ChoiceFilter(label=_("Tiếp thu"), choices=CommentDecision.choices)
    duplicates = django_filters.BooleanFilter(
        label=_("Trùng lặp (chiến dịch)"), method="filter_duplicates", widget=BooleanRadioSelect
    )
    site = django_filters.ModelChoiceFilter(label=_("Trang"), queryset=handled_sites)

    class Meta:
        model = DraftComment
        fields = ["draft", "status", "decision", "site"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("status"):
            data = data.copy()
            data["status"] = DEFAULT_STATE
        super().__init__(data, *args, **kwargs)

    def filter_article(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(article_anchor=value) | Q(article__label__iexact=value)) if value else queryset

    def filter_duplicates(self, queryset, name, value):
        in_campaign = Q(campaign__isnull=False) | Q(copies__isnull=False)
        return (queryset.filter(in_campaign) if value else queryset.exclude(in_campaign)).distinct()
