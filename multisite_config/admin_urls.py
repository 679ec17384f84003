"""The admin URLs whose stock views read across sites, routed to the confined views of ``admin_views.py``.

Included by the project's URLconf in front of Wagtail's admin, at the same paths and under the same names,
so every link Wagtail builds reaches the confined view. The sweep in
``tests/multisite_config/test_admin_sweep.py`` requests every admin URL pattern, these and Wagtail's alike.
"""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import admin_views as views


def report(route, view_class, name):
    return [
        path(route, view_class.as_view(), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]


def type_use(suffix, view_name, name):
    view = page_viewset_registry.as_view(
        view_name, app_label_kwarg="content_type_app_name", model_name_kwarg="content_type_model_name"
    )
    return path(
        f"pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/{suffix}",
        views.all_sites_only(view),
        name=name,
    )


urlpatterns = decorate_urlpatterns(
    [
        path(
            "bulk/<str:app_label>/<str:model_name>/<str:action>/",
            views.confined_bulk_action,
            name="wagtail_bulk_action",
        ),
        path(
            "choose-page/<int:parent_page_id>/",
            views.ConfinedPageBrowseView.as_view(),
            name="wagtailadmin_choose_page_child",
        ),
        path(
            "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
            views.ConfinedMoveConfirmView.as_view(),
            name="move_confirm",
        ),
        path(
            "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
            views.ConfinedWorkflowActionView.as_view(),
            name="workflow_action",
        ),
        path(
            "pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
            views.ConfinedCollectWorkflowActionDataView.as_view(),
            name="collect_workflow_action_data",
        ),
        path(
            "pages/workflow/confirm_cancellation/<int:page_id>/",
            views.ConfinedConfirmWorkflowCancellationView.as_view(),
            name="confirm_workflow_cancellation",
        ),
        path(
            "pages/workflow/preview/<int:page_id>/<int:task_id>/",
            views.ConfinedPreviewRevisionForTaskView.as_view(),
            name="workflow_preview",
        ),
        path(
            "choose-page/chosen-multiple/",
            views.PageChosenMultipleView.as_view(),
            name="wagtailadmin_choose_page_chosen_multiple",
        ),
        path("workflows/task_chooser/", views.task_chooser, name="task_chooser"),
        path("workflows/task_chooser/results/", views.task_chooser_results, name="task_chooser_results"),
        path("workflows/task_chooser/create/", views.task_chooser_create, name="task_chooser_create"),
        path("workflows/task_chooser/<int:task_id>/", views.confined_task_chosen, name="task_chosen"),
        *report("reports/locked/", views.ConfinedLockedPagesView, "locked_pages"),
        *report("reports/workflow/", views.ConfinedWorkflowView, "workflow"),
        *report("reports/workflow_tasks/", views.ConfinedWorkflowTasksView, "workflow_tasks"),
        *report("reports/site-history/", views.ConfinedLogEntriesView, "site_history"),
        *report("reports/aging-pages/", views.ConfinedAgingPagesView, "aging_pages"),
        path("forms/", views.ConfinedFormPagesListView.as_view(), name="forms_index"),
        path("forms/results/", views.ConfinedFormPagesListView.as_view(results_only=True), name="forms_index_results"),
        path(
            "reports/page-types-usage/",
            views.all_sites_only(PageTypesUsageReportView.as_view()),
            name="page_types_usage",
        ),
        path(
            "reports/page-types-usage/results/",
            views.all_sites_only(PageTypesUsageReportView.as_view(results_only=True)),
            name="page_types_usage_results",
        ),
        type_use("", "content_type_use", "type_use"),
        type_use("results/", "content_type_use_results", "type_use_results"),
    ],
    require_admin_access,
)
