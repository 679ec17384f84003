"""Admin hooks that keep each board inside its own site, and the admin for links shared by all sites.

What stock Wagtail leaks across sites and how each leak is closed:
- page chooser (browse and search): ``construct_page_chooser_queryset`` keeps pages under the user's
  site roots; browsing into another site's page is a 404 from ``AdminSiteConfinementMiddleware``;
- page explorer and its menu API: page permissions are granted on each site's root only (sites are
  siblings, never nested), and ``construct_explorer_page_queryset`` narrows listings again;
- admin page search: ``WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS`` (explorable pages only);
- page views that take a page id (history, usage, workflow history, previews): the middleware;
- page types usage report (counts and last-edited titles of every site): national centre only;
- site settings: per-site ``GroupSitePermission``s, so the site switcher offers only one's own site;
- site-owned snippets: ``SitePermissionPolicy`` + ``SiteOwnedSnippetViewSet`` + the middleware;
- images and documents: one collection per site with collection permissions for that site's groups;
- workflows: one workflow per site whose task is approved by that site's board only.
"""
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .confinement import pages_within_reach, reaches_all_sites, within_reach
from .models import PortalLink, Topic


@hooks.register("construct_page_chooser_queryset")
def confine_page_chooser(pages, request):
    return pages_within_reach(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def confine_explorer(parent_page, pages, request):
    return pages_within_reach(request.user, pages)


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own apps have registered theirs
def confine_admin_api(router):
    """Every endpoint of the admin API (pages, images, documents) lists and opens only what is within reach."""
    for name, endpoint in list(router._endpoints.items()):
        router.register_endpoint(name, type(endpoint.__name__, (ConfinedAPIMixin, endpoint), {}))


class ConfinedAPIMixin:
    def get_queryset(self):
        return within_reach(self.request.user, super().get_queryset())


@hooks.register("construct_reports_menu")
def hide_cross_site_reports(request, menu_items):
    if not reaches_all_sites(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


class PortalLinkViewSet(SnippetViewSet):
    model = PortalLink
    icon = "link"
    menu_label = "Liên kết dùng chung"
    add_to_admin_menu = False
    list_display = ["title", "url", "group", "sort_order"]
    list_filter = ["group"]


register_snippet(PortalLinkViewSet)


class TopicViewSet(SnippetViewSet):
    """Policy topics shared by every site; model permissions, so only the national centre edits them."""

    model = Topic
    icon = "tag"
    menu_label = "Chủ đề dùng chung"
    add_to_admin_menu = False
    list_display = ["name", "slug"]


register_snippet(TopicViewSet)
