"""Cross-cutting records: the Government's yearly adjustments to the working-day calendar."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarAdjustment(models.Model):
    """A day the Government declares off or on, beyond what the `holidays` package knows.

    Each year the Government decides extra days off (for example 02/01/2026) and Saturdays worked in
    exchange; the board records them here and every deadline counts them at once.
    """

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Ngày nghỉ")
        WORKING_DAY = "working_day", _("Ngày làm việc bù")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    reason = models.CharField(_("căn cứ"), max_length=300, help_text=_("Ví dụ: Thông báo số …/TB-BNV"))

    class Meta:
        verbose_name = _("điều chỉnh lịch làm việc")
        verbose_name_plural = _("điều chỉnh lịch làm việc")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}"


class SharedCounter(models.Model):
    """One counter every worker and node sees (a client's submissions in a window, a vote already cast).

    Used when there is no Redis (``core/counters.py``); rows past ``expires_at`` count as absent and are
    swept when a new counter starts.
    """

    name = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("bộ đếm dùng chung")

    def __str__(self) -> str:
        return f"{self.name} = {self.count}"


class PendingPurge(models.Model):
    """A purge the shared cache in front (Varnish, a CDN) did not accept, kept until it does.

    Losing one would leave a page stale in the shared cache until it expires; so a failed purge is stored
    here, retried before the next purge is sent and by ``manage.py send_pending_purges``, and logged.
    """

    url = models.CharField(max_length=500)
    tags = models.TextField()
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lệnh xoá bộ nhớ đệm chờ gửi lại")
        verbose_name_plural = _("lệnh xoá bộ nhớ đệm chờ gửi lại")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.url}: {self.tags}"


class JobCheckpoint(models.Model):
    """How far a periodic job has handled changes that happen with time alone (a comment window opening).

    The job handles what changed between its checkpoint and now, then moves the checkpoint only if no other
    run moved it meanwhile: each change is handled once, even with two beats or a run that overlaps the next.
    """

    name = models.CharField(max_length=100, primary_key=True)
    reached_at = models.DateTimeField()

    class Meta:
        verbose_name = _("mốc công việc định kỳ")
        verbose_name_plural = _("mốc công việc định kỳ")

    def __str__(self) -> str:
        return f"{self.name}: {self.reached_at:%H:%M:%S %d/%m/%Y}"
