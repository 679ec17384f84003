"""The board's inbox of cases in the Wagtail admin: its filters, a case's page, receiving a letter, opening a
case from a reception log entry, and the dashboard panel of late and soon-late cases.

Everything reads through the permission policy's ``handled_sites`` (the sites the user handles): another
site's case is a 404, a transferred case leaves the sender's inbox the moment it moves. A denunciant's
identity is shown only to the case's handlers (``ComplaintCase.identity_visible_to``): every other officer of
the site sees that it is protected, never the value, and no listing, search or export holds it.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import Site
from wagtail.permissions import policy_registry

from contacts.models import ReceptionLog
from core.deadline_panel import DeadlinesPanel, due_soon_cutoff
from core.deadline_panel import deadline_counts as counts_of
from core.record_actions import ActionRefused
from multisite_config.confinement import within_reach
from multisite_config.record_views import RecordActionFormsMixin, RecordActionView, RecordDetailView

from . import transitions
from .actions import STEP_LABELS
from .models import IDENTITY_FIELDS, CaseChannel, CaseKind, CaseStatus, ComplaintCase

CASE_FIELDS = [
    "site",
    "kind",
    "channel",
    "status",
    "received_at",
    "site_received_at",
    "due_at",
    "name",
    "address",
    "contact",
    "id_number",
    "subject",
    "content",
    "instance",
    "remote_area",
    "complexity",
    "handlers",
    "accepted_at",
    "refusal_reason",
    "extension_count",
    "extension_days",
    "outcome",
    "resolution",
    "resolved_at",
    "transferred_to_agency",
    "closed_at",
]
PROTECTED = gettext_lazy("Được bảo mật: chỉ cán bộ giải quyết đơn tố cáo được xem (Luật Tố cáo, Điều 9).")
STATUS_LABELS = dict(CaseStatus.choices)


def case_policy():
    return policy_registry.get_by_type(ComplaintCase)


def handled_sites(request):
    return case_policy().handled_sites(request.user).order_by("site_name")


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Trạng thái"), choices=CaseStatus.choices)
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Loại đơn"), choices=CaseKind.choices)
    site = django_filters.ModelChoiceFilter(label=gettext_lazy("Trang"), queryset=handled_sites)
    late = django_filters.BooleanFilter(label=gettext_lazy("Trễ hạn"), method="filter_late", widget=BooleanRadioSelect)
    due_soon = django_filters.BooleanFilter(
        label=gettext_lazy("Đến hạn trong 1 ngày làm việc"), method="filter_due_soon", widget=BooleanRadioSelect
    )

    class Meta:
        model = ComplaintCase
        fields = ["status", "kind", "site"]

    def filter_late(self, queryset, name, value):
        late = ComplaintCase.objects.late()
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)

    def filter_due_soon(self, queryset, name, value):
        now = timezone.now()
        soon = ComplaintCase.objects.due_by(due_soon_cutoff(now), now=now)
        return queryset.filter(pk__in=soon) if value else queryset.exclude(pk__in=soon)


def event_row(event):
    return {
        "event": event,
        "action": STEP_LABELS.get(event.action, event.action),
        "from_status": STATUS_LABELS.get(event.from_status, ""),
        "to_status": STATUS_LABELS.get(event.to_status, ""),
    }


class CaseDetailView(RecordActionFormsMixin, RecordDetailView):
    """A case's page: what it holds (a denunciant's identity only for its handlers), its log, its steps."""

    fields = CASE_FIELDS

    def handled(self):
        return super().handled().select_related("site")

    @cached_property
    def identity_visible(self):
        return self.object.identity_visible_to(self.request.user)

    def get_field_display_value(self, field_name, field):
        if field_name in IDENTITY_FIELDS and not self.identity_visible:
            return PROTECTED
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        context.update(
            case=case,
            identity_hidden=not self.identity_visible,
            events=[event_row(event) for event in case.events.select_related("user", "acting_site")],
        )
        return context


class CaseActionView(RecordActionView):
    """A step on a case; after a transfer to another site the case is no longer this user's, so they go back
    to the inbox rather than to a page that is now (rightly) a 404."""

    def post(self, request, pk, action):
        response = super().post(request, pk, action)
        if not self.handled().filter(pk=pk).exists():
            return redirect(self.index_url_name)
        return response


class PersonFields(forms.Form):
    """The person and the matter, as a letter or the reception officer gives them."""

    name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=120)
    address = forms.CharField(label=gettext_lazy("Địa chỉ"), max_length=300, required=False)
    contact = forms.CharField(label=gettext_lazy("Điện thoại, thư điện tử"), max_length=200, required=False)
    id_number = forms.CharField(label=gettext_lazy("Số CCCD/CMND/hộ chiếu"), max_length=20, required=False)
    content = forms.CharField(
        label=gettext_lazy("Nội dung đơn"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    instance = forms.TypedChoiceField(
        label=gettext_lazy("Lần giải quyết (khiếu nại)"),
        choices=[(1, gettext_lazy("Lần đầu")), (2, gettext_lazy("Lần hai"))],
        coerce=int,
    )


class ReceiveForm(PersonFields):
    site = forms.ModelChoiceField(label=gettext_lazy("Trang tiếp nhận"), queryset=Site.objects.none())
    kind = forms.ChoiceField(label=gettext_lazy("Loại đơn"), choices=CaseKind.choices)
    channel = forms.ChoiceField(label=gettext_lazy("Hình thức tiếp nhận"), choices=CaseChannel.choices)
    subject = forms.CharField(label=gettext_lazy("Tóm tắt nội dung"), max_length=300)
    field_order = ["site", "kind", "channel", "name", "address", "contact", "id_number", "subject", "content"]

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites


class CaseFormView(WagtailAdminTemplateMixin, FormView):
    """A form that opens a case, for a user who may change cases on at least one site."""

    template_name = "complaints/admin/receive.html"
    header_icon = "mail"
    index_url_name = None
    edit_url_name = None

    def writable_sites(self):
        return case_policy().sites_user_has_permission_for(self.request.user, "change").order_by("site_name")

    def dispatch(self, request, *args, **kwargs):
        if not self.writable_sites().exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def opened(self, case):
        messages.success(self.request, _("Đã tiếp nhận đơn, mã tra cứu %(code)s.") % {"code": case.display_code})
        return redirect(self.edit_url_name, case.pk)


class ReceiveLetterView(CaseFormView):
    """Tiếp nhận đơn: a letter received by post (or a matter brought in person without a log entry)."""

    page_title = gettext_lazy("Tiếp nhận đơn khiếu nại, tố cáo, kiến nghị, phản ánh")

    def get_form(self, form_class=None):
        return ReceiveForm(**self.get_form_kwargs(), sites=self.writable_sites())

    def get_initial(self):
        return {"channel": CaseChannel.LETTER, "instance": 1}

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        return self.opened(transitions.receive(data.pop("site"), user=self.request.user, **data))


class FromReceptionView(CaseFormView):
    """Mở hồ sơ đơn from a reception log entry: same site, kind, person and subject; the entry is read through
    ``within_reach`` and its site must be one where the user may change cases. Its id is not called ``pk``:
    the confinement middleware reads ``pk`` as a case's id."""

    page_title = gettext_lazy("Mở hồ sơ đơn từ sổ tiếp công dân")

    @cached_property
    def entry(self):
        entry = get_object_or_404(
            within_reach(self.request.user, ReceptionLog.objects.all()), pk=self.kwargs["entry_id"]
        )
        if not self.writable_sites().filter(pk=entry.site_id).exists():
            raise PermissionDenied
        return entry

    def get(self, request, *args, **kwargs):
        existing = ComplaintCase.objects.filter(reception_log=self.entry).first()
        if existing is not None and case_policy().user_has_permission_for_instance(request.user, "view", existing):
            return redirect(self.edit_url_name, existing.pk)
        return super().get(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = PersonFields(**self.get_form_kwargs())
        del form.fields["name"]  # the log entry's
        return form

    def get_initial(self):
        return {"content": self.entry.subject, "instance": 1}

    def get_page_subtitle(self):
        return str(self.entry)

    def form_valid(self, form):
        try:
            case = transitions.open_from_reception(self.entry, self.request.user, **form.cleaned_data)
        except ActionRefused as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return self.opened(case)


def deadline_counts(user, now=None):
    """[{site_id, site_name, late, due_soon}] for the user's sites with anything to show, in one query."""
    cases = ComplaintCase.objects.running().filter(site__in=case_policy().handled_sites(user))
    return counts_of(cases, now or timezone.now())


class CaseDeadlinesPanel(DeadlinesPanel):
    """Late and soon-late cases of the user's sites on the dashboard (``core.deadline_panel``)."""

    name = "complaint_deadlines"
    heading = "Đơn khiếu nại, tố cáo trễ hạn và sắp đến hạn"
    order = 55

    def counts(self, user):
        return deadline_counts(user)
