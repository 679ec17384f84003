"""The steps of ``faq.information_requests`` as admin actions: one small form each, offered by the request's
state, whose field names are the step's arguments (so a step is ``function(request, user, **cleaned_data)``).

Each form carries its step's name as its prefix: the forms share a page and field names (``reason``), and a
prefixed field keeps its own ``id`` there.
"""

from django import forms

from core.record_actions import RecordAction, RecordActionForm, calling

from . import information_requests as steps
from .models import RefusalReason, RequestChannel, RequestStatus
from .models.information_requests import MAX_EXTENSION_DAYS


class GatherForm(RecordActionForm):
    prefix = "gather"
    note = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 2}))


class ExtendForm(RecordActionForm):
    prefix = "extend"
    days = forms.IntegerField(label="Số ngày (theo lịch, tối đa 15)", min_value=1, max_value=MAX_EXTENSION_DAYS)
    reason = forms.CharField(label="Lý do", max_length=300)


class ChannelForm(RecordActionForm):
    prefix = "channel"
    channel = forms.ChoiceField(label="Kênh gửi yêu cầu", choices=RequestChannel.choices)


class ProvideForm(RecordActionForm):
    prefix = "provide"
    response = forms.CharField(label="Nội dung trả lời", widget=forms.Textarea(attrs={"rows": 4}))
    cost = forms.IntegerField(label="Chi phí thực tế (đồng)", min_value=0, initial=0)
    partly = forms.BooleanField(label="Chỉ cung cấp một phần", required=False)


class RefuseForm(RecordActionForm):
    prefix = "refuse"
    reason = forms.ChoiceField(label="Lý do theo Điều 28", choices=RefusalReason.choices)
    detail = forms.CharField(label="Lý do cụ thể (văn bản gửi người yêu cầu)", widget=forms.Textarea(attrs={"rows": 3}))


class RedirectForm(RecordActionForm):
    prefix = "redirect"
    agency = forms.CharField(label="Cơ quan có trách nhiệm cung cấp", max_length=200)


def is_open(info_request):
    return info_request.is_open


ACTIONS = [
    RecordAction(
        "channel",
        "Ghi kênh gửi yêu cầu (bưu chính, fax, trực tiếp)",
        ChannelForm,
        calling(steps.set_channel),
        lambda info_request: info_request.status == RequestStatus.RECEIVED,
    ),
    RecordAction(
        "gather",
        "Thông báo cần thêm thời gian (tối đa 15 ngày làm việc)",
        GatherForm,
        calling(steps.notify_gathering),
        lambda info_request: info_request.status == RequestStatus.RECEIVED,
    ),
    RecordAction(
        "extend",
        "Gia hạn (một lần)",
        ExtendForm,
        calling(steps.extend),
        lambda info_request: info_request.status == RequestStatus.GATHERING and not info_request.extension_days,
    ),
    RecordAction("provide", "Cung cấp thông tin", ProvideForm, calling(steps.provide), is_open),
    RecordAction("refuse", "Từ chối (Điều 28)", RefuseForm, calling(steps.refuse), is_open),
    RecordAction("redirect", "Hướng dẫn đến cơ quan có trách nhiệm", RedirectForm, calling(steps.redirect), is_open),
]
