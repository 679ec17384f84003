"""What `bootstrap_portal` says when it is done: a few lines on the sites, the demo's records and accounts, and
where its e-mails went, instead of one line per change (those stay available with ``--verbosity 2``).

`make run` runs the command each time it starts; its real output (the address it serves, the accounts to sign
in with) must not be buried under thousands of lines.
"""

from django.conf import settings
from wagtail.models import Site

from complaints.models import ComplaintCase
from faq.models import InformationRequest, OutboundEmail, Question
from home.news import NewsPage
from legal.models import DraftComment, DraftDocumentPage, LegalDocumentPage
from ratings.models import Rating

from .demo import ADMIN_PASSWORD, DEMO_PASSWORD, DEMO_USERS

FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
# (what is counted, how the summary names it)
DEMO_RECORDS = [
    (NewsPage.objects, "tin bài"),
    (LegalDocumentPage.objects, "văn bản"),
    (DraftDocumentPage.objects, "dự thảo"),
    (DraftComment.objects, "góp ý dự thảo"),
    (Question.objects, "câu hỏi"),
    (InformationRequest.objects, "yêu cầu cung cấp thông tin"),
    (ComplaintCase.objects, "đơn khiếu nại, tố cáo, kiến nghị, phản ánh"),
    (Rating.objects, "đánh giá mức độ hài lòng"),
]


def sites_line():
    national = Site.objects.filter(is_default_site=True).first()
    provinces = Site.objects.filter(is_default_site=False).count()
    if national is None:
        return f"Trang: {provinces} trang BHXH tỉnh, thành phố."
    return (
        f"Trang: quốc gia {national.root_url}/ và {provinces} trang BHXH tỉnh, thành phố "
        f"(<tên tỉnh>.{national.hostname}, danh sách ở multisite_config/provinces.json)."
    )


def demo_lines():
    counts = ", ".join(f"{manager.count()} {label}" for manager, label in DEMO_RECORDS)
    usernames = ", ".join(username for username, _code, _role in DEMO_USERS)
    emails = OutboundEmail.objects.count()
    return [
        f"Dữ liệu trình diễn: {counts}.",
        f"Tài khoản trình diễn: admin (mật khẩu {ADMIN_PASSWORD}); {usernames} (mật khẩu {DEMO_PASSWORD}).",
        f"Hộp thư đi: {emails} thư, xem trong quản trị (Hỏi đáp → Hộp thư đi); {mail_destination()}.",
    ]


def mail_destination():
    """Where sent e-mails end up: files under ``EMAIL_FILE_PATH`` for `make run`, else the configured backend."""
    if settings.EMAIL_BACKEND == FILE_BACKEND:
        return f"mỗi thư đã gửi được ghi vào {settings.EMAIL_FILE_PATH}"
    return f"gửi bằng {settings.EMAIL_BACKEND}"


def summary(report, demo):
    """The lines the command prints after the run described by ``report`` (a ``bootstrap.Report``)."""
    if report.changes:
        done = f"Đã áp dụng {len(report.changes)} thay đổi (--verbosity 2 liệt kê từng thay đổi)."
    else:
        done = "Không có thay đổi: cơ sở dữ liệu đã khớp với danh mục."
    lines = [done, sites_line()]
    if demo:
        lines += demo_lines()
    lines.append(f"Quản trị: {settings.WAGTAILADMIN_BASE_URL}/admin/")
    return lines
