"""Cross-cutting records: the Government's yearly adjustments to the working-day calendar."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarAdjustment(models.Model):
    """A day the Government declares off or worked, beyond what the `holidays` package knows, with its basis.

    Each year the Government may move a working day to a Saturday to join a holiday to a weekend
    ("hoán đổi ngày làm việc", not "nghỉ bù", which is the day off owed when a holiday falls on a weekend,
    Bộ luật Lao động 2019 art. 112.3). Such a swap is two rows: the day off and the working day, the
    latter naming the former in ``swap_for``; both cite the text deciding it (for New Year 2026: Friday
    02/01 off, Saturday 10/01 worked, Công văn 12729/VPCP-KGVX ngày 25/12/2025). Every deadline counts
    them at once.
    """

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Ngày nghỉ")
        WORKING_DAY = "working_day", _("Ngày làm việc")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    legal_basis = models.CharField(
        _("căn cứ pháp lý"),
        max_length=300,
        help_text=_("Văn bản quyết định, ví dụ: Công văn 12729/VPCP-KGVX ngày 25/12/2025."),
    )
    reason = models.CharField(
        _("lý do"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: Hoán đổi ngày làm việc dịp Tết Dương lịch 2026."),
    )
    swap_for = models.OneToOneField(
        "self",
        verbose_name=_("hoán đổi cho ngày nghỉ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="made_up_by",
        limit_choices_to={"kind": Kind.DAY_OFF},
        help_text=_("Với ngày làm việc hoán đổi: ngày nghỉ mà ngày làm việc này bù lại."),
    )

    class Meta:
        verbose_name = _("điều chỉnh lịch làm việc")
        verbose_name_plural = _("điều chỉnh lịch làm việc")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}"

    def clean(self) -> None:
        """A swap pairs a working day with a day off, never two days of the same kind."""
        if self.swap_for is None:
            return
        if self.kind != self.Kind.WORKING_DAY or self.swap_for.kind != self.Kind.DAY_OFF:
            raise ValidationError(
                {"swap_for": _("Chỉ ngày làm việc hoán đổi mới ghi ngày nghỉ mà nó bù lại (một ngày nghỉ).")}
            )

    @classmethod
    def record_swap(
        cls, day_off: dt.date, working_day: dt.date, *, legal_basis: str, reason: str
    ) -> tuple["CalendarAdjustment", "CalendarAdjustment"]:
        """Record (or bring up to date) a swap as its pair of rows, both citing the same basis."""
        fields = {"legal_basis": legal_basis, "reason": reason}
        off, _created = cls.objects.update_or_create(date=day_off, defaults={"kind": cls.Kind.DAY_OFF, **fields})
        worked, _created = cls.objects.update_or_create(
            date=working_day, defaults={"kind": cls.Kind.WORKING_DAY, "swap_for": off, **fields}
        )
        return off, worked


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
