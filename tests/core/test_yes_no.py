"""A yes/no value reads "Có"/"Không" where Wagtail would print True/False: filter chips, revision comparisons."""

from types import SimpleNamespace

import django_filters
from django.http import QueryDict
from wagtail.admin.active_filters import filter_adapter_class_registry
from wagtail.admin.compare import comparison_class_registry
from wagtail.models import Page

from core.yes_no import yes_no


class LateFilters(django_filters.FilterSet):
    late = django_filters.BooleanFilter(label="Trễ hạn")

    class Meta:
        model = Page
        fields: list[str] = []


def chips(query):
    filters = LateFilters(QueryDict(query), queryset=Page.objects.none())
    assert filters.form.is_valid()
    definition = filters.filters["late"]
    adapter = filter_adapter_class_registry.get(definition)(
        definition, filters.form["late"], filters.form.cleaned_data["late"], "/admin/", QueryDict(query)
    )
    return [(chip.field_label, chip.value) for chip in adapter.get_active_filters()]


def test_an_active_yes_no_filter_names_its_value_in_vietnamese():
    assert chips("late=true") == [("Trễ hạn", "Có")]
    assert chips("late=false") == [("Trễ hạn", "Không")]


def test_a_revision_comparison_of_a_yes_no_field_reads_co_and_khong():
    field = Page._meta.get_field("show_in_menus")
    comparison = comparison_class_registry.get(field)(
        field, SimpleNamespace(show_in_menus=False), SimpleNamespace(show_in_menus=True)
    )

    html = comparison.htmldiff()

    assert "Không" in html and "Có" in html
    assert "True" not in html and "False" not in html


def test_an_unknown_yes_no_value_is_a_dash():
    assert [yes_no(True), yes_no(False), yes_no(None)] == ["Có", "Không", "—"]
