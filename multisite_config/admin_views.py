"""Wagtail admin views that read data with no hook of their own, rebuilt to read it through ``within_reach``.

Stock Wagtail has ``construct_*_queryset`` hooks for the page, image and document choosers and the explorer
(used in ``wagtail_hooks.py``), but the snippet choosers, the "chosen" views, bulk actions, the admin API,
the task chooser, the reports and the filter dropdowns of every listing read their models directly. Each is
subclassed here so that what it lists or opens comes from ``within_reach``; ``admin_urls.py`` puts these
views in front of Wagtail's at the same paths and names. The reports' CSV/XLSX exports neutralise
spreadsheet formulas as the portal's own do (``core/spreadsheets.py``).
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.views import chooser as page_chooser
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.pages.move import MoveConfirmView
from wagtail.admin.views.pages.workflow import (
    CollectWorkflowActionDataView,
    ConfirmWorkflowCancellationView,
    PreviewRevisionForTaskView,
)
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.admin.views.workflows import (
    TaskChooserCreateView,
    TaskChooserResultsView,
    TaskChooserView,
    task_chosen,
)
from wagtail.contrib.forms.views import FormPagesListView
from wagtail.models import Page, Task, Workflow
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as snippet_chooser

from core.ids import as_id
from core.spreadsheets import SafeSpreadsheetExportMixin

from .confinement import is_confined_model, page_within_reach, reaches_all_sites, within_reach
from .review import ReviewedWorkflowActionView

# --- single objects ------------------------------------------------------------------------------------


class ConfinedObjectMixin:
    """For a view that opens one record named in its URL: the record is read only from ``within_reach``.

    Wagtail's single-object views load their object by pk with no queryset hook (``get_object_or_404(model,
    pk=...)``) and check only model-level permissions, and a board member holds "view" on the model through
    one site. So before the view's own ``get_object`` runs (whatever it returns: the record, its latest
    revision, a revision to revert to), the pk must name a record within the user's reach, or the answer
    is 404: neither the record nor its existence shows. Confinement is a security property, so it is built
    here, where the data is read, not left to the URL middleware. Views that name no record (no pk in
    their URL) are untouched. Fails closed: a pk that cannot be read is a 404 too.
    """

    def get_object(self, *args, **kwargs):
        pk = self.kwargs.get(getattr(self, "pk_url_kwarg", "pk"))
        if pk is not None:
            try:
                reached = within_reach(self.request.user, self.model._default_manager.filter(pk=unquote(str(pk))))
                if not reached.exists():
                    raise Http404
            except (ValueError, TypeError, ValidationError):
                raise Http404 from None
        return super().get_object(*args, **kwargs)


def confined(view_class):
    """``view_class`` with ``ConfinedObjectMixin`` first in its MRO (itself if it already has it)."""
    if issubclass(view_class, ConfinedObjectMixin):
        return view_class
    return type(
        f"Confined{view_class.__name__}",
        (ConfinedObjectMixin, view_class),
        {"__module__": view_class.__module__, "__doc__": view_class.__doc__},
    )


class ConfinedPageBrowseView(page_chooser.BrowseView):
    """The page chooser opened at one page: stock Wagtail loads that page by id and shows its title and
    breadcrumb (the children are narrowed by ``construct_page_chooser_queryset``, the page itself is not)."""

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not page_within_reach(request.user, parent_page_id):
            raise Http404
        return super().get(request, parent_page_id)


class ConfinedMoveConfirmView(MoveConfirmView):
    """Confirming a page move: stock Wagtail loads both pages by id and shows their titles before any
    permission check, so both are read through ``within_reach`` first."""

    def dispatch(self, request, page_to_move_id, destination_id, *args, **kwargs):
        wanted = {page_to_move_id, destination_id}
        if within_reach(request.user, Page.objects.filter(pk__in=wanted)).count() != len(wanted):
            raise Http404
        return super().dispatch(request, page_to_move_id, destination_id, *args, **kwargs)


# The page workflow views load the page by id before any permission check: the confirmation asked before
# publishing a page in moderation shows its workflow and task, and the others, refused, leave a message
# naming the page ("… is not currently awaiting moderation") that the next admin page shows. Each reads the
# page through ``within_reach`` first (``page_id``, their ``pk_url_kwarg``).
ConfinedConfirmWorkflowCancellationView = confined(ConfirmWorkflowCancellationView)
ConfinedWorkflowActionView = confined(ReviewedWorkflowActionView)  # with the outcome's message (``review``)
ConfinedCollectWorkflowActionDataView = confined(CollectWorkflowActionDataView)
ConfinedPreviewRevisionForTaskView = confined(PreviewRevisionForTaskView)


# --- choosers --------------------------------------------------------------------------------------------


class ConfinedChooseMixin:
    """The chooser's list and search results: only what the user reaches."""

    def get_object_list(self):
        return within_reach(self.request.user, super().get_object_list())


class ConfinedChosenMixin:
    """The "chosen" answer (title, edit URL): 404 for anything the user does not reach."""

    def get_object(self, pk):
        try:
            return within_reach(self.request.user, self.model_class._default_manager.all()).get(pk=pk)
        except (ValueError, ValidationError) as error:
            raise ObjectDoesNotExist from error


class ConfinedChosenMultipleMixin:
    def get_objects(self, pks):
        ids = [as_id(pk) for pk in pks]
        return within_reach(self.request.user, super().get_objects([pk for pk in ids if pk is not None]))


class ChooseView(ConfinedChooseMixin, snippet_chooser.ChooseView):
    pass


class ChooseResultsView(ConfinedChooseMixin, snippet_chooser.ChooseResultsView):
    pass


class ChosenView(ConfinedChosenMixin, snippet_chooser.SnippetChosenView):
    pass


class ChosenMultipleView(ConfinedChosenMultipleMixin, snippet_chooser.SnippetChosenMultipleView):
    pass


class SnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    """The chooser of a snippet model, every view of which reads through ``within_reach``."""

    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView

    def get_urlpatterns(self):
        """Routes "create/" only for a chooser with a creation form (and so a "create" tab): Wagtail routes it
        for every chooser, and a POST to one without a form fails on the missing form, a 500."""
        patterns = super().get_urlpatterns()
        if self.creation_form_class or self.form_fields is not None or self.exclude_form_fields is not None:
            return patterns
        return [pattern for pattern in patterns if pattern.name != "create"]


class PageChosenMultipleView(page_chooser.ChosenMultipleView):
    """The page chooser's answer for several pages: stock Wagtail returns any page's title and URL by id."""

    def get(self, request):
        ids = [as_id(pk) for pk in request.GET.getlist("id")]
        reached = within_reach(
            request.user, Page.objects.filter(pk__in=[pk for pk in ids if pk is not None])
        ).values_list("pk", flat=True)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in reached])
        return super().get(request)


def requires_workflow_editing(view):
    """The task chooser is for people who edit workflows; stock Wagtail shows every task to any admin user."""

    def wrapped(request, *args, **kwargs):
        policy = policy_registry.get_by_type(Workflow)
        if not policy.user_has_any_permission(request.user, ["add", "change"]):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


task_chooser = requires_workflow_editing(TaskChooserView.as_view())
task_chooser_results = requires_workflow_editing(TaskChooserResultsView.as_view())
task_chooser_create = requires_workflow_editing(TaskChooserCreateView.as_view())


@requires_workflow_editing
def confined_task_chosen(request, task_id):
    if not within_reach(request.user, Task.objects.filter(pk=task_id)).exists():
        raise Http404
    return task_chosen(request, task_id)


# --- bulk actions ----------------------------------------------------------------------------------------


def confined_bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk actions, refused (404) when any record they name lies outside the user's reach.

    Stock Wagtail looks the ids up across all sites and lists by title those the user may not act on;
    ``id=all`` means the action's own listing (a page's children, every image the user may change).
    """
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    user = request.user
    if is_confined_model(model) and not reaches_all_sites(user):
        ids = request.GET.getlist("id")
        if "all" in ids:
            try:
                listing = action_class(request, model).get_all_objects_in_listing_query(request.GET.get("childOf"))
                ids = [getattr(item, "pk", item) for item in listing]
            except (ObjectDoesNotExist, ValueError, ValidationError) as error:
                raise Http404 from error
        wanted = {as_id(pk) for pk in ids}
        if None in wanted:
            raise Http404
        if within_reach(user, model._default_manager.filter(pk__in=wanted)).count() != len(wanted):
            raise Http404
    return wagtail_bulk_action(request, app_label, model_name, action)


# --- listings and reports --------------------------------------------------------------------------------


def confine_filter_form(filterset, user):
    """Every dropdown of a listing's filters (users, workflows, tasks, sites, collections) within reach."""
    for field in filterset.form.fields.values():
        if getattr(field, "queryset", None) is not None:
            field.queryset = within_reach(user, field.queryset)


class ConfinedFiltersMixin:
    """A listing whose filter choices come from ``within_reach``."""

    @cached_property
    def filters(self):
        filterset = super().filters
        if filterset is not None:
            confine_filter_form(filterset, self.request.user)
        return filterset


class ConfinedListingMixin(ConfinedFiltersMixin):
    """A listing whose rows and filter choices come from ``within_reach``."""

    def get_queryset(self):
        return within_reach(self.request.user, super().get_queryset())


class ConfinedWorkflowView(ConfinedListingMixin, SafeSpreadsheetExportMixin, WorkflowView):
    pass


class ConfinedWorkflowTasksView(ConfinedListingMixin, SafeSpreadsheetExportMixin, WorkflowTasksView):
    pass


class ConfinedAgingPagesView(ConfinedListingMixin, SafeSpreadsheetExportMixin, AgingPagesView):
    pass


class ConfinedLockedPagesView(ConfinedListingMixin, SafeSpreadsheetExportMixin, LockedPagesView):
    pass


class ConfinedFormPagesListView(ConfinedFiltersMixin, FormPagesListView):
    """Its rows are narrowed in ``get_base_queryset``: its ``get_queryset`` may return search results."""

    def get_base_queryset(self):
        return within_reach(self.request.user, super().get_base_queryset())


class ConfinedLogEntriesView(ConfinedListingMixin, SafeSpreadsheetExportMixin, LogEntriesView):
    """Site history: the report unions one query per log model, each narrowed before it is filtered."""

    def filter_queryset(self, queryset):
        return super().filter_queryset(within_reach(self.request.user, queryset))


def all_sites_only(view):
    """Views that count or list pages of every site with no per-site filter (page type usage)."""

    def wrapped(request, *args, **kwargs):
        if not reaches_all_sites(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped
