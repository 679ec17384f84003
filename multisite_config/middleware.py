"""Refuse admin URLs that name a page or a site-owned record of a site the user does not reach.

Wagtail checks permissions per action, but several admin views that take an id (the page chooser's browse
view, history, usage, workflow history, revision previews, snippet inspect and history) show a title or
content to anyone with admin access. Rather than patch each view, every admin URL that carries a page id,
or the pk of a site-owned snippet, is checked here against the user's sites. Outside them the answer is
404, so not even the existence of the record leaks.
"""
from django.contrib.admin.utils import unquote
from django.http import Http404

from .confinement import page_within_reach, reachable_sites, reaches_all_sites
from .site_owned import SITE_OWNED_ADMIN_NAMESPACES

PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
# Namespaces whose views call a page's id ``pk`` (revision comparison, the admin's own pages API).
PAGE_PK_NAMESPACES = {"wagtailadmin_pages", "wagtailadmin_api:pages"}
# Wagtail's bulk actions, which name records by ``?id=`` (checked by ``bulk_ids_within_reach``).
BULK_ACTION_URL_NAME = "wagtail_bulk_action"
# Admin views that list or count content across every site with no per-site filter of their own.
ALL_SITES_ONLY_VIEWS = {"wagtailadmin_reports:page_types_usage", "wagtailadmin_reports:page_types_usage_results"}


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
        if match.view_name in ALL_SITES_ONLY_VIEWS:
            raise Http404
        names = PAGE_ID_KWARGS + (("pk",) if match.namespace in PAGE_PK_NAMESPACES else ())
        for name in names:
            if name in view_kwargs and not page_within_reach(user, view_kwargs[name]):
                raise Http404
        model = SITE_OWNED_ADMIN_NAMESPACES.get(match.namespace)
        if model is not None and "pk" in view_kwargs:
            pk = unquote(str(view_kwargs["pk"]))
            if not model._default_manager.filter(pk=pk, site__in=reachable_sites(user)).exists():
                raise Http404
        if match.url_name == BULK_ACTION_URL_NAME and not bulk_ids_within_reach(request, user, view_kwargs):
            raise Http404
        return None


def bulk_ids_within_reach(request, user, view_kwargs):
    """Whether every ``?id=`` of a bulk action on a site-owned model is a record of the user's sites.

    Wagtail's bulk actions (its generic "delete" among them) look the ids up across all sites and list the
    ones the user may not act on by name, and ``id=all`` means every record of the model.
    """
    model = next((model for model in SITE_OWNED_ADMIN_NAMESPACES.values()
                  if (model._meta.app_label, model._meta.model_name)
                  == (view_kwargs.get("app_label"), view_kwargs.get("model_name"))), None)
    if model is None:
        return True
    ids = request.GET.getlist("id")
    if not all(pk.isdigit() and len(pk) <= 18 for pk in ids):  # "all", or beyond the database's integers
        return False
    wanted = set(map(int, ids))
    return len(wanted) == model._default_manager.filter(pk__in=wanted, site__in=reachable_sites(user)).count()
