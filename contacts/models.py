"""Units of each site (provincial office, local offices, departments): who answers, where to reach them."""
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Site

from multisite_config.forms import SiteOwnedAdminForm


class Unit(models.Model):
    """A unit of one site's BHXH: the office itself, a local office ("BHXH cơ sở") or a department.

    Questions are routed to units; the contacts issue adds leaders, change history and the contact page.
    """

    class Kind(models.TextChoices):
        PROVINCIAL_OFFICE = "provincial_office", _("BHXH tỉnh, thành phố")
        LOCAL_OFFICE = "local_office", _("BHXH cơ sở")
        DEPARTMENT = "department", _("Phòng, ban, đơn vị")

    site = models.ForeignKey(Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="units")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey("self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="children")
    name = models.CharField(_("tên"), max_length=200)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    working_hours = models.CharField(_("giờ làm việc"), max_length=200, blank=True)
    map_url = models.URLField(_("bản đồ"), blank=True)

    base_form_class = SiteOwnedAdminForm
    panels = [FieldPanel(name) for name in (
        "site", "kind", "parent", "name", "address", "phone", "fax", "email", "website", "working_hours", "map_url")]

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["site", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="unit_name_unique_per_site")]

    def __str__(self):
        return self.name
