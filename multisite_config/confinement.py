"""Which sites a staff user may reach, answered once per request and used by every admin and API check.

Confinement is a security property: every place that lists or opens content asks these functions, rather
than each view filtering in its own way. A user reaches every site if they are a superuser or in the
national communication centre group; otherwise exactly the sites of the site groups they belong to.
"""

from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import (
    Collection,
    CollectionMember,
    ModelLogEntry,
    Page,
    PageLogEntry,
    Revision,
    Site,
    Task,
    TaskState,
    Workflow,
    WorkflowState,
    get_default_page_content_type,
)

from .models import SiteGroup, SiteRole

_CACHE_ATTR = "_vss_reachable_sites"


def reaches_all_sites(user):
    """True for superusers and members of the national communication centre."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return _reachable(user)[0]


def reachable_sites(user):
    """The sites whose content this user may see in the admin (all of them for the national centre)."""
    if reaches_all_sites(user):
        return Site.objects.all()
    if not (user.is_authenticated and user.is_active):
        return Site.objects.none()
    return Site.objects.filter(pk__in=_reachable(user)[1])


def _reachable(user):
    """(reaches_all, site ids) from the user's site groups, cached on the user object for the request."""
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        rows = list(SiteGroup.objects.filter(group__user=user).values_list("role", "site_id"))
        cached = (
            any(role == SiteRole.CENTRE for role, _site in rows),
            frozenset(site_id for _role, site_id in rows if site_id is not None),
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def reachable_root_paths(user):
    """Tree paths of the root pages of the user's sites."""
    return list(reachable_sites(user).values_list("root_page__path", flat=True))


def pages_within_reach(user, queryset):
    """Narrow a page queryset to the pages under the user's site roots."""
    if reaches_all_sites(user):
        return queryset
    condition = Q(pk__in=[])
    for path in reachable_root_paths(user):
        condition |= Q(path__startswith=path)
    return queryset.filter(condition)


def page_within_reach(user, page_id):
    """Whether the page with this id lies under one of the user's site roots (missing pages do not)."""
    if reaches_all_sites(user):
        return True
    row = Page.objects.filter(pk=page_id).values_list("path", "depth").first()
    if row is None:
        return False
    path, depth = row
    if depth == 1:
        return True  # the tree root holds no content; browsing it shows only the user's own sites
    return any(path.startswith(root) for root in reachable_root_paths(user))


def reachable_collections(user):
    """The media collections of the user's sites: those their groups hold permissions on, with descendants."""
    paths = Collection.objects.filter(group_permissions__group__user=user).values_list("path", flat=True).distinct()
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return Collection.objects.filter(condition)


def within_reach(user, queryset):
    """The part of a queryset, of any model, that this user may see in the admin: the one place that says so.

    Every admin read of site-owned data goes through here (choosers, chosen views, bulk actions, the admin
    API, reports and their filters, history): pages under the user's site roots, images and documents in
    their sites' collections, records whose ``site`` they reach, the users, workflows, tasks, revisions and
    log entries of their sites. Models that belong to no site (topics, shared links, document types) pass
    unchanged. Users who reach every site see everything.
    """
    if reaches_all_sites(user):
        return queryset
    model = queryset.model
    narrow = _NARROWERS.get(model) or next(
        (narrow for base, narrow in _NARROWERS.items() if issubclass(model, base)), None
    )
    if narrow is not None:
        return narrow(user, queryset)
    site_field = owning_site_field(model)
    if site_field is not None:
        return queryset.filter(**{f"{site_field}__in": reachable_sites(user)})
    return queryset


def is_within_reach(user, obj):
    """Whether one object lies within the user's reach (as ``within_reach`` would list it)."""
    return within_reach(user, type(obj)._default_manager.filter(pk=obj.pk)).exists()


def is_confined_model(model):
    """Whether ``within_reach`` narrows this model at all (it belongs to a site, directly or through one)."""
    return owning_site_field(model) is not None or any(issubclass(model, base) for base in _NARROWERS)


def owning_site_field(model):
    """The name of the foreign key that says which site owns a record, or None for shared models."""
    for field in model._meta.concrete_fields:
        if field.is_relation and field.many_to_one and field.related_model is Site and field.name == "site":
            return field.name
    return None


def _text_ids(queryset):
    """The ids of a queryset as text, as revisions, workflow states and log entries hold them."""
    return queryset.annotate(text_id=Cast("pk", output_field=CharField())).values("text_id")


def _page_bound(user, queryset):
    """Revisions and workflow states name their page by content type and a text id."""
    return queryset.filter(
        base_content_type=get_default_page_content_type(),
        object_id__in=_text_ids(pages_within_reach(user, Page.objects.all())),
    )


def _users(user, queryset):
    """Members of the user's sites' groups, and the user themself: nobody else's name shows."""
    return queryset.filter(Q(groups__site_group__site__in=reachable_sites(user)) | Q(pk=user.pk)).distinct()


def _workflows(user, queryset):
    return queryset.filter(workflow_pages__page__in=pages_within_reach(user, Page.objects.all())).distinct()


def _tasks(user, queryset):
    return queryset.filter(workflow_tasks__workflow__in=_workflows(user, Workflow.objects.all())).distinct()


def _task_states(user, queryset):
    return queryset.filter(workflow_state__in=_page_bound(user, WorkflowState.objects.all()))


def _model_log_entries(user, queryset):
    """Log entries of site-owned records only for the records the user reaches; shared models' entries stay."""
    keep = Q(pk__in=[])
    for content_type_id in queryset.order_by().values_list("content_type_id", flat=True).distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if not is_confined_model(model):
            keep |= Q(content_type_id=content_type_id)
            continue
        reached = _text_ids(within_reach(user, model._default_manager.all()))
        keep |= Q(content_type_id=content_type_id, object_id__in=reached)
    return queryset.filter(keep)


_NARROWERS = {
    Page: lambda user, queryset: pages_within_reach(user, queryset),
    CollectionMember: lambda user, queryset: queryset.filter(collection__in=reachable_collections(user)),
    Collection: lambda user, queryset: queryset.filter(pk__in=reachable_collections(user)),
    Revision: _page_bound,
    WorkflowState: _page_bound,
    TaskState: _task_states,
    Workflow: _workflows,
    Task: _tasks,
    PageLogEntry: lambda user, queryset: queryset.filter(page__in=pages_within_reach(user, Page.objects.all())),
    ModelLogEntry: _model_log_entries,
    AbstractUser: _users,
}
