"""Demo content and accounts for `bootstrap_portal --demo`: enough to try every role on two provinces.

Only fills what is empty, so it is as idempotent as the bootstrap and never overwrites a board's work.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from core.sections import demo_loaders, site_root_model, standard_sections
from legal.models import LegalDocumentPage
from multisite_config.directory import site_directory
from multisite_config.models import SiteGroup, SiteKind, SiteProfile, SiteRole

from .demo_about import about_body

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
# The national portal serves the whole country, not "an area": what earlier runs wrote there (HOME_INTRO) is
# replaced by this.
NATIONAL_INTRO = (
    "<p>Cổng Thông tin điện tử Bảo hiểm xã hội Việt Nam: tin tức, văn bản, dự thảo lấy ý kiến, thủ tục hành chính, "
    "hỏi đáp chính sách và thông tin liên hệ của Bảo hiểm xã hội Việt Nam và Bảo hiểm xã hội các tỉnh, thành "
    "phố.</p>"
)


def load_demo(report):
    with transaction.atomic():
        fill_pages(report)
        create_users(report)
        for load in demo_loaders():
            load(report)
        fill_about_pages(report)
        feature_documents(report)


def fill_pages(report):
    for profile in SiteProfile.objects.select_related("site"):
        home = site_root_model().objects.filter(pk=profile.site.root_page_id).first()
        if home is None:
            continue
        intro = NATIONAL_INTRO if profile.kind == SiteKind.NATIONAL else HOME_INTRO.format(name=profile.full_name)
        if home.intro in ("", HOME_INTRO.format(name=profile.full_name)) and home.intro != intro:
            home.intro = intro
            home.save_revision().publish()
            report.change(f"demo: lời giới thiệu trang chủ {profile.full_name}")
        sections = {section.slug: section for section in home.get_children().specific()}
        for standard in standard_sections():
            section = sections.get(standard.slug)
            field = standard.text_field
            if section is None or not hasattr(section, field) or getattr(section, field):
                continue
            setattr(section, field, standard.demo_text.format(name=profile.full_name))
            section.save_revision().publish()
            report.change(f"demo: nội dung “{section.title}” của {profile.full_name}")


def fill_about_pages(report):
    """Each site's "Giới thiệu" (``portal.demo_about``), once the contacts exist; replaces only the one sentence
    ``fill_pages`` (or an earlier run) wrote there, never a board's text."""
    directory = site_directory()
    (standard,) = [section for section in standard_sections() if section.slug == "gioi-thieu"]
    for profile in directory:
        about = section_page_of(profile, standard.slug)
        if about is None or about.body not in ("", standard.demo_text.format(name=profile.full_name)):
            continue
        about.body = about_body(profile, directory)
        about.save_revision().publish()
        report.change(f"demo: trang giới thiệu của {profile.full_name}")


def section_page_of(profile, slug):
    home = site_root_model().objects.filter(pk=profile.site.root_page_id).first()
    section = home.get_children().filter(slug=slug).first() if home else None
    return section.specific if section else None


def feature_documents(report):
    """The three newest documents of each site that has some, featured on its home page unless its board chose."""
    for profile in SiteProfile.objects.select_related("site"):
        home = site_root_model().objects.filter(pk=profile.site.root_page_id).first()
        if home is None or home.featured_documents.exists():
            continue
        newest = LegalDocumentPage.objects.live().descendant_of(home).order_by("-issued_on", "-pk")[:3]
        if not newest:
            continue
        for document in newest:
            home.featured_documents.add(home.featured_documents.model(document=document))
        home.save_revision().publish()
        report.change(f"demo: văn bản nổi bật trên trang chủ {profile.full_name}")


def create_users(report):
    User = get_user_model()
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@localhost.localdomain", ADMIN_PASSWORD)
        report.change("demo: tài khoản quản trị admin")
    for username, code, role in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(username, f"{username}@localhost.localdomain", DEMO_PASSWORD)
        link = (
            SiteGroup.objects.get(role=role, site__siteprofile__code=code)
            if code
            else SiteGroup.objects.get(role=role, site=None)
        )
        user.groups.add(link.group)
        report.change(f"demo: tài khoản {username} ({link.group.name})")
