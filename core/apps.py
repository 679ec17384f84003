from django.apps import AppConfig
from django.urls import register_converter

from .ids import RecordIdConverter

# Registered when Django loads the app configurations, before any model module is imported: the routes of
# Wagtail's routable pages are built as their classes are defined, and use ``<id:…>``.
register_converter(RecordIdConverter, "id")


class CoreConfig(AppConfig):
    """The shared core: helpers every app uses, and the two cross-cutting records (calendar, counters).

    The label stays ``cms``, the package's name before the core and the project were split, so that its
    tables, migrations and permissions (``cms.change_calendaradjustment``) keep their names.
    """

    name = "core"
    label = "cms"
    verbose_name = "Cổng thông tin"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .models import CalendarAdjustment
        from .response_cache import invalidation
        from .working_days import adjustments_changed

        invalidation.connect()

        for signal in (post_save, post_delete):
            signal.connect(
                lambda **kwargs: adjustments_changed(),
                sender=CalendarAdjustment,
                weak=False,
                dispatch_uid=f"calendar-adjustments-{signal}",
            )
