"""The demo's "Giới thiệu" page of each site: functions, organisation and where the units are, from the register.

Built from what the portal knows rather than written by hand for 35 sites: the site profiles (name, seat,
the provinces merged into it on 01/7/2025: ``multisite_config/provinces.json``) and the local offices the
contacts list. The national page lists every provincial BHXH with its seat; a province's page names its seat,
the former provinces it now serves and its local offices. Its leaders and telephone numbers stay on the
contact page, which the board keeps up to date, and are linked from here.
"""

from django.utils.html import format_html, format_html_join

from contacts.models import Unit
from multisite_config.directory import site_directory, site_url
from multisite_config.models import SiteKind

NATIONAL_FUNCTIONS = (
    "<p>Bảo hiểm xã hội Việt Nam là cơ quan trực thuộc Bộ Tài chính, tổ chức thực hiện chính sách, chế độ bảo hiểm "
    "xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; quản lý và sử dụng các quỹ bảo hiểm xã hội, bảo hiểm thất nghiệp, "
    "bảo hiểm y tế theo quy định của pháp luật.</p>"
)
PROVINCE_FUNCTIONS = (
    "<p>{name} trực thuộc Bảo hiểm xã hội Việt Nam, tổ chức thực hiện chính sách, chế độ bảo hiểm xã hội, bảo hiểm "
    "y tế, bảo hiểm thất nghiệp và quản lý thu, chi các quỹ trên địa bàn {area}.</p>"
)
DUTIES = (
    "<ul>"
    "<li>Thu bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp của người sử dụng lao động và người tham gia; "
    "cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế.</li>"
    "<li>Giải quyết và chi trả các chế độ ốm đau, thai sản, tai nạn lao động – bệnh nghề nghiệp, hưu trí, tử tuất, "
    "bảo hiểm thất nghiệp.</li>"
    "<li>Ký hợp đồng với cơ sở khám bệnh, chữa bệnh; giám định và thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm "
    "y tế.</li>"
    "<li>Tuyên truyền, hướng dẫn chính sách; giải đáp câu hỏi; tiếp công dân, giải quyết khiếu nại, tố cáo.</li>"
    "<li>Kiểm tra, thanh tra chuyên ngành việc đóng bảo hiểm xã hội, bảo hiểm thất nghiệp, bảo hiểm y tế.</li>"
    "</ul>"
)
NATIONAL_ORGANISATION = (
    "<p>Lãnh đạo Bảo hiểm xã hội Việt Nam gồm Tổng Giám đốc và các Phó Tổng Giám đốc. Giúp việc Tổng Giám đốc có các "
    "ban, đơn vị nghiệp vụ ở Trung ương (trong đó có Trung tâm Truyền thông và Trung tâm Dịch vụ hỗ trợ, chăm sóc "
    "khách hàng); ở địa phương có Bảo hiểm xã hội {count} tỉnh, thành phố và Bảo hiểm xã hội cơ sở.</p>"
)
PROVINCE_ORGANISATION = (
    "<p>Lãnh đạo đơn vị gồm Giám đốc và các Phó Giám đốc. Giúp việc Giám đốc có các phòng nghiệp vụ (chế độ bảo "
    "hiểm xã hội, quản lý thu và phát triển người tham gia, giám định bảo hiểm y tế, kế hoạch – tài chính, …) và "
    "Bảo hiểm xã hội cơ sở tiếp nhận hồ sơ, trả kết quả gần nơi người dân sinh sống.</p>"
)
CONTACTS_LINK = (
    '<p>Lãnh đạo, điện thoại, thư điện tử của từng đơn vị và lịch tiếp công dân: xem trang <a href="/lien-he/">Liên '
    "hệ</a>.</p>"
)


def about_body(profile, profiles=None):
    """The HTML of ``profile``'s "Giới thiệu" page; ``profiles`` is the directory when the caller holds it."""
    if profile.kind == SiteKind.NATIONAL:
        provinces = [other for other in profiles or site_directory() if other.kind == SiteKind.PROVINCE]
        return (
            "<h2>Chức năng, nhiệm vụ</h2>"
            + NATIONAL_FUNCTIONS
            + DUTIES
            + "<h2>Cơ cấu tổ chức</h2>"
            + NATIONAL_ORGANISATION.format(count=len(provinces))
            + CONTACTS_LINK
            + "<h2>Bảo hiểm xã hội các tỉnh, thành phố</h2>"
            + format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((seat(other),) for other in provinces)))
        )
    area = profile.full_name.removeprefix("Bảo hiểm xã hội ")
    return (
        "<h2>Chức năng, nhiệm vụ</h2>"
        + PROVINCE_FUNCTIONS.format(name=profile.full_name, area=area)
        + DUTIES
        + "<h2>Cơ cấu tổ chức</h2>"
        + PROVINCE_ORGANISATION
        + CONTACTS_LINK
        + "<h2>Trụ sở và địa bàn phục vụ</h2>"
        + places(profile, area)
    )


def seat(profile):
    """One province of the national list: its site's name, linked, and its seat."""
    link = format_html('<a href="{}">{}</a>', site_url(profile.site), profile.full_name)
    return format_html("{}: {}", link, profile.address) if profile.address else link


def places(profile, area):
    """The seat, the former provinces merged into this one (Nghị quyết 202/2025/QH15) and the local offices."""
    parts = [format_html("<p>Trụ sở: {}.</p>", profile.address)] if profile.address else []
    if profile.merged_from:
        parts.append(
            format_html(
                "<p>Từ ngày 01/7/2025 (Nghị quyết 202/2025/QH15), đơn vị phục vụ người tham gia trên toàn địa bàn {} "
                "mới, gồm cả địa bàn tỉnh {} trước khi hợp nhất; hồ sơ được tiếp nhận tại mọi điểm giao dịch của đơn "
                "vị.</p>",
                area,
                profile.merged_from,
            )
        )
    offices = Unit.objects.filter(site=profile.site, kind=Unit.Kind.LOCAL_OFFICE).order_by("name")
    if offices:
        rows = ((office.name, f": {office.address}" if office.address else "") for office in offices)
        listed = format_html_join("", "<li>{}{}</li>", rows)
        parts.append(format_html("<p>Bảo hiểm xã hội cơ sở:</p><ul>{}</ul>", listed))
    return "".join(parts)
