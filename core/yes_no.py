"""A yes/no value as an editor reads it: "Có" / "Không", never Python's True/False.

Wagtail prints a boolean as ``str(value)`` in two places our views do not render: the chip of an active filter
(the inboxes' "Trễ hạn: True") and the comparison of two revisions (a page's "Hiện trong menu: True"). The
adapters below give both the same words as the inspect views (``multisite_config.record_views``)."""

from collections.abc import Iterator

import django_filters
from django.db import models
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.admin.active_filters import ActiveFilter, BaseFilterAdapter, register_filter_adapter_class
from wagtail.admin.compare import FieldComparison, TextDiff, register_comparison_class


def yes_no(value: bool | None) -> str:
    """ "Có" for true, "Không" for false, a dash for unknown (a null boolean)."""
    if value is None:
        return "—"
    return str(_("Có") if value else _("Không"))


class YesNoFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self) -> Iterator[ActiveFilter]:
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            yes_no(self.value),
            self.get_url_without_filter_param(self.name),
        )


class YesNoComparison(FieldComparison):
    def htmldiff(self) -> str:
        before, after = str(yes_no(self.val_a)), str(yes_no(self.val_b))
        if before != after:
            return TextDiff([("deletion", before), ("addition", after)]).to_html()
        return escape(before)


register_filter_adapter_class(django_filters.BooleanFilter, adapter_class=YesNoFilterAdapter)
register_comparison_class(models.BooleanField, comparison_class=YesNoComparison)
