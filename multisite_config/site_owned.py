"""The admin side of records that belong to one site (a ``site`` foreign key): forms, listings, policy.

Later apps register their site-owned models (questions, comments, schedules) the same way:
``register_permission_policy(Model, SitePermissionPolicy(Model))`` and a ``SiteOwnedSnippetViewSet``.
The listing shows only reachable sites' records, the form offers only the sites the user may write to,
and ``AdminSiteConfinementMiddleware`` refuses every URL of the viewset that names another site's record.
"""
from wagtail.snippets.views.snippets import SnippetViewSet

from .confinement import reachable_sites

# Admin URL namespace of each site-owned viewset -> its model; read by the confinement middleware.
SITE_OWNED_ADMIN_NAMESPACES = {}


class SiteOwnedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every view stays within the user's own sites."""

    list_filter = ["site"]

    def get_queryset(self, request):
        return self.model._default_manager.filter(site__in=reachable_sites(request.user)).select_related("site")

    def on_register(self):
        super().on_register()
        SITE_OWNED_ADMIN_NAMESPACES[self.get_admin_url_namespace()] = self.model
