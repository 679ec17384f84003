"""The editable list of document types (Luật, Nghị định, Công văn, …), shared by every site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class DocumentType(models.Model):
    """Seeded by migration 0002 (Luật, Nghị định, …, Quy chế); the importer looks a type up by name."""

    name = models.CharField(_("tên"), max_length=80, unique=True)
    slug = models.SlugField(_("mã"), max_length=80, unique=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("loại văn bản")
        verbose_name_plural = _("loại văn bản")
        ordering = ["name"]

    def __str__(self):
        return self.name
