"""The dashboard panel that warns a board when its head has a month without a reception day (seed 004)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .reception_admin import schedule_policy, schedule_viewset
from .reception_warnings import MONTHS_AHEAD, missing_head_receptions


class HeadReceptionPanel(Component):
    name = "head_reception"
    template_name = "contacts/admin/head_reception_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        sites = schedule_policy.sites_user_has_any_permission_for(user, ["add", "change"])
        missing, without_head = missing_head_receptions(sites)
        return {
            "missing": missing,
            "without_head": without_head,
            "months_ahead": MONTHS_AHEAD,
            "schedule_url": reverse(schedule_viewset.get_url_name("add")),
        }


def add_panel(request, panels):
    if schedule_policy.user_has_any_permission(request.user, ["add", "change"]):
        panels.append(HeadReceptionPanel())
