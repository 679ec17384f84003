"""Demo contacts and citizen reception for `bootstrap_portal --demo`: the national site and three provinces.

Each demo site gets its office (the unit the site's head belongs to) with contact details in Vietnamese
and English and its leaders; the units ``faq.demo`` created for questions get their contact details here
rather than being duplicated. Reception: settings, the head's reception day in the current month and the
next one but not in the third, so the dashboard warning shows something on a fresh install, and a few
entries of the reception log for the monthly report. Only fills what is empty: a second run changes nothing,
and what a board has edited is never overwritten.
"""

import datetime as dt
from urllib.parse import quote_plus

from django.utils import timezone

from core.working_days import is_working_day, next_working_day
from multisite_config.models import SiteKind, SiteProfile

from .models import Leader, ReceptionKind, ReceptionLog, ReceptionMode, ReceptionSchedule, ReceptionSettings, Unit
from .reception_warnings import months_from

# code -> (English name, English address, phone, fax, website, leaders: (name, title, English title)); the
# Vietnamese address is the seat the register gives the site's profile (multisite_config/provinces.json), so the
# office and the footer never disagree.
OFFICES = {
    "00": (
        "Vietnam Social Security",
        "7 Trang Thi Street, Hoan Kiem Ward, Ha Noi",
        "024 3936 1111",
        "024 3936 1112",
        "https://baohiemxahoi.gov.vn",
        [
            ("Trần Minh Khoa", "Tổng Giám đốc", "Director General"),
            ("Lê Thị Thu Hà", "Phó Tổng Giám đốc", "Deputy Director General"),
        ],
    ),
    "01": (
        "Ha Noi Social Security",
        "86 Tran Thai Tong Street, Cau Giay Ward, Ha Noi",
        "024 3767 2222",
        "024 3767 2223",
        "https://hanoi.baohiemxahoi.gov.vn",
        [
            ("Nguyễn Đức Hòa", "Giám đốc", "Director"),
            ("Phạm Thị Minh Nguyệt", "Phó Giám đốc", "Deputy Director"),
        ],
    ),
    "48": (
        "Da Nang Social Security",
        "148 Nguyen Chi Thanh Street, Hai Chau Ward, Da Nang",
        "0236 382 3333",
        "0236 382 3334",
        "https://danang.baohiemxahoi.gov.vn",
        [
            ("Võ Văn Thành", "Giám đốc", "Director"),
            ("Huỳnh Thị Lan", "Phó Giám đốc", "Deputy Director"),
        ],
    ),
    "79": (
        "Ho Chi Minh City Social Security",
        "117C Nguyen Dinh Chinh Street, Phu Nhuan Ward, Ho Chi Minh City",
        "028 3997 4444",
        "028 3997 4445",
        "https://hochiminh.baohiemxahoi.gov.vn",
        [
            ("Đặng Quốc Bảo", "Giám đốc", "Director"),
            ("Trương Ngọc Anh", "Phó Giám đốc", "Deputy Director"),
        ],
    ),
}
# The units questions are routed to in the Q&A demo (faq.demo), by site code.
UNITS = {
    "00": ["Trung tâm Dịch vụ hỗ trợ, chăm sóc khách hàng", "Trung tâm Truyền thông", "Ban Pháp chế"],
    "01": [
        "Phòng Chế độ bảo hiểm xã hội",
        "Phòng Quản lý thu và Phát triển người tham gia",
        "Bảo hiểm xã hội cơ sở Ba Đình",
    ],
    "48": ["Phòng Chế độ bảo hiểm xã hội", "Phòng Giám định bảo hiểm y tế"],
}
# Local offices (BHXH cơ sở) by site code: name, English name, address and English address (the ward they sit in,
# as wards are named since 01/7/2025), for the contact page and the "Giới thiệu" page.
LOCAL_OFFICES = {
    "01": [
        (
            "Bảo hiểm xã hội cơ sở Ba Đình",
            "Ba Dinh Local Social Security Office",
            "phường Ba Đình, thành phố Hà Nội",
            "Ba Dinh Ward, Ha Noi",
        )
    ],
    "48": [
        (
            "Bảo hiểm xã hội cơ sở Hải Châu",
            "Hai Chau Local Social Security Office",
            "phường Hải Châu, thành phố Đà Nẵng",
            "Hai Chau Ward, Da Nang",
        )
    ],
}
EXTRA_UNITS = {"79": ["Phòng Chế độ bảo hiểm xã hội"]}
# The English names /en/contact/ shows for those units.
NAMES_EN = {
    "Trung tâm Dịch vụ hỗ trợ, chăm sóc khách hàng": "Customer Support and Care Service Centre",
    "Trung tâm Truyền thông": "Communication Centre",
    "Ban Pháp chế": "Legal Affairs Department",
    "Phòng Chế độ bảo hiểm xã hội": "Social Insurance Benefits Division",
    "Phòng Quản lý thu và Phát triển người tham gia": "Contribution Collection and Participant Development Division",
    "Bảo hiểm xã hội cơ sở Ba Đình": "Ba Dinh Local Social Security Office",
    "Phòng Giám định bảo hiểm y tế": "Health Insurance Assessment Division",
}
# What earlier demo runs wrote: the national leaders titled as a province's ("Giám đốc"), and e-mail addresses on
# the development host (``lienhe@hanoi.localhost``), which the public pages showed. Not a board's work: replaced.
FORMER_TITLES = {"Giám đốc Bảo hiểm xã hội Việt Nam": "Tổng Giám đốc", "Phó Giám đốc": "Phó Tổng Giám đốc"}
FORMER_EMAIL_ENDINGS = (".localhost", "@localhost.localdomain")
WORKING_HOURS = (
    "Sáng 7:30–11:30, chiều 13:30–16:30 các ngày làm việc từ thứ Hai đến thứ Sáu",
    "Monday to Friday, 7:30–11:30 and 13:30–16:30",
)
RULES = (
    "<p>Công dân đến tiếp xúc phải xuất trình giấy tờ tùy thân, trình bày trung thực sự việc, "
    "cung cấp tài liệu liên quan và ký xác nhận nội dung trình bày.</p>"
    "<ul><li>Không gây mất trật tự tại nơi tiếp công dân.</li>"
    "<li>Nhiều người cùng khiếu nại, kiến nghị một nội dung thì cử người đại diện.</li></ul>"
)
LOG_ENTRIES = {
    "01": [
        ("Nguyễn Văn Bình", "Chậm giải quyết chế độ thai sản", ReceptionKind.COMPLAINT),
        ("Trần Thị Hoa", "Doanh nghiệp nợ đóng bảo hiểm xã hội", ReceptionKind.DENUNCIATION),
        ("Lê Văn Cường", "Đề nghị bổ sung điểm thu bảo hiểm y tế hộ gia đình", ReceptionKind.PETITION),
    ],
    "48": [
        ("Phan Thị Dung", "Thái độ phục vụ tại quầy tiếp nhận hồ sơ", ReceptionKind.FEEDBACK),
        ("Hồ Văn Em", "Tính lại mức hưởng lương hưu", ReceptionKind.COMPLAINT),
    ],
}


def load_contacts_demo(report, today=None):
    today = today or timezone.localdate()
    for code in OFFICES:
        profile = SiteProfile.objects.filter(code=code).select_related("site").first()
        if profile is None:
            continue
        office = ensure_office(profile, report)
        fill_units(profile, office, report)
        ensure_reception(profile, office, today, report)


def ensure_office(profile, report):
    site, (name_en, address_en, phone, fax, website, leaders) = profile.site, OFFICES[profile.code]
    address = profile.address
    office, created = Unit.objects.get_or_create(
        site=site,
        name=profile.full_name,
        defaults={
            "kind": Unit.Kind.PROVINCIAL_OFFICE,
            "name_en": name_en,
            "address": address,
            "address_en": address_en,
            "phone": phone,
            "fax": fax,
            "email": profile.email,
            "website": website,
            "working_hours": WORKING_HOURS[0],
            "working_hours_en": WORKING_HOURS[1],
            "map_url": f"https://www.openstreetmap.org/search?query={quote_plus(address)}",
        },
    )
    if created:
        report.change(f"demo: đơn vị “{office.name}” và thông tin liên hệ ({site.hostname})")
    if not office.leaders.exists():
        for order, (name, title, title_en) in enumerate(leaders):
            Leader.objects.create(
                unit=office,
                name=name,
                title=title,
                title_en=title_en,
                sort_order=order,
                phone=phone,
                email=profile.email,
                is_head=order == 0,
            )
        report.change(f"demo: lãnh đạo của {office.name}")
    repair_former_demo(profile, office, report)
    return office


def repair_former_demo(profile, office, report):
    """Corrects what earlier demo runs wrote (``FORMER_TITLES``, ``FORMER_EMAIL_ENDINGS``), and nothing else."""
    changed = False
    if profile.kind == SiteKind.NATIONAL:
        for former, title in FORMER_TITLES.items():
            changed |= bool(office.leaders.filter(title=former).update(title=title))
    for rows in (Unit.objects.filter(site=profile.site), Leader.objects.filter(unit__site=profile.site)):
        for ending in FORMER_EMAIL_ENDINGS:
            changed |= bool(rows.filter(email__endswith=ending).update(email=profile.email))
    if changed:
        report.change(f"demo: chức danh lãnh đạo và thư điện tử của {office.name}")


def fill_units(profile, office, report):
    """Contact details for the units ``faq.demo`` routes questions to (and a few more), filling only blanks."""
    site = profile.site
    for number, name in enumerate(UNITS.get(profile.code, []) + EXTRA_UNITS.get(profile.code, []), start=1):
        unit, created = Unit.objects.get_or_create(site=site, name=name)
        details = {
            "parent": office,
            "name_en": NAMES_EN.get(name, ""),
            "address": office.address,
            "address_en": office.address_en,
            "phone": f"{office.phone[:-1]}{number}",
            "working_hours": office.working_hours,
            "working_hours_en": office.working_hours_en,
        }
        blank = {field: value for field, value in details.items() if not getattr(unit, field)}
        if blank:
            Unit.objects.filter(pk=unit.pk).update(**blank)
            report.change(f"demo: thông tin liên hệ của “{name}” ({site.hostname})")
    for name, name_en, address, address_en in LOCAL_OFFICES.get(profile.code, []):
        unit, created = Unit.objects.get_or_create(
            site=site,
            name=name,
            defaults={"kind": Unit.Kind.LOCAL_OFFICE, "parent": office, "name_en": name_en, "address": address},
        )
        if created or unit.kind != Unit.Kind.LOCAL_OFFICE or unit.address == office.address:
            Unit.objects.filter(pk=unit.pk).update(
                kind=Unit.Kind.LOCAL_OFFICE, name_en=name_en, address=address, address_en=address_en
            )
            report.change(f"demo: bảo hiểm xã hội cơ sở “{name}” ({site.hostname})")


def reception_day(month_start):
    """The first working day on or after the 15th of the month: a plausible, always valid reception day."""
    day = month_start.replace(day=15)
    return day if is_working_day(day) else next_working_day(day)


def ensure_reception(profile, office, today, report):
    site = profile.site
    _settings, created = ReceptionSettings.objects.get_or_create(
        site=site,
        defaults={"place": f"Phòng tiếp công dân, {office.address}", "regular_hours": WORKING_HOURS[0], "rules": RULES},
    )
    if created:
        report.change(f"demo: nội quy, địa điểm tiếp công dân ({site.hostname})")
    if not ReceptionSchedule.objects.filter(site=site).exists():
        head, deputy = office.leaders.order_by("sort_order")[:2]
        this_month, next_month, _third = months_from(today)  # the third month is left out for the warning
        for leader, month, mode in (
            (head, this_month, ReceptionMode.IN_PERSON),
            (head, next_month, ReceptionMode.IN_PERSON),
            (deputy, next_month, ReceptionMode.ONLINE),
        ):
            day = reception_day(month)
            if leader is deputy:
                day = next_working_day(day + dt.timedelta(days=6))
            ReceptionSchedule.objects.create(
                site=site, leader=leader, date=day, start_time=dt.time(8), end_time=dt.time(11, 30), mode=mode
            )
        report.change(f"demo: lịch tiếp công dân của lãnh đạo ({site.hostname})")
    entries = LOG_ENTRIES.get(profile.code, [])
    if entries and not ReceptionLog.objects.filter(site=site).exists():
        for index, (citizen, subject, kind) in enumerate(entries):
            ReceptionLog.objects.create(
                site=site,
                date=today - dt.timedelta(days=index),
                citizen_name=citizen,
                subject=subject,
                kind=kind,
                handling_unit=office,
                outcome="Đã hướng dẫn và chuyển đơn vị chuyên môn giải quyết.",
            )
        report.change(f"demo: sổ tiếp công dân ({site.hostname})")
