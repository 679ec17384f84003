"""The admin side of records that belong to one site (a ``site`` foreign key): forms, listings, policy.

Later apps register their site-owned models (questions, comments, schedules) the same way:
``register_permission_policy(Model, SitePermissionPolicy(Model))`` and a ``SiteOwnedSnippetViewSet``.
The listing shows only reachable sites' records, the form offers only the sites the user may write to,
and every view of the viewset that opens one record (inspect, edit, delete, history, usage, revisions,
lock, workflow, the apps' own subclasses of them) loads it only from ``within_reach``: a record of another
site is a 404 by construction. ``AdminSiteConfinementMiddleware`` refuses the same URLs again, as a second
line only.
Records the public creates (questions, requests, comments) use ``PublicRecordPermissionPolicy`` instead:
staff handle them on their own sites but never add or delete them.
"""

from inspect import getattr_static

from wagtail.permission_policies.sites import SitePermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from core.spreadsheets import SnippetIndexView

from .admin_views import SnippetChooserViewSet, confined
from .confinement import is_confined_model, within_reach

# Admin URL namespace of each site-owned viewset -> its model; read by the confinement middleware.
SITE_OWNED_ADMIN_NAMESPACES = {}


class PortalSnippetViewSet(SnippetViewSet):
    """The base of every snippet viewset of the portal: its chooser reads through ``within_reach`` (a shared
    model passes unchanged) and routes no "create/" without a creation form, and its CSV/XLSX export
    neutralises spreadsheet formulas."""

    chooser_viewset_class = SnippetChooserViewSet
    index_view_class = SnippetIndexView

    def __init__(self, *args, **kwargs):
        """For a model that belongs to a site (``is_confined_model``), every view class that loads an object
        (``*_view_class`` with a ``get_object``: Wagtail's defaults and any an app sets, such as the request's
        inspect view or a unit's edit view) is confined here (``confined``): no list of views or URLs to keep
        in step with Wagtail, and an app subclass keeps its behaviour with the confinement first. Shared
        models' views are left as they are: nothing to narrow, no query to add."""
        super().__init__(*args, **kwargs)
        if not is_confined_model(self.model):
            return
        for name in dir(self):
            if not name.endswith("_view_class") or isinstance(getattr_static(self, name), property):
                continue  # a property (revisions_revert_view_class) builds on edit_view_class, confined here
            view_class = getattr(self, name)
            if isinstance(view_class, type) and hasattr(view_class, "get_object"):
                setattr(self, name, confined(view_class))


class SiteOwnedSnippetViewSet(PortalSnippetViewSet):
    """A snippet viewset of a model with a ``site``: its listing and filter by site read through
    ``within_reach`` like its single-object views (confined by ``PortalSnippetViewSet``)."""

    list_filter = ["site"]

    def get_queryset(self, request):
        return within_reach(request.user, self.model._default_manager.select_related("site"))

    def on_register(self):
        super().on_register()
        SITE_OWNED_ADMIN_NAMESPACES[self.get_admin_url_namespace()] = self.model


# Records come from the public and are kept as evidence: nobody (not even a superuser) adds or deletes them
# in the admin; "change" means handling them through the actions of the inbox.
NEVER_IN_ADMIN = frozenset({"add", "delete"})


class PublicRecordPermissionPolicy(SitePermissionPolicy):
    """Per-site "view" and "change" (``GroupSitePermission``) or national (model permissions), no add/delete."""

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action not in NEVER_IN_ADMIN]
        return bool(actions) and super().user_has_any_permission(user, actions)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = [action for action in actions if action not in NEVER_IN_ADMIN]
        return bool(actions) and super().user_has_any_permission_for_instance(user, actions, instance)

    def handled_sites(self, user):
        """The sites whose records this user handles (sees in the inbox)."""
        return self.sites_user_has_any_permission_for(user, ["view", "change"])
