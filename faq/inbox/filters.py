"""The inbox filters: state, topic, unit, site, late, due within one working day."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.permissions import policy_registry

from contacts.models import Unit
from core.deadline_panel import due_soon_cutoff
from multisite_config.models import Topic

from ..models import Question, QuestionStatus


def handled_sites(request):
    return policy_registry.get_by_type(Question).handled_sites(request.user).order_by("site_name")


def handled_units(request):
    """Only the units of the user's own sites are offered, so no other province's structure shows."""
    return Unit.objects.filter(site__in=handled_sites(request)).select_related("site")


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=QuestionStatus.choices)
    topic = django_filters.ModelChoiceFilter(label=_("Chủ đề"), queryset=Topic.objects.all())
    unit = django_filters.ModelChoiceFilter(label=_("Đơn vị trả lời"), queryset=handled_units)
    site = django_filters.ModelChoiceFilter(label=_("Trang"), queryset=handled_sites)
    late = django_filters.BooleanFilter(label=_("Trễ hạn"), method="filter_late", widget=BooleanRadioSelect)
    due_soon = django_filters.BooleanFilter(
        label=_("Đến hạn trong 1 ngày làm việc"), method="filter_due_soon", widget=BooleanRadioSelect
    )

    class Meta:
        model = Question
        fields = ["status", "topic", "unit", "site"]

    def filter_late(self, queryset, name, value):
        late = Question.objects.late()
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)

    def filter_due_soon(self, queryset, name, value):
        now = timezone.now()
        soon = Question.objects.due_by(due_soon_cutoff(now), now=now)
        return queryset.filter(pk__in=soon) if value else queryset.exclude(pk__in=soon)
