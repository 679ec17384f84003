"""Admin forms for records that belong to one site."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permissions import policy_registry


class SiteOwnedAdminForm(WagtailAdminModelForm):
    """Offers in the ``site`` field only the sites the user may add or change records of this kind on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields and self.for_user is not None:
            policy = policy_registry.get_by_type(self._meta.model)
            sites = policy.sites_user_has_any_permission_for(self.for_user, ["add", "change"])
            self.fields["site"].queryset = sites.order_by("site_name")
            if sites.count() == 1 and not self.instance.pk:
                self.fields["site"].initial = sites.first()
