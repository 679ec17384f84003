"""A site's administrative procedures (TTHC): the field filter, the diacritic-free search and the public list.

A procedure's field (lĩnh vực) is free text typed by editors, so a filter names it by its slug
(``thu-bao-hiem-xa-hoi``), matched against the fields the site actually uses: a value that names none of
them is refused with a message rather than answered with an empty list that looks like "no procedure".
"""

from django import forms
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from core.collation import vietnamese_key
from core.search import folded_search
from core.slugs import vietnamese_slug
from core.tree import published_q

from .models.procedures import AdministrativeProcedurePage
from .subtree import listed

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
GET_ONLY = require_http_methods(["GET", "HEAD"])


def field_slug(name):
    """``Thu, cấp sổ, thẻ`` -> ``thu-cap-so-the``: the same slug whether typed with or without diacritics."""
    return vietnamese_slug(name)


def field_names(procedures):
    """``{slug: name}`` of the fields the given procedures belong to, in alphabetical order."""
    names = sorted(set(procedures.values_list("field_name", flat=True)), key=vietnamese_key)
    return {field_slug(name): name for name in names}


def search(procedures, query):
    """``core.search.folded_search``: title or code matches first, then by title."""
    return folded_search(procedures.order_by("title", "pk"), query)


class ProcedureFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Từ khóa"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Tên, mã hoặc nội dung thủ tục; có thể gõ không dấu, ví dụ “cap so bao hiem”."),
    )
    linh_vuc = forms.ChoiceField(label=_("Lĩnh vực"), required=False)

    def __init__(self, data, *, fields):
        super().__init__(data)
        self.fields["linh_vuc"].choices = [("", _("Tất cả"))] + list(fields.items())
        self.field_names = fields

    def apply(self, procedures):
        """The procedures matching the chosen field and words (call after ``is_valid``)."""
        data = self.cleaned_data
        if data["linh_vuc"]:
            procedures = procedures.filter(field_name=self.field_names[data["linh_vuc"]])
        return search(procedures, data["q"]) if data["q"] else procedures.order_by("field_name", "title", "pk")


@GET_ONLY
def procedure_list(request, index):
    """The list at ``<section>/thu-tuc-hanh-chinh/``: 400 naming the filter when a value is not on offer."""
    procedures = listed(AdministrativeProcedurePage, index, published_q())
    form = ProcedureFilterForm(request.GET, fields=field_names(procedures))
    found = form.apply(procedures) if form.is_valid() else procedures.none()
    context = {
        "page": index,
        "self": index,
        "filters": form,
        "procedures": Paginator(found, PER_PAGE).get_page(request.GET.get("trang")),
    }
    return TemplateResponse(request, "legal/procedure_list.html", context, status=400 if form.errors else 200)
