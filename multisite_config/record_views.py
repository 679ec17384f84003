"""Admin views for records the public creates on one site (questions, requests, comments).

Each view loads its record only from the sites the user handles (404 outside them, even if the confinement
middleware were bypassed) and checks the permission on that record, not just on the model. The record's
page is a read-only page of what it holds, with the forms of the steps its state allows (``core.record_actions``);
every step of every app is taken through the one ``RecordActionView``.
"""

import datetime
from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import InspectView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core.record_actions import ACT_PERMISSION, ActionRefused, RecordAction, named, offered_forms
from core.record_listing import EMPTY, late_label, local_text, working_days_late
from core.yes_no import yes_no


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


class RecordActionFormsMixin:
    """For a record's page: the forms of the steps offered to the user (``actions`` in the template, as
    (step, form) pairs) and ``action_url_name``, the route they post to."""

    actions: Sequence[RecordAction] = ()
    action_url_name = None

    def get_context_data(self, **kwargs: Any) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            actions=offered_forms(self.actions, self.object, self.request.user),
            action_url_name=self.action_url_name,
        )
        return context


class ReadableFieldsMixin:
    """For an inspect view of a record: "Có"/"Không", a dash for nothing (never "None"), times in the portal's
    time zone ("16:30 04/12/2026", not Wagtail's UTC), the code as citizens have it (the model's
    ``get_tracking_code_display``), and ``late_label`` in the context: the red flag of a late record
    (``core.record_listing``)."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, datetime.datetime):
            return local_text(value)
        return EMPTY if value in (None, "") else value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if hasattr(self.object, "is_late"):
            context["late_label"] = late_label(working_days_late(self.object))
        return context


class RecordDetailView(ReadableFieldsMixin, HandledRecordMixin, InspectView):
    """The "edit" page of a public record: what it holds and what staff can do, never a free-form editor."""

    any_permission_required = ["view", "change"]
    record_permission = "view"
    page_title = gettext_lazy("Chi tiết")

    def get_edit_url(self):
        return None  # this page is the record's page; there is no separate editor to link to

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_act"] = self.user_has_permission_for_instance("change", self.object)
        return context


class RecordActionView(HandledRecordMixin, WagtailAdminTemplateMixin, TemplateView):
    """One step for one record. GET shows the step's form on a page of its own; POST validates it, applies it
    in a transaction, says what happened and goes back to the record's page.

    Refusals: a record outside the user's sites is a 404, a user without "change" on it a 403, an unknown
    step a 404; a step the record's state does not allow has no form page (404) and, if posted anyway, is
    refused by the app's rules with their reason, nothing saved. A form error is said field by field on the
    record's page, where the forms are.
    """

    permission_required = ACT_PERMISSION
    record_permission = ACT_PERMISSION
    template_name = "multisite_config/record_action.html"
    actions: Sequence[RecordAction] = ()
    record_url_name = None
    index_url_name = None
    done_message = gettext_lazy("Đã thực hiện “{action}”.")

    def get_step(self) -> RecordAction:
        step = named(self.actions, self.kwargs["action"])
        if step is None:
            raise Http404
        return step

    def get(self, request: HttpRequest, pk: Any, action: str) -> HttpResponse:
        self.record, self.step = self.get_object(), self.get_step()
        if not self.step.offered(self.record, request.user):
            raise Http404
        return self.render_to_response(
            self.get_context_data(step=self.step, form=self.step.bind(self.record), url=request.path)
        )

    def post(self, request: HttpRequest, pk: Any, action: str) -> HttpResponse:
        record, step = self.get_object(), self.get_step()
        form = step.bind(record, request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
            return redirect(self.record_url_name, pk)
        try:
            with transaction.atomic():
                step.apply(record, request.user, form.cleaned_data)
        except ActionRefused as error:
            messages.error(request, str(error))
        else:
            done = step.done(record) if step.done else str(self.done_message).format(action=step.label, record=record)
            messages.success(request, done)
        return redirect(self.record_url_name, pk)

    def get_page_title(self) -> str:
        return self.step.label

    def get_page_subtitle(self) -> str:
        return str(self.record)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": capfirst(self.model._meta.verbose_name_plural)},
            {"url": reverse(self.record_url_name, args=[self.record.pk]), "label": str(self.record)},
            {"url": "", "label": self.step.label},
        ]


class RecordActionsViewSetMixin:
    """For a site-owned viewset whose records are taken through steps: routes ``act/<pk>/<step>/`` to the one
    ``RecordActionView`` with ``record_actions``, which returns to the record's page (``record_page``, the
    viewset's route that shows the forms: give it ``record_page_kwargs()``)."""

    record_actions: Sequence[RecordAction] = ()
    record_page = "edit"
    action_done_message = RecordActionView.done_message

    @property
    def action_view(self):
        return self.construct_view(
            RecordActionView,
            actions=self.record_actions,
            record_url_name=self.get_url_name(self.record_page),
            done_message=self.action_done_message,
        )

    def record_page_kwargs(self) -> dict:
        return {"actions": self.record_actions, "action_url_name": self.get_url_name("act")}

    def get_urlpatterns(self) -> list[URLPattern]:
        return super().get_urlpatterns() + [
            path(f"act/<{self.pk_path_converter}:pk>/<slug:action>/", self.action_view, name="act"),
        ]
