"""The moderation list's filters: draft, article, state, decision, duplicates (comments of a campaign), site."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.permissions import policy_registry

from ..models import CommentDecision, CommentStatus, DraftComment, DraftDocumentPage


def handled_sites(request):
    return policy_registry.get_by_type(DraftComment).handled_sites(request.user).order_by("site_name")


def handled_drafts(request):
    """Only drafts that have comments on the user's own sites are offered, so no other province's show."""
    ids = DraftComment.objects.filter(site__in=handled_sites(request)).values("draft_id")
    return DraftDocumentPage.objects.filter(pk__in=ids).order_by("-closes_at")


class CommentFilterSet(WagtailFilterSet):
    draft = django_filters.ModelChoiceFilter(label=_("Dự thảo"), queryset=handled_drafts)
    article = django_filters.CharFilter(label=_("Điều khoản (số hoặc mã)"), method="filter_article")
    status = django_filters.ChoiceFilter(label=_("Trạng thái duyệt"), choices=CommentStatus.choices)
    decision = django_filters.ChoiceFilter(label=_("Tiếp thu"), choices=CommentDecision.choices)
    duplicates = django_filters.BooleanFilter(
        label=_("Trùng lặp (chiến dịch)"), method="filter_duplicates", widget=BooleanRadioSelect
    )
    site = django_filters.ModelChoiceFilter(label=_("Trang"), queryset=handled_sites)

    class Meta:
        model = DraftComment
        fields = ["draft", "status", "decision", "site"]

    def filter_article(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(article_anchor=value) | Q(article__label__iexact=value)) if value else queryset

    def filter_duplicates(self, queryset, name, value):
        in_campaign = Q(campaign__isnull=False) | Q(copies__isnull=False)
        return (queryset.filter(in_campaign) if value else queryset.exclude(in_campaign)).distinct()
