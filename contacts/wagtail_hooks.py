"""Admin of contacts: units with their leaders (each site's board its own; the centre all), the change
history of contact details, citizen reception (schedule, log, monthly report) and the dashboard warning."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView

from multisite_config.forms import SiteOwnedAdminForm
from multisite_config.site_owned import SiteOwnedSnippetViewSet

from . import dashboard, history
from .models import Unit
from .models.units import CONTACT_FIELDS
from .reception_admin import log_viewset, report_menu_item, schedule_viewset

register_permission_policy(Unit, SitePermissionPolicy(Unit))


class UnitForm(SiteOwnedAdminForm):
    """Offers as parent only units of the sites the user may edit, and refuses a parent from another site.

    ``changed_on`` is not stored on the unit: it is the day the change happened in the unit, written into
    the edit's history entry, so the timeliness report can judge the 1-working-day rule of seed 002.
    """

    changed_on = forms.DateField(
        label=_("Ngày thay đổi tại đơn vị"),
        required=False,
        help_text=_(
            "Ngày thông tin liên hệ thay đổi trên thực tế; để trống nếu là hôm nay. "
            "Quy chế yêu cầu cập nhật trong 01 ngày làm việc."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "parent" in self.fields and "site" in self.fields:
            self.fields["parent"].queryset = (
                Unit.objects.filter(site__in=self.fields["site"].queryset)
                .exclude(pk=self.instance.pk)
                .select_related("site")
            )

    def clean_changed_on(self):
        day = self.cleaned_data.get("changed_on")
        if day is not None and day > timezone.localdate():
            raise forms.ValidationError(_("Ngày thay đổi không thể ở tương lai."))
        return day

    def clean(self):
        cleaned = super().clean()
        parent, site = cleaned.get("parent"), cleaned.get("site")
        if parent is not None and site is not None and parent.site_id != site.pk:
            self.add_error("parent", forms.ValidationError(_("Đơn vị cấp trên phải thuộc cùng trang.")))
        return cleaned


class UnitEditView(EditView):
    """Logs each edit with the old and new value of every changed field (see ``contacts.history``)."""

    action_class = history.ContactEditAction


class UnitViewSet(SiteOwnedSnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Đơn vị")
    list_display = ["name", "site", "kind", "phone", "email"]
    list_filter = ["site", "kind"]
    search_fields = ["name"]
    edit_view_class = UnitEditView
    edit_handler = ObjectList(
        [
            *(FieldPanel(name) for name in (*CONTACT_FIELDS, "changed_on")),
            MultiFieldPanel(
                [FieldPanel(name) for name in ("name_en", "address_en", "working_hours_en")],
                heading=_("Tiếng Anh (English)"),
            ),
            InlinePanel("leaders", heading=_("Lãnh đạo"), label=_("lãnh đạo")),
        ],
        base_form_class=UnitForm,
    )


register_snippet(UnitViewSet)
register_snippet(schedule_viewset)
register_snippet(log_viewset)
hooks.register("register_admin_menu_item", report_menu_item)
hooks.register("construct_homepage_panels", dashboard.add_panel)
hooks.register("register_log_actions", history.register_log_actions)
