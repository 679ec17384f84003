"""The demo's home pages for `bootstrap_portal --demo`: the board's notice and the quick links every site starts
with (the online public services and the site's own procedures). Fills only a home page that has none, so a
second run changes nothing and a board's own choice is never overwritten."""

from multisite_config.models import SiteProfile

from .models import HomePage, HomeQuickLink

# (title, address, what it is for): the public services a citizen reaches from every site.
QUICK_LINKS = [
    (
        "Cổng Dịch vụ công quốc gia",
        "https://dichvucong.gov.vn/",
        "Nộp hồ sơ, theo dõi và nhận kết quả thủ tục hành chính trực tuyến",
    ),
    (
        "Cổng Dịch vụ công Bảo hiểm xã hội Việt Nam",
        "https://dichvucong.baohiemxahoi.gov.vn/",
        "Kê khai, nộp hồ sơ bảo hiểm xã hội, bảo hiểm y tế điện tử",
    ),
    (
        "Ứng dụng VssID – Bảo hiểm xã hội số",
        "https://play.google.com/store/apps/details?id=com.vss.vssid",
        "Tra cứu quá trình tham gia, thẻ bảo hiểm y tế điện tử; đăng nhập bằng tài khoản VNeID",
    ),
    (
        "Thủ tục hành chính",
        "/van-ban-thu-tuc-hanh-chinh/thu-tuc-hanh-chinh/",
        "Hồ sơ, thời hạn giải quyết, mức độ dịch vụ công trực tuyến của từng thủ tục",
    ),
    ("Hỏi đáp chính sách", "/hoi-dap/", "Gửi câu hỏi và tra cứu câu trả lời về chế độ, chính sách"),
]
NOTICE_TITLE = "Thông báo"
NOTICE = (
    "<p>Luật Bảo hiểm xã hội số 41/2024/QH15 có hiệu lực từ ngày 01/7/2025. Người lao động, người sử dụng lao động "
    "xem các văn bản hướng dẫn tại mục Văn bản – Thủ tục hành chính.</p>"
    "<p>Người tham gia có thể tra cứu quá trình đóng, hưởng bảo hiểm xã hội và thẻ bảo hiểm y tế trên ứng dụng "
    "VssID hoặc bằng tài khoản định danh điện tử VNeID, không cần đến cơ quan bảo hiểm xã hội.</p>"
)


def load_home_demo(report):
    for profile in SiteProfile.objects.select_related("site"):
        home = HomePage.objects.filter(pk=profile.site.root_page_id).first()
        if home is None or home.notice or home.quick_links.exists():
            continue
        home.notice_title, home.notice = NOTICE_TITLE, NOTICE
        for title, url, description in QUICK_LINKS:
            home.quick_links.add(HomeQuickLink(title=title, url=url, description=description))
        home.save_revision().publish()
        report.change(f"demo: thông báo và liên kết nhanh trên trang chủ {profile.full_name}")
