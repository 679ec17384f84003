"""Citizen reception (seed 004): each site's place, hours and rules, the leaders' schedule, and the staff's log.

Settings and schedule are public; the log holds citizens' names and what they came about, so it is
personal data seen only in the admin, and only by the site it belongs to (and the national centre).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Site

from multisite_config.forms import SiteOwnedAdminForm


@register_setting(icon="group")
class ReceptionSettings(BaseSiteSetting):
    """Where and when a site's office receives citizens, and the rules of the reception room."""

    place = models.CharField(_("địa điểm tiếp công dân"), max_length=300, blank=True)
    regular_hours = models.CharField(_("thời gian tiếp thường xuyên"), max_length=300, blank=True)
    rules = RichTextField(_("nội quy tiếp công dân"), blank=True, features=["bold", "italic", "ol", "ul", "link"])

    panels = [FieldPanel("place"), FieldPanel("regular_hours"), FieldPanel("rules")]

    class Meta:
        verbose_name = _("tiếp công dân")
        verbose_name_plural = _("tiếp công dân")


class ReceptionMode(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")


class ReceptionScheduleQuerySet(models.QuerySet):
    def upcoming(self, today=None):
        return self.filter(date__gte=today or timezone.localdate()).order_by("date", "start_time")


class ReceptionSchedule(models.Model):
    """One reception day of a leader: published on the site and by ``/api/v1/reception/``."""

    site = models.ForeignKey(Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="reception_schedule")
    date = models.DateField(_("ngày"))
    start_time = models.TimeField(_("từ"))
    end_time = models.TimeField(_("đến"))
    # SET_NULL: removing a leader who left office keeps the record that the day was held.
    leader = models.ForeignKey(
        "contacts.Leader",
        verbose_name=_("lãnh đạo tiếp"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="reception_days",
    )
    place = models.CharField(
        _("địa điểm"), max_length=300, blank=True, help_text=_("Để trống nếu tiếp tại địa điểm thường xuyên.")
    )
    mode = models.CharField(
        _("hình thức"), max_length=16, choices=ReceptionMode.choices, default=ReceptionMode.IN_PERSON
    )

    objects = ReceptionScheduleQuerySet.as_manager()

    base_form_class = SiteOwnedAdminForm
    panels = [FieldPanel(name) for name in ("site", "date", "start_time", "end_time", "leader", "place", "mode")]

    class Meta:
        verbose_name = _("lịch tiếp công dân")
        verbose_name_plural = _("lịch tiếp công dân")
        ordering = ["-date", "start_time"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def clean(self):
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("Giờ kết thúc phải sau giờ bắt đầu.")
        if self.leader_id and self.site_id and self.leader.unit.site_id != self.site_id:
            errors["leader"] = _("Lãnh đạo phải thuộc một đơn vị của cùng trang.")
        if errors:
            raise ValidationError(errors)


class ReceptionKind(models.TextChoices):
    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")
    PETITION = "petition", _("Kiến nghị")
    FEEDBACK = "feedback", _("Phản ánh")


class ReceptionLog(models.Model):
    """One citizen received: the sector-wide record seed 004 asks for, counted in the monthly report."""

    site = models.ForeignKey(Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="reception_log")
    date = models.DateField(_("ngày tiếp"), default=timezone.localdate)
    citizen_name = models.CharField(_("họ tên công dân"), max_length=120)
    subject = models.CharField(_("nội dung"), max_length=300)
    kind = models.CharField(_("phân loại"), max_length=16, choices=ReceptionKind.choices)
    handling_unit = models.ForeignKey(
        "contacts.Unit",
        verbose_name=_("đơn vị xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.TextField(_("kết quả xử lý"), blank=True)

    base_form_class = SiteOwnedAdminForm
    panels = [
        FieldPanel(name) for name in ("site", "date", "citizen_name", "subject", "kind", "handling_unit", "outcome")
    ]

    class Meta:
        verbose_name = _("sổ tiếp công dân")
        verbose_name_plural = _("sổ tiếp công dân")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.subject}"

    def clean(self):
        if self.handling_unit_id and self.site_id and self.handling_unit.site_id != self.site_id:
            raise ValidationError({"handling_unit": _("Đơn vị xử lý phải thuộc cùng trang.")})
