"""Units of each site (provincial office, local offices, departments) and their leaders: who to reach, where.

Seed 002 (art. 11) makes these official contacts public by law, in Vietnamese and in English. Leaders are
edited inside their unit (an inline), so a leader belongs to exactly one site through the unit and every
admin URL of a leader is a URL of the unit, which the per-site confinement already guards.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Site

from multisite_config.forms import SiteOwnedAdminForm

# What the admin asks of a unit, in the order of its form (the edit view adds the day of the change).
CONTACT_FIELDS = (
    "site",
    "kind",
    "parent",
    "name",
    "address",
    "phone",
    "fax",
    "email",
    "website",
    "working_hours",
    "map_url",
)


class Unit(ClusterableModel):
    """A unit of one site's BHXH: the office itself, a local office ("BHXH cơ sở") or a department.

    Questions are routed to units; the contact page and ``/api/v1/contacts/`` list them with their leaders.
    """

    class Kind(models.TextChoices):
        PROVINCIAL_OFFICE = "provincial_office", _("BHXH tỉnh, thành phố")
        LOCAL_OFFICE = "local_office", _("BHXH cơ sở")
        DEPARTMENT = "department", _("Phòng, ban, đơn vị")

    site = models.ForeignKey(Site, verbose_name=_("trang"), on_delete=models.CASCADE, related_name="units")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    name = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    address_en = models.CharField(_("địa chỉ tiếng Anh"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    working_hours = models.CharField(_("giờ làm việc"), max_length=200, blank=True)
    working_hours_en = models.CharField(_("giờ làm việc tiếng Anh"), max_length=200, blank=True)
    map_url = models.URLField(_("bản đồ"), blank=True)

    base_form_class = SiteOwnedAdminForm
    panels = [FieldPanel(name) for name in CONTACT_FIELDS]

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["site", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["site", "name"], name="unit_name_unique_per_site")]

    def __str__(self):
        return self.name


class Leader(Orderable):
    """A leader of a unit; ``sort_order`` is the order of the listing, ``is_head`` marks the head of the office.

    The head is a flag rather than "the first leader" so that reordering the list for display never changes
    whose monthly reception day the dashboard asks for.
    """

    unit = ParentalKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="leaders")
    name = models.CharField(_("họ và tên"), max_length=120)
    title = models.CharField(_("chức vụ"), max_length=200)
    title_en = models.CharField(_("chức vụ tiếng Anh"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_head = models.BooleanField(
        _("thủ trưởng đơn vị"),
        default=False,
        help_text=_("Người phải tiếp công dân định kỳ ít nhất một ngày mỗi tháng."),
    )

    panels = [FieldPanel(name) for name in ("name", "title", "title_en", "phone", "email", "photo", "is_head")]

    class Meta(Orderable.Meta):
        verbose_name = _("lãnh đạo")
        verbose_name_plural = _("lãnh đạo")

    def __str__(self):
        return f"{self.name} – {self.title}"
