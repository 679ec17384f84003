"""Admin of units: each site's board keeps its own units (to which questions are routed); the centre sees all."""
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from multisite_config.forms import SiteOwnedAdminForm
from multisite_config.site_owned import SiteOwnedSnippetViewSet

from .models import Unit

register_permission_policy(Unit, SitePermissionPolicy(Unit))


class UnitForm(SiteOwnedAdminForm):
    """Offers as parent only units of the sites the user may edit, and refuses a parent from another site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "parent" in self.fields and "site" in self.fields:
            self.fields["parent"].queryset = Unit.objects.filter(
                site__in=self.fields["site"].queryset).exclude(pk=self.instance.pk).select_related("site")

    def clean(self):
        cleaned = super().clean()
        parent, site = cleaned.get("parent"), cleaned.get("site")
        if parent is not None and site is not None and parent.site_id != site.pk:
            self.add_error("parent", forms.ValidationError(_("Đơn vị cấp trên phải thuộc cùng trang.")))
        return cleaned


class UnitViewSet(SiteOwnedSnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Đơn vị")
    list_display = ["name", "site", "kind", "phone", "email"]
    list_filter = ["site", "kind"]
    search_fields = ["name"]
    edit_handler = ObjectList([FieldPanel(name) for name in (
        "site", "kind", "parent", "name", "address", "phone", "fax", "email", "website", "working_hours", "map_url",
    )], base_form_class=UnitForm)


register_snippet(UnitViewSet)
