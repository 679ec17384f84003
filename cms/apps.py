from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import CalendarAdjustment
        from .response_cache import invalidation
        from .working_days import adjustments_changed

        invalidation.connect()

        for signal in (post_save, post_delete):
            signal.connect(lambda **kwargs: adjustments_changed(), sender=CalendarAdjustment,
                           weak=False, dispatch_uid=f"calendar-adjustments-{signal}")
