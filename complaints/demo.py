"""Demo cases for `bootstrap_portal --demo`: Hà Nội, Đà Nẵng and the national site, in every state.

Cases are opened from the reception log the contacts demo writes (it runs first), or received as a letter or
online, and taken through ``complaints.transitions`` as an officer would: in Hà Nội a complaint resolved, a
denunciation accepted as complex with its handler named (its identity protected), a petition waiting for
acceptance and a complaint transferred to BHXH Đà Nẵng, which holds it now; in Đà Nẵng a feedback; nationally
a petition received online. A site that already has cases (or sent one on) is left alone, so a second run
changes nothing.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from contacts.models import ReceptionLog
from multisite_config.models import SiteProfile

from . import transitions
from .models import CaseChannel, CaseKind, CaseOutcome, ComplaintCase, Complexity

BOARD_USERS = {"01": "hanoi.banbientap", "48": "danang.banbientap"}


def load_complaints_demo(report):
    profiles = {profile.code: profile for profile in SiteProfile.objects.filter(code__in=["00", "01", "48"])}
    for code, fill in (("48", fill_danang), ("01", fill_hanoi), ("00", fill_national)):
        profile = profiles.get(code)
        if (
            profile is None
            or ComplaintCase.objects.filter(Q(site=profile.site) | Q(transfers__site=profile.site)).exists()
        ):
            continue
        fill(profile.site, get_user_model().objects.filter(username=BOARD_USERS.get(code)).first(), profiles)
        report.change(f"demo: đơn khiếu nại, tố cáo của {profile.full_name}")


def from_log(site, kind, user, content):
    entry = ReceptionLog.objects.filter(site=site, kind=kind, case__isnull=True).first()
    if entry is None:
        return None
    return transitions.open_from_reception(entry, user, content=content, address="Hà Nội", contact="0900000000")


def fill_hanoi(site, user, profiles):
    complaint = from_log(
        site,
        CaseKind.COMPLAINT,
        user,
        "Hồ sơ hưởng chế độ thai sản nộp đã quá thời hạn giải quyết nhưng chưa được chi trả.",
    )
    if complaint is not None:
        transitions.accept(complaint, user)
        transitions.verify(complaint, user)
        transitions.resolve(
            complaint,
            user,
            outcome=CaseOutcome.FOUNDED,
            resolution="Chi trả chế độ thai sản, rút kinh nghiệm bộ phận một cửa.",
        )
    denunciation = from_log(
        site, CaseKind.DENUNCIATION, user, "Doanh nghiệp khấu trừ tiền lương của người lao động nhưng không đóng BHXH."
    )
    if denunciation is not None:
        if user is not None:
            transitions.assign(denunciation, user, handlers=[user])
        transitions.accept(denunciation, user, complexity=Complexity.COMPLEX)
    from_log(site, CaseKind.PETITION, user, "Đề nghị bổ sung điểm thu bảo hiểm y tế hộ gia đình tại phường.")
    letter = transitions.receive(
        site,
        kind=CaseKind.COMPLAINT,
        channel=CaseChannel.LETTER,
        name="Hồ Thị Giang",
        address="Quận Hải Châu, Đà Nẵng",
        contact="0905000000",
        subject="Khiếu nại việc tạm dừng chi trả lương hưu",
        content="Lương hưu của tôi do BHXH Đà Nẵng chi trả bị tạm dừng từ tháng trước mà không có thông báo.",
        user=user,
        now=timezone.now() - dt.timedelta(days=3),
    )
    danang = profiles.get("48")
    if danang is not None:
        transitions.transfer(
            letter, user, to_site=danang.site, reason="Việc chi trả thuộc thẩm quyền của BHXH Đà Nẵng."
        )


def fill_danang(site, user, profiles):
    from_log(site, CaseKind.FEEDBACK, user, "Phản ánh thái độ phục vụ chưa tốt tại quầy tiếp nhận hồ sơ.")


def fill_national(site, user, profiles):
    transitions.receive(
        site,
        kind=CaseKind.PETITION,
        channel=CaseChannel.ONLINE,
        name="Bạn đọc",
        address="Việt Nam",
        contact="ban.doc@example.invalid",
        subject="Kiến nghị mở rộng dịch vụ công trực tuyến",
        content="Đề nghị cho phép nộp hồ sơ hưởng BHXH một lần hoàn toàn trực tuyến, không phải đến cơ quan BHXH.",
    )
