"""The admin page where the national centre sees locked sign-ins and unlocks them (django-axes records).

A lockout is a row of ``axes.AccessAttempt`` whose failures reached ``AXES_FAILURE_LIMIT``; unlocking removes
the attempts of that account name and address (``axes.utils.reset``), which is also what the cool-off does.
Only superusers and holders of ``axes.delete_accessattempt`` (the centre) reach it.
"""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.log_actions import log

from core.ids import as_id

from .accounts import UNLOCKED, account_named

PERMISSION = "axes.delete_accessattempt"


class LockoutsView(TemplateView):
    template_name = "multisite_config/lockouts.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        since = timezone.now() - settings.AXES_COOLOFF_TIME
        context["attempts"] = AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
        ).order_by("-attempt_time")
        context["limit"] = settings.AXES_FAILURE_LIMIT
        return context

    def post(self, request):
        attempt = AccessAttempt.objects.filter(pk=as_id(request.POST.get("attempt", ""))).first()
        if attempt is None:
            messages.error(request, "Không tìm thấy lần khóa này (có thể đã hết hạn khóa).")
            return redirect("vss_lockouts")
        reset(username=attempt.username, ip=attempt.ip_address, ip_or_username=True)
        account = account_named(attempt.username)
        if account is not None:
            log(instance=account, action=UNLOCKED, user=request.user, data={"address": attempt.ip_address})
        messages.success(request, f"Đã mở khóa đăng nhập cho “{attempt.username}” ({attempt.ip_address}).")
        return redirect("vss_lockouts")
