"""The inbox filters: state, topic, unit, site, late, due within one working day; the outbox's by state."""

import django_filters
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.permissions import policy_registry

from contacts.models import Unit
from core.deadline_panel import due_soon_cutoff
from multisite_config.models import Topic

from ..models import OutboundEmail, Question, QuestionStatus


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


class EmailState(models.TextChoices):
    FAILED = "failed", _("Gửi không thành công")
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    ALL = "all", _("Tất cả")


class EmailFilterSet(WagtailFilterSet):
    """The outbox by state; without a state chosen the list shows the failed messages (``FailedEmailViewSet``),
    the ones staff must act on."""

    state = django_filters.ChoiceFilter(
        label=_("Tình trạng"), choices=EmailState.choices, method="filter_state", empty_label=None
    )
    site = django_filters.ModelChoiceFilter(label=_("Trang"), queryset=handled_sites)

    class Meta:
        model = OutboundEmail
        fields = ["state", "site", "kind"]

    def filter_state(self, queryset, name, value):
        if value == EmailState.FAILED:
            return queryset.failed()
        if value == EmailState.PENDING:
            return queryset.pending().filter(attempts=0)
        if value == EmailState.SENT:
            return queryset.filter(sent_at__isnull=False)
        return queryset
