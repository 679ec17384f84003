"""The shape of ``GET /api/v1/complaints/track/{code}/``: kind, status, dates, deadline and the body now handling
the case; the fields are listed one by one, so nothing of the content or the person can ever leak into it."""

from ninja import Field, Schema

from core.api.fields import LocalDateTime


class CaseTrackingOut(Schema):
    """Where a case stands, for whoever holds its code: no content, no name, address, contact or ID number."""

    tracking_code: str = Field(..., description="Mã tra cứu, dạng `ABCDE-FGHJK`.")
    kind: str = Field(..., description="`complaint`, `denunciation`, `petition` hoặc `feedback`.")
    kind_label: str
    status: str = Field(
        ..., description="`received`, `accepted`, `refused`, `verifying`, `resolved`, `transferred` hoặc `closed`."
    )
    status_label: str
    handled_by: str = Field(..., description="BHXH đang giải quyết, hoặc cơ quan có thẩm quyền đơn được chuyển tới.")
    handled_by_site: str | None = Field(..., description="Tên miền của trang BHXH đang giải quyết đơn.")
    received_at: LocalDateTime
    accepted_at: LocalDateTime | None
    refused_at: LocalDateTime | None
    resolved_at: LocalDateTime | None
    transferred_at: LocalDateTime | None
    closed_at: LocalDateTime | None
    due_by: LocalDateTime | None = Field(
        ..., description="Hạn của bước hiện tại (thụ lý, giải quyết); không có khi đã kết thúc."
    )
    late: bool

    @staticmethod
    def resolve_tracking_code(case):
        return case.display_code

    @staticmethod
    def resolve_kind_label(case):
        return case.get_kind_display()

    @staticmethod
    def resolve_status_label(case):
        return case.get_status_display()

    @staticmethod
    def resolve_handled_by(case):
        return case.transferred_to_agency or case.site.site_name or case.site.hostname

    @staticmethod
    def resolve_handled_by_site(case):
        return None if case.transferred_to_agency else case.site.hostname

    @staticmethod
    def resolve_due_by(case):
        return case.due_at if case.is_open else None

    @staticmethod
    def resolve_late(case):
        return case.is_late()
