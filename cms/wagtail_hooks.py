"""Admin for the national calendar adjustments (days off and make-up working days decided each year)."""
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CalendarAdjustment


class CalendarAdjustmentViewSet(SnippetViewSet):
    model = CalendarAdjustment
    icon = "date"
    menu_label = "Lịch làm việc"
    list_display = ["date", "kind", "reason"]
    list_filter = ["kind"]


register_snippet(CalendarAdjustmentViewSet)
