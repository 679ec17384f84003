"""Demo content and accounts for `bootstrap_portal --demo`: enough to try every role on two provinces.

Only fills what is empty, so it is as idempotent as the bootstrap and never overwrites a board's work.
"""
from django.contrib.auth import get_user_model
from django.db import transaction

from contacts.demo import load_contacts_demo
from faq.demo import load_qa_demo
from faq.models import QuestionIndexPage
from home.models import HomePage, NewsIndexPage, SectionPage
from home.news_demo import load_news_demo
from legal.demo import load_legal_demo
from legal.demo_comments import load_comments_demo
from legal.demo_drafts import load_draft_demo
from legal.demo_procedures import load_procedures_demo
from legal.models import LegalDocumentIndexPage

from .models import SiteGroup, SiteProfile, SiteRole

DEMO_PASSWORD = "bhxh-demo-2026"
ADMIN_PASSWORD = "admin"
# (username, site code or None for the centre, role)
DEMO_USERS = [
    ("trungtam", None, SiteRole.CENTRE),
    ("hanoi.bientap", "01", SiteRole.EDITORS),
    ("hanoi.banbientap", "01", SiteRole.BOARD),
    ("hanoi.hoidap", "01", SiteRole.QA_OFFICERS),
    ("danang.bientap", "48", SiteRole.EDITORS),
    ("danang.banbientap", "48", SiteRole.BOARD),
]

HOME_INTRO = (
    "<p>{name} là cơ quan thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; "
    "tổ chức thu, chi chế độ và quản lý quỹ trên địa bàn. Trang này cung cấp tin tức, văn bản, thủ tục "
    "hành chính, hỏi đáp và thông tin liên hệ của đơn vị.</p>"
)
SECTION_TEXT = {
    "gioi-thieu": "<p>Chức năng, nhiệm vụ, cơ cấu tổ chức, địa chỉ và điện thoại của {name} và các BHXH cơ sở.</p>",
    "tin-tuc-su-kien": "<p>Tin hoạt động của đơn vị, đăng trong vòng 10 ngày kể từ khi sự kiện diễn ra.</p>",
    "van-ban-thu-tuc-hanh-chinh": (
        "<p>Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành được đăng ngay khi ký ban hành; "
        "thủ tục hành chính theo cơ chế một cửa và dịch vụ công trực tuyến.</p>"),
    "hoi-dap": "<p>Gửi câu hỏi về chính sách bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp và theo dõi trả lời.</p>",
    "lien-he": "<p>Địa chỉ, điện thoại, thư điện tử của {name}, lịch tiếp công dân của lãnh đạo.</p>",
    "thong-tin-cong-khai": (
        "<p>Thông tin được công khai theo Luật Tiếp cận thông tin 2016 (Công văn 07/BHXH-PC ngày 02/01/2020): "
        "quy chế cung cấp thông tin, danh mục thông tin phải công khai, đầu mối tiếp nhận yêu cầu "
        "cung cấp thông tin.</p>"
        '<p><a href="/yeu-cau-cung-cap-thong-tin/">Gửi yêu cầu cung cấp thông tin trực tuyến</a> '
        "(trả lời trong 03 ngày làm việc, hoặc 15 ngày làm việc nếu cần tập hợp thông tin).</p>"),
}


def load_demo(report):
    with transaction.atomic():
        fill_pages(report)
        create_users(report)
        load_qa_demo(report)
        load_contacts_demo(report)
        load_legal_demo(report)
        load_draft_demo(report)
        load_comments_demo(report)
        load_procedures_demo(report)
        load_news_demo(report)


def fill_pages(report):
    for profile in SiteProfile.objects.select_related("site"):
        home = HomePage.objects.filter(pk=profile.site.root_page_id).first()
        if home is None:
            continue
        if not home.intro:
            home.intro = HOME_INTRO.format(name=profile.full_name)
            home.save_revision().publish()
            report.change(f"demo: lời giới thiệu trang chủ {profile.full_name}")
        for section in home.get_children().specific():
            text, field = SECTION_TEXT.get(section.slug), section_text_field(section)
            if text and field and not getattr(section, field):
                setattr(section, field, text.format(name=profile.full_name))
                section.save_revision().publish()
                report.change(f"demo: nội dung “{section.title}” của {profile.full_name}")


def section_text_field(section):
    """Where a standard section keeps its introductory text (None for a page type without one)."""
    if isinstance(section, SectionPage):
        return "body"
    if isinstance(section, (QuestionIndexPage, LegalDocumentIndexPage, NewsIndexPage)):
        return "intro"
    return None


def create_users(report):
    User = get_user_model()
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@localhost.localdomain", ADMIN_PASSWORD)
        report.change("demo: tài khoản quản trị admin")
    for username, code, role in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(username, f"{username}@localhost.localdomain", DEMO_PASSWORD)
        link = SiteGroup.objects.get(role=role, site__siteprofile__code=code) if code else \
            SiteGroup.objects.get(role=role, site=None)
        user.groups.add(link.group)
        report.change(f"demo: tài khoản {username} ({link.group.name})")
