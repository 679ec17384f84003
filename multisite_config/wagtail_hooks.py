"""Admin hooks that keep each board inside its own site, and the admin for links shared by all sites.

Confinement is built where data is read: ``confinement.within_reach(user, queryset)`` is the one function
that narrows a queryset of any model to the user's sites (pages under their roots, media in their
collections, records whose ``site`` they reach, their sites' users, workflows, tasks, revisions and log
entries). Every admin read goes through it, by a Wagtail hook where one exists and otherwise by a view of
``admin_views.py`` routed in front of Wagtail's (``admin_urls.py``). ``AdminSiteConfinementMiddleware``
is the second line for ids in URLs. ``tests/multisite_config/test_admin_sweep.py`` requests every admin
URL pattern with the other sites' ids as each confined role, so a view nobody listed here is still tested.

What stock Wagtail leaks across sites and how each leak is closed:
- page chooser (browse, search): ``construct_page_chooser_queryset`` below; browsing into another site's
  page is a 404 from the middleware; its "chosen-multiple" answer (titles and URLs by id):
  ``PageChosenMultipleView``;
- page explorer and its menu API: page permissions on each site's root only (sites are siblings, never
  nested), and ``construct_explorer_page_queryset`` below;
- admin page search: ``WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS`` (explorable pages only);
- page views that take a page id: page permissions on each site's root (edit, history, usage, workflow
  history, previews); those that load the page before any check (the chooser opened at a page, the move
  confirmation, the workflow action, preview and cancellation views): the confined views of
  ``admin_views.py``; the middleware checks every page id again;
- the admin API (pages, images, documents; listings and details): ``confine_admin_api`` below;
- snippet choosers of site-owned models (list, search, chosen, chosen-multiple), which read every site's
  records: ``SiteOwnedSnippetViewSet.chooser_viewset_class``, the choosers of ``admin_views.py``;
- site-owned snippet listings, forms and views: ``SitePermissionPolicy`` / ``PublicRecordPermissionPolicy``,
  ``SiteOwnedSnippetViewSet.get_queryset``, its single-object views (``ConfinedObjectMixin``) and the
  middleware again;
- bulk actions, whose confirmation lists by title the records one may not act on (and ``id=all``):
  ``confined_bulk_action`` answers 404 when any id named is out of reach;
- the task chooser (every site's task, to any admin user): only for people who edit workflows, and a
  chosen task must be within reach;
- reports (locked pages, workflows, workflow tasks, site history, aging pages) and the form pages list:
  rows and every filter dropdown (users, workflows, tasks) through ``within_reach``;
- page type usage report and the per-type page lists (counts and titles of every site): national only;
- site settings: per-site ``GroupSitePermission``s, so the site switcher offers only one's own site;
- images and documents: one collection per site with collection permissions for that site's groups;
  a document no live public page shows downloads only for staff of its site (``documents.py``);
- workflows: one workflow per site whose task is approved by that site's board only.
"""

from django.http import Http404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import review, two_factor
from .confinement import pages_within_reach, reaches_all_sites, within_reach
from .documents import may_download
from .lockouts import PERMISSION as LOCKOUT_PERMISSION
from .lockouts import LockoutsView
from .models import PortalLink, Topic
from .site_owned import PortalSnippetViewSet


@hooks.register("construct_page_chooser_queryset")
def confine_page_chooser(pages, request):
    return pages_within_reach(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def confine_explorer(parent_page, pages, request):
    return pages_within_reach(request.user, pages)


@hooks.register("register_admin_urls")
def account_security_urls():
    return [
        path("xac-thuc-hai-lop/", two_factor.VerifyView.as_view(), name="vss_2fa_verify"),
        path("xac-thuc-hai-lop/dang-ky/", two_factor.EnrolView.as_view(), name="vss_2fa_enrol"),
        path("xac-thuc-hai-lop/thiet-bi/", two_factor.DevicesView.as_view(), name="vss_2fa_devices"),
        path("khoa-dang-nhap/", LockoutsView.as_view(), name="vss_lockouts"),
    ]


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(
        "Đăng nhập bị khóa", reverse("vss_lockouts"), icon_name="lock", order=900, name="khoa-dang-nhap"
    )


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(LOCKOUT_PERMISSION)


@hooks.register("before_serve_document")
def serve_public_or_reachable_documents(document, request):
    """``documents.py``: a file no live public page shows downloads only for staff of its site."""
    if not may_download(request.user, document):
        raise Http404


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


class PortalLinkViewSet(PortalSnippetViewSet):
    model = PortalLink
    icon = "link"
    menu_label = "Liên kết dùng chung"
    add_to_admin_menu = False
    list_display = ["title", "url", "group", "sort_order"]
    list_filter = ["group"]


register_snippet(PortalLinkViewSet)


class TopicViewSet(PortalSnippetViewSet):
    """Policy topics shared by every site; model permissions, so only the national centre edits them."""

    model = Topic
    icon = "tag"
    menu_label = "Chủ đề dùng chung"
    add_to_admin_menu = False
    list_display = ["name", "slug"]


register_snippet(TopicViewSet)


# The reviewer's view of the page workflow: approving is the primary action, "Chờ bạn duyệt" first on the
# dashboard (after the apps have added their panels), and a message that says what an approval did.
hooks.register("construct_page_action_menu", review.approve_first)
hooks.register("construct_homepage_panels", review.review_first, order=100)
hooks.register("after_edit_page", review.say_outcome)
