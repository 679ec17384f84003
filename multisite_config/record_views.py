"""Admin views for records the public creates on one site (questions, requests, comments).

Each view loads its record only from the sites the user handles (404 outside them, even if the confinement
middleware were bypassed) and checks the permission on that record, not just on the model. The record's
"edit" page is a read-only page of what it holds, on which each app adds the forms of its own steps.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin


class HandledRecordMixin(PermissionCheckedMixin):
    """Loads the record named in the URL from the user's sites and requires ``record_permission`` on it."""

    model = None
    record_permission = "change"

    def handled(self):
        return self.model._default_manager.filter(site__in=self.permission_policy.handled_sites(self.request.user))

    def get_object(self, queryset=None):
        record = get_object_or_404(self.handled(), pk=self.kwargs["pk"])
        if not self.user_has_permission_for_instance(self.record_permission, record):
            raise PermissionDenied
        return record


class RecordDetailView(HandledRecordMixin, InspectView):
    """The "edit" page of a public record: what it holds and what staff can do, never a free-form editor."""

    any_permission_required = ["view", "change"]
    record_permission = "view"
    page_title = gettext_lazy("Chi tiết")

    def get_edit_url(self):
        return None  # this page is the record's page; there is no separate editor to link to

    def get_field_display_value(self, field_name, field):
        """Readable values: "Có"/"Không", a dash for nothing, times in the user's time zone."""
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return _("Có") if value else _("Không")
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value)
        return "—" if value in (None, "") else value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_act"] = self.user_has_permission_for_instance("change", self.object)
        return context
