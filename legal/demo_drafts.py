"""Demo drafts open for comment: on the national portal and Hà Nội, one open draft and one closed draft.

The open one has two versions, the second renumbering an article, rewording another and dropping a third,
so the page's version history and the comments' "nay là Điều …" can be tried. The texts follow the
operating rules of the national portal (seed 002) and the guidance for provincial websites (seed 003).
The comments work adds demo comments to these drafts afterwards and finds them by ``DEMO_SLUGS``.
"""

from datetime import timedelta

from django.utils import timezone

from multisite_config.models import SiteProfile

from .demo import DEMO_SITE_CODES
from .importer import NoDocumentsSection, documents_index
from .models import DocumentType, DraftDocumentPage

OPEN_SLUG = "du-thao-quy-che-cong-thong-tin"
CLOSED_SLUG = "du-thao-huong-dan-tiep-nhan-hoi-dap"
DEMO_SLUGS = [OPEN_SLUG, CLOSED_SLUG]

RULES_HEAD = """QUY CHẾ
Hoạt động của Cổng Thông tin điện tử {unit}
(Ban hành kèm theo Quyết định số      /QĐ-BHXH ngày      tháng      năm 2026)
Căn cứ Luật Tiếp cận thông tin ngày 06 tháng 4 năm 2016;
Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24 tháng 6 năm 2022 của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. Quy chế này quy định về quản lý, cung cấp thông tin và vận hành Cổng Thông tin điện tử {unit} (sau đây gọi là Cổng Thông tin điện tử).
2. Quy chế này áp dụng đối với các đơn vị trực thuộc, công chức, viên chức và người lao động của {unit}.
Điều 2. Nguyên tắc cung cấp thông tin
1. Thông tin được cung cấp trên Cổng Thông tin điện tử phải phù hợp với quan điểm, chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; đáp ứng nhu cầu khai thác thông tin của các tổ chức, cá nhân.
2. Thông tin cung cấp phải bảo đảm chính xác, khách quan, kịp thời; tuân thủ các quy định của pháp luật về bảo vệ bí mật nhà nước, báo chí, sở hữu trí tuệ, quản lý thông tin trên Internet.
3. Khi trích dẫn, sử dụng lại thông tin phải lấy từ nguồn tin chính thức và ghi rõ thông tin về tác giả, nguồn của thông tin.
Chương II
CUNG CẤP THÔNG TIN
Điều 3. Thông tin phải cung cấp
1. Thông tin giới thiệu: chức năng, nhiệm vụ, cơ cấu tổ chức, địa chỉ, điện thoại của đơn vị và của Bảo hiểm xã hội cơ sở.
2. Tin tức, sự kiện về hoạt động của đơn vị.
3. Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành và thủ tục hành chính.
4. Dự thảo văn bản cần lấy ý kiến của tổ chức, cá nhân.
"""

RULES_ARTICLE_4_V1 = """Điều 4. Thời gian, trách nhiệm cung cấp thông tin
1. Các đơn vị trực thuộc có trách nhiệm:
a) Cung cấp thông tin liên hệ trong 01 ngày làm việc kể từ khi có sự thay đổi thông tin và được phép công bố;
b) Cung cấp tin về hoạt động của đơn vị trong 01 ngày làm việc kể từ khi hoạt động diễn ra;
c) Cung cấp văn bản chỉ đạo điều hành ngay sau khi văn bản được ký ban hành;
d) Cung cấp nội dung trả lời câu hỏi của tổ chức, cá nhân trong 07 ngày làm việc kể từ khi nhận được câu hỏi;
đ) Cung cấp thông tin hướng dẫn chính sách mới trong 10 ngày làm việc kể từ khi văn bản quy phạm pháp luật được ban hành.
2. Văn phòng có trách nhiệm tổng hợp, biên tập và đăng tải thông tin trong 02 ngày làm việc kể từ khi nhận được.
"""

RULES_ARTICLE_4_V2 = """Điều 4. Thời gian, trách nhiệm cung cấp thông tin
1. Các đơn vị trực thuộc có trách nhiệm:
a) Cung cấp thông tin liên hệ trong 01 ngày làm việc kể từ khi có sự thay đổi thông tin và được phép công bố;
b) Cung cấp tin về hoạt động của đơn vị trong 01 ngày làm việc kể từ khi hoạt động diễn ra;
c) Cung cấp văn bản chỉ đạo điều hành ngay sau khi văn bản được ký ban hành;
d) Cung cấp nội dung trả lời câu hỏi của tổ chức, cá nhân trong 07 ngày làm việc kể từ khi nhận được câu hỏi;
đ) Cung cấp thông tin hướng dẫn chính sách mới trong 10 ngày làm việc kể từ khi văn bản quy phạm pháp luật được ban hành.
2. Văn phòng có trách nhiệm tổng hợp, biên tập và đăng tải thông tin trong 01 ngày làm việc kể từ khi nhận được; tin, bài về sự kiện được đăng trong vòng 10 ngày kể từ khi sự kiện diễn ra.
3. Ban Biên tập báo cáo định kỳ hằng quý về hoạt động của Cổng Thông tin điện tử với lãnh đạo đơn vị.
"""

RULES_ARTICLE_5 = """Điều 5. Lấy ý kiến dự thảo văn bản
1. Dự thảo văn bản được đăng tải kèm theo tờ trình và thời hạn tiếp nhận ý kiến.
2. Ý kiến góp ý được kiểm duyệt trước khi công khai; đơn vị chủ trì soạn thảo tổng hợp, tiếp thu, giải trình và công khai báo cáo sau khi hết hạn lấy ý kiến.
Chương III
TỔ CHỨC THỰC HIỆN
"""

RULES_ARTICLE_6_V1 = """Điều 6. Trách nhiệm của Ban Biên tập
1. Xây dựng kế hoạch và tổ chức vận hành Cổng Thông tin điện tử theo Quy chế này.
2. Báo cáo định kỳ hằng quý về hoạt động của Cổng Thông tin điện tử.
"""

RULES_ENTRY_INTO_FORCE = """Điều {number}. Hiệu lực thi hành
Quy chế này có hiệu lực kể từ ngày ký. Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Văn phòng để tổng hợp, báo cáo Giám đốc xem xét, sửa đổi, bổ sung cho phù hợp.
"""

RULES_V1 = (
    RULES_HEAD + RULES_ARTICLE_4_V1 + RULES_ARTICLE_5 + RULES_ARTICLE_6_V1 + RULES_ENTRY_INTO_FORCE.format(number=7)
)
# Version 2: article 4 reworded (and takes over the quarterly report), article 6 dropped, 7 becomes 6.
RULES_V2 = RULES_HEAD + RULES_ARTICLE_4_V2 + RULES_ARTICLE_5 + RULES_ENTRY_INTO_FORCE.format(number=6)

QA_GUIDE = """HƯỚNG DẪN
Tiếp nhận, trả lời câu hỏi của tổ chức, cá nhân trên Cổng Thông tin điện tử {unit}
Căn cứ Quy chế hoạt động Cổng Thông tin điện tử Bảo hiểm xã hội Việt Nam ban hành kèm theo Quyết định số 1582/QĐ-BHXH năm 2021.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi áp dụng
Hướng dẫn này áp dụng đối với việc tiếp nhận, phân loại, trả lời và đăng công khai câu hỏi của tổ chức, cá nhân gửi qua chuyên mục Hỏi đáp của Cổng Thông tin điện tử {unit}.
Điều 2. Nguyên tắc trả lời
1. Câu trả lời phải chính xác, rõ ràng, dẫn chiếu văn bản quy phạm pháp luật đang có hiệu lực.
2. Không công khai thư điện tử, số điện thoại, địa chỉ của người hỏi; họ tên chỉ được công khai khi người hỏi đồng ý.
Chương II
QUY TRÌNH TIẾP NHẬN, TRẢ LỜI
Điều 3. Tiếp nhận và phân loại câu hỏi
1. Bộ phận hỏi đáp tiếp nhận câu hỏi, phân loại để trả lời hoặc chuyển đến đơn vị liên quan trong vòng 02 đến 05 ngày làm việc.
2. Trường hợp câu hỏi không thuộc phạm vi, chức năng, nhiệm vụ của ngành Bảo hiểm xã hội hoặc không rõ nghĩa:
a) Thông báo ngay trong ngày cho người hỏi biết;
b) Hướng dẫn người hỏi gửi đến cơ quan có thẩm quyền hoặc gửi lại nội dung đầy đủ.
Điều 4. Thời hạn trả lời
1. Trong vòng 07 ngày làm việc kể từ khi tiếp nhận câu hỏi, đơn vị được giao có trách nhiệm trả lời hoặc thông báo quá trình xử lý.
2. Câu hỏi phức tạp, liên quan đến nhiều đơn vị được xử lý trong vòng 10 ngày làm việc kể từ khi nhận được câu hỏi.
3. Không quá 02 ngày làm việc sau khi nhận được câu trả lời, bộ phận hỏi đáp gửi câu trả lời tới người hỏi và đăng công khai trên Cổng Thông tin điện tử.
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 5. Tổ chức thực hiện
Văn phòng chủ trì, phối hợp với các đơn vị theo dõi, đôn đốc việc thực hiện Hướng dẫn này; báo cáo kết quả hằng quý.
"""


def load_draft_demo(report):
    """Idempotent: a site that already has a demo draft (by slug) keeps it as it is."""
    profiles = SiteProfile.objects.filter(code__in=DEMO_SITE_CODES).select_related("site").order_by("code")
    for profile in profiles:
        try:
            index = documents_index(profile.site)
        except NoDocumentsSection as error:
            report.warnings.append(str(error))
            continue
        for make in (make_open_draft, make_closed_draft):
            draft = make(index, profile.full_name)
            if draft is not None:
                report.change(f"demo: dự thảo “{draft.title}” trên {profile.site.hostname}")


def demo_drafts():
    """The demo drafts of every site, for the demo comments."""
    return DraftDocumentPage.objects.live().filter(slug__in=DEMO_SLUGS)


def make_open_draft(index, unit):
    now = timezone.now()
    return publish_versions(
        index,
        DraftDocumentPage(
            title="Dự thảo Quy chế hoạt động Cổng Thông tin điện tử",
            slug=OPEN_SLUG,
            document_type=DocumentType.objects.get(slug="quy-che"),
            drafting_unit=f"Văn phòng {unit}",
            summary=(
                "Dự thảo quy định nguyên tắc, trách nhiệm và thời hạn cung cấp thông tin trên Cổng Thông tin "
                "điện tử, việc lấy ý kiến dự thảo văn bản và tổ chức thực hiện."
            ),
            opens_at=now - timedelta(days=5),
            closes_at=now + timedelta(days=25),
        ),
        [(RULES_V1.format(unit=unit), now - timedelta(days=5)), (RULES_V2.format(unit=unit), now - timedelta(days=2))],
    )


def make_closed_draft(index, unit):
    now = timezone.now()
    return publish_versions(
        index,
        DraftDocumentPage(
            title="Dự thảo Hướng dẫn tiếp nhận, trả lời câu hỏi trên Cổng Thông tin điện tử",
            slug=CLOSED_SLUG,
            document_type=DocumentType.objects.get(slug="huong-dan"),
            drafting_unit=f"Văn phòng {unit}",
            summary="Dự thảo hướng dẫn quy trình và thời hạn tiếp nhận, phân loại, trả lời câu hỏi của tổ chức, cá nhân.",
            opens_at=now - timedelta(days=45),
            closes_at=now - timedelta(days=15),
        ),
        [(QA_GUIDE.format(unit=unit), now - timedelta(days=45))],
    )


def publish_versions(index, draft, texts):
    """Publish the draft once per text, each publication dated as if made on its day; None if it exists."""
    if DraftDocumentPage.objects.child_of(index).filter(slug=draft.slug).exists():
        return None
    draft.draft_text = texts[0][0]
    index.add_child(instance=draft)
    for text, published_at in texts:
        draft.draft_text = text
        draft.save_revision().publish()
        draft.versions.filter(number=draft.versions.count()).update(published_at=published_at)
    return draft
