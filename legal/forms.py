"""The filters of a site's document list; choices come from what that site actually publishes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from multisite_config.topics import chosen_topic

from .models.documents import Status

MAX_QUERY_LENGTH = 200


class DocumentFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Từ khóa"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Có thể gõ không dấu, ví dụ “tiep can thong tin”."),
    )
    loai = forms.ChoiceField(label=_("Loại văn bản"), required=False)
    nam = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)
    co_quan = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)
    tinh_trang = forms.ChoiceField(label=_("Tình trạng"), required=False, choices=[("", _("Tất cả"))] + Status.choices)
    # Offered as a list, read by the lookup every topic filter shares (slug or id; an unknown one is named).
    chu_de = forms.CharField(label=_("Chủ đề"), required=False, widget=forms.Select)

    def __init__(self, data, *, types, years, issuers, topics):
        super().__init__(data)
        everything = [("", _("Tất cả"))]
        self.fields["loai"].choices = everything + [(item.slug, item.name) for item in types]
        self.fields["nam"].choices = everything + [(year, year) for year in years]
        self.fields["co_quan"].choices = everything + [(issuer, issuer) for issuer in issuers]
        self.fields["chu_de"].widget.choices = everything + [(topic.slug, topic.name) for topic in topics]

    def clean_chu_de(self):
        return chosen_topic(self.cleaned_data["chu_de"])

    def apply(self, documents):
        """The documents that match every chosen filter (call after ``is_valid``)."""
        data = self.cleaned_data
        lookups = {
            "document_type__slug": data["loai"],
            "issued_on__year": data["nam"],
            "issuer": data["co_quan"],
            "topics": data["chu_de"],
        }
        documents = documents.filter(**{key: value for key, value in lookups.items() if value})
        if data["tinh_trang"]:
            documents = documents.in_status(data["tinh_trang"])
        return documents.search(data["q"]) if data["q"] else documents
