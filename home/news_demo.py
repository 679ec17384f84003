"""Demo news for `bootstrap_portal --demo`: articles on four sites and the three states of the exchange.

A national article is pushed to every province, a Hà Nội article is proposed and accepted nationally,
and a Đà Nẵng proposal waits in the national board's inbox. Articles are found by slug and shares by
(article, site), so a second run adds nothing.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from multisite_config.models import SiteKind, SiteProfile
from multisite_config.topics import ensure_topics

from .news import NewsIndexPage, NewsPage
from .news_shares import NewsShare, ShareDirection, ShareStatus

NATIONAL, HANOI, DANANG, HO_CHI_MINH = "00", "01", "48", "79"


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    title: str
    lead: str
    body: str
    topic: str
    event_date: dt.date
    author: str = ""
    source: str = ""
    source_url: str = ""

    @property
    def published_at(self):
        """The day after the event at 9:00, so the demo's order is the same on every run."""
        return timezone.make_aware(dt.datetime.combine(self.event_date + dt.timedelta(days=1), dt.time(9)))


DEMO_NEWS = {
    NATIONAL: [
        DemoArticle(
            "trien-khai-luat-bao-hiem-xa-hoi-2024",
            "Triển khai thi hành Luật Bảo hiểm xã hội năm 2024",
            "BHXH Việt Nam hướng dẫn BHXH các tỉnh, thành phố tuyên truyền và thực hiện các điểm mới của Luật "
            "Bảo hiểm xã hội năm 2024, có hiệu lực từ ngày 01/7/2025.",
            "<p>Luật Bảo hiểm xã hội năm 2024 mở rộng đối tượng tham gia bảo hiểm xã hội bắt buộc, bổ sung "
            "trợ cấp hưu trí xã hội và giảm số năm đóng tối thiểu để hưởng lương hưu từ 20 năm xuống 15 năm.</p>"
            "<p>BHXH các tỉnh, thành phố đăng tải nội dung hướng dẫn trên trang thông tin điện tử của đơn vị.</p>",
            "bhxh-bat-buoc",
            dt.date(2026, 11, 2),
            author="Trung tâm Truyền thông",
        ),
        DemoArticle(
            "vssid-them-tien-ich-moi",
            "Ứng dụng VssID bổ sung tiện ích tra cứu quá trình đóng",
            "Người tham gia có thể tra cứu quá trình đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp "
            "và nhận thông báo ngay trên ứng dụng VssID.",
            "<p>Phiên bản mới của ứng dụng VssID – Bảo hiểm xã hội số cho phép tra cứu quá trình đóng, "
            "lịch sử khám chữa bệnh bảo hiểm y tế và gửi phản ánh trực tuyến.</p>",
            "giao-dich-dien-tu",
            dt.date(2026, 11, 10),
            author="Trung tâm Truyền thông",
        ),
    ],
    HANOI: [
        DemoArticle(
            "doi-thoai-chinh-sach-bhxh-tu-nguyen",
            "Hà Nội đối thoại chính sách bảo hiểm xã hội tự nguyện",
            "BHXH thành phố Hà Nội tổ chức hội nghị đối thoại với người lao động tự do về quyền lợi khi tham "
            "gia bảo hiểm xã hội tự nguyện.",
            "<p>Tại hội nghị, người lao động được giải đáp về mức đóng, phương thức đóng linh hoạt và mức hỗ "
            "trợ tiền đóng của Nhà nước.</p>",
            "bhxh-tu-nguyen",
            dt.date(2026, 11, 5),
            author="Phòng Truyền thông và Phát triển đối tượng",
        ),
        DemoArticle(
            "cap-the-bhyt-hoc-sinh",
            "Cấp thẻ bảo hiểm y tế học sinh, sinh viên năm học 2026–2027",
            "Các trường học trên địa bàn Hà Nội hoàn thành việc lập danh sách cấp thẻ bảo hiểm y tế cho học sinh, "
            "sinh viên.",
            "<p>Thẻ bảo hiểm y tế được cấp trên ứng dụng VssID; học sinh, sinh viên dùng căn cước để khám "
            "chữa bệnh.</p>",
            "bao-hiem-y-te",
            dt.date(2026, 10, 20),
            author="Minh Anh",
            source="Báo Hà Nội Mới",
            source_url="https://hanoimoi.vn/",
        ),
    ],
    DANANG: [
        DemoArticle(
            "chi-tra-luong-huu-qua-tai-khoan",
            "Đà Nẵng: hơn 90% người hưởng nhận lương hưu qua tài khoản",
            "BHXH thành phố Đà Nẵng đẩy mạnh chi trả lương hưu, trợ cấp bảo hiểm xã hội không dùng tiền mặt.",
            "<p>Người hưởng nhận lương hưu qua tài khoản ngân hàng không phải đến điểm chi trả và được nhận "
            "đúng ngày.</p>",
            "bhxh-bat-buoc",
            dt.date(2026, 11, 12),
            author="Phòng Chế độ bảo hiểm xã hội",
        ),
    ],
    HO_CHI_MINH: [
        DemoArticle(
            "ho-tro-doanh-nghiep-giao-dich-dien-tu",
            "TP. Hồ Chí Minh hỗ trợ doanh nghiệp giao dịch điện tử",
            "BHXH Thành phố Hồ Chí Minh tập huấn cho doanh nghiệp kê khai, nộp hồ sơ bảo hiểm xã hội điện tử.",
            "<p>Doanh nghiệp được hướng dẫn sử dụng Cổng Dịch vụ công quốc gia để nộp hồ sơ trực tuyến.</p>",
            "giao-dich-dien-tu",
            dt.date(2026, 11, 8),
            author="Phòng Truyền thông",
        ),
    ],
}
PUSHED = (NATIONAL, "trien-khai-luat-bao-hiem-xa-hoi-2024")
ACCEPTED_PROPOSAL = (HANOI, "doi-thoai-chinh-sach-bhxh-tu-nguyen")
PENDING_PROPOSAL = (DANANG, "chi-tra-luong-huu-qua-tai-khoan")


def load_news_demo(report):
    topics = ensure_topics(report)
    sites = {
        profile.code: profile.site
        for profile in SiteProfile.objects.select_related("site__root_page").filter(code__in=DEMO_NEWS)
    }
    articles = {}
    for code, demo_articles in DEMO_NEWS.items():
        index = sites.get(code) and NewsIndexPage.of_site(sites[code])
        if index is None:
            report.warnings.append(f"demo: trang {code} không có chuyên mục tin tức, bỏ qua tin demo")
            continue
        for demo in demo_articles:
            articles[code, demo.slug] = ensure_article(index, demo, topics, report)
    share_demo_articles(articles, sites, report)


def ensure_article(index, demo, topics, report):
    article = NewsPage.objects.child_of(index).filter(slug=demo.slug).first()
    if article:
        return article
    article = NewsPage(
        title=demo.title,
        slug=demo.slug,
        lead=demo.lead,
        body=demo.body,
        event_date=demo.event_date,
        published_at=demo.published_at,
        author=demo.author,
        reused=bool(demo.source),
        source=demo.source,
        source_url=demo.source_url,
    )
    index.add_child(instance=article)
    article.topics.set([topics[demo.topic]])
    article.save_revision().publish()
    report.change(f"demo: tin “{demo.title}”")
    return article


def share_demo_articles(articles, sites, report):
    national = sites.get(NATIONAL)
    now = timezone.now()
    wanted = []
    if PUSHED in articles:
        provinces = SiteProfile.objects.filter(kind=SiteKind.PROVINCE).values_list("site_id", flat=True)
        wanted += [(articles[PUSHED], site_id, ShareDirection.PUSH, ShareStatus.ACCEPTED) for site_id in provinces]
    if national and ACCEPTED_PROPOSAL in articles:
        wanted.append((articles[ACCEPTED_PROPOSAL], national.pk, ShareDirection.PROPOSAL, ShareStatus.ACCEPTED))
    if national and PENDING_PROPOSAL in articles:
        wanted.append((articles[PENDING_PROPOSAL], national.pk, ShareDirection.PROPOSAL, ShareStatus.PENDING))
    for article, site_id, direction, status in wanted:
        decided_at = None if status == ShareStatus.PENDING else now
        _share, created = NewsShare.objects.get_or_create(
            article=article,
            target_site_id=site_id,
            defaults={"direction": direction, "status": status, "decided_at": decided_at},
        )
        if created:
            report.change(f"demo: chia sẻ “{article.title}” ({direction}, {status})")
