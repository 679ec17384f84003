"""The admin of ratings: a read-only listing for the site's board (and the national centre), confined per site.

Ratings come from the public and are evidence of the service's quality: nobody adds, edits or deletes them
(``PublicRecordPermissionPolicy`` with "view" only). Their comments are not moderated (they are never
published) but hold what a person wrote, so only the boards read them: the listing shows the ratings of the
sites where the user has "view" on ratings (``GroupSitePermission``, granted to boards by the bootstrap), never
those of another site, and an editor or a Q&A officer sees no ratings at all.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from multisite_config.site_owned import PublicRecordPermissionPolicy, SiteOwnedSnippetViewSet

from .models import Rating

policy = PublicRecordPermissionPolicy(Rating)
register_permission_policy(Rating, policy)


class RatingViewSet(SiteOwnedSnippetViewSet):
    model = Rating
    permission_policy = policy
    icon = "success"
    menu_label = _("Đánh giá hài lòng")
    menu_name = "ratings"
    add_to_admin_menu = True
    menu_order = 330
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "target_title",
        "site",
        Column("level", label=_("Mức độ hài lòng"), accessor="get_level_display", sort_key="level"),
        "comment",
        "created_at",
    ]
    list_filter = ["site", "level"]
    list_export = ["site", "target", "target_title", "level", "comment", "created_at"]

    def get_queryset(self, request):
        sites = policy.sites_user_has_any_permission_for(request.user, ["view"])
        return Rating.objects.filter(site__in=sites).select_related("site")


register_snippet(RatingViewSet)
