"""The second line: refuse admin URLs that name a page or a site-owned record of a site the user does not reach.

The first line is where data is read, and it must hold alone (the admin sweep runs with and without this
middleware): ``confinement.within_reach`` in the querysets of the admin views, the single-object views of
every ``SiteOwnedSnippetViewSet`` (``admin_views.ConfinedObjectMixin``), the page views that load a page by
id before any permission check (``admin_views.py``, routed by ``admin_urls.py``), ``wagtail_hooks.py``.
This middleware checks again every admin URL that carries a page id, or the pk of a site-owned snippet,
against the user's sites, so that a view Wagtail adds or changes is refused here too until the sweep shows
it. Outside them the answer is 404, so not even the existence of the record leaks.
"""

from django.contrib.admin.utils import unquote
from django.http import Http404

from .confinement import page_within_reach, reaches_all_sites, within_reach
from .site_owned import SITE_OWNED_ADMIN_NAMESPACES

PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
# Namespaces whose views call a page's id ``pk`` (revision comparison, the admin's own pages API).
PAGE_PK_NAMESPACES = {"wagtailadmin_pages", "wagtailadmin_api:pages"}


class AdminSiteConfinementMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if not request.path.startswith("/admin/") or user is None or not user.is_authenticated:
            return None
        if reaches_all_sites(user):
            return None
        match = request.resolver_match
        names = PAGE_ID_KWARGS + (("pk",) if match.namespace in PAGE_PK_NAMESPACES else ())
        for name in names:
            if name in view_kwargs and not page_within_reach(user, view_kwargs[name]):
                raise Http404
        model = SITE_OWNED_ADMIN_NAMESPACES.get(match.namespace)
        if model is not None and "pk" in view_kwargs:
            pk = unquote(str(view_kwargs["pk"]))
            if not within_reach(user, model._default_manager.filter(pk=pk)).exists():
                raise Http404
        return None
