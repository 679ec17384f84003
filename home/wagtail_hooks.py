"""Admin for the per-site notices: confined to the boards of the notice's site."""
from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from multisite_config.site_owned import SiteOwnedSnippetViewSet

from .models import SiteNotice

register_permission_policy(SiteNotice, SitePermissionPolicy(SiteNotice))


class SiteNoticeViewSet(SiteOwnedSnippetViewSet):
    model = SiteNotice
    icon = "warning"
    menu_label = "Thông báo của trang"
    list_display = ["title", "site", "starts_at", "ends_at"]


register_snippet(SiteNoticeViewSet)
