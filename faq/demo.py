"""Demo Q&A for `bootstrap_portal --demo`: real answers from seed 002 nationally, every state in Hà Nội.

The national site gets the three questions and answers of the seed 002 page (Quy chế 1582/QĐ-BHXH),
parsed from the copy kept in ``demo_content/``. Hà Nội gets questions in every state, one of them late and
one due soon, so the inbox, its filters and the dashboard panel show something on a fresh install.
Hà Nội also gets requests for information with every outcome, for the request log and the yearly
statistics. Everything goes through ``faq.transitions`` and ``faq.information_requests``, as real
submissions would. A site that already has questions
is left alone, so a second run changes nothing.
"""

import datetime as dt
from pathlib import Path

from django.utils import timezone

from contacts.demo import UNITS
from contacts.models import Unit
from core.models import CalendarAdjustment
from core.working_days import is_working_day, local
from multisite_config.models import SiteProfile
from multisite_config.topics import ensure_topics

from . import information_requests, transitions
from .models import DeliveryForm, InformationCategory, RefusalReason

SEED_002 = Path(__file__).parent / "demo_content" / "seed_002_hoi_dap_quy_che_1582.txt"
END_OF_ANSWERS = "Quý khách cần hỏi thêm"
DROPPED_LINES = ("...",)
ASKER = {"name": "Bạn đọc", "email": "ban.doc@example.invalid"}


def load_qa_demo(report, now=None):
    now = now or timezone.now()
    ensure_calendar_2026(report)
    topics = ensure_topics(report)
    for code, names in UNITS.items():
        site = SiteProfile.objects.get(code=code).site
        for name in names:
            _unit, created = Unit.objects.get_or_create(site=site, name=name)
            if created:
                report.change(f"demo: đơn vị “{name}” ({site.hostname})")
    national = SiteProfile.objects.get(code="00").site
    if not national.questions.exists():
        for title, answer in seed_002_questions():
            published(national, topics["cong-thong-tin"], title, title, answer, **ASKER)
        report.change("demo: 3 câu hỏi – trả lời của seed 002 trên cổng quốc gia")
    hanoi = SiteProfile.objects.get(code="01").site
    if not hanoi.questions.exists():
        hanoi_questions(hanoi, topics, now)
        report.change("demo: câu hỏi của BHXH Hà Nội ở mọi trạng thái")
    if not hanoi.information_requests.exists():
        hanoi_information_requests(hanoi)
        report.change("demo: yêu cầu cung cấp thông tin của BHXH Hà Nội, mỗi kết quả một yêu cầu")
    danang = SiteProfile.objects.get(code="48").site
    if not danang.questions.exists():
        published(danang, topics["bao-hiem-y-te"], *DANANG_PUBLISHED)
        report.change("demo: câu hỏi của BHXH Đà Nẵng")


def ensure_calendar_2026(report):
    """The New Year 2026 swap the `holidays` package does not know, as the Government decided it.

    Công văn 12729/VPCP-KGVX ngày 25/12/2025: Friday 02/01/2026 off, Saturday 10/01/2026 worked in exchange
    (a "hoán đổi ngày làm việc"). The National Day 2026 arrangement (Monday 31/08 off, Saturday 22/08
    worked, with 01/09 and 02/09) is already in the package, so it is not repeated here.
    """
    basis = "Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ"
    reason = "Hoán đổi ngày làm việc dịp Tết Dương lịch 2026"
    day_off = CalendarAdjustment.objects.filter(date=dt.date(2026, 1, 2)).first()
    worked = CalendarAdjustment.objects.filter(date=dt.date(2026, 1, 10)).first()
    recorded = (
        day_off is not None
        and worked is not None
        and worked.swap_for_id == day_off.pk
        and {day_off.legal_basis, worked.legal_basis} == {basis}
        and {day_off.reason, worked.reason} == {reason}
    )
    if not recorded:
        CalendarAdjustment.record_swap(dt.date(2026, 1, 2), dt.date(2026, 1, 10), legal_basis=basis, reason=reason)
        report.change("demo: hoán đổi ngày làm việc 02/01/2026 – 10/01/2026 trong lịch làm việc")


def seed_002_questions():
    """(question, answer) pairs of the seed 002 page: its opening list names the questions, in order."""
    lines = [line.strip() for line in SEED_002.read_text(encoding="utf-8").splitlines()]
    titles = [line[2:] for line in lines[1:] if line.startswith("- ")][:3]
    after_list = 1 + len(titles)  # the page's own title (line 1) repeats the last question: skip it
    starts = [lines.index(title, after_list) for title in titles]
    end = next(i for i, line in enumerate(lines) if line.startswith(END_OF_ANSWERS))
    pairs = []
    for title, start, stop in zip(titles, starts, starts[1:] + [end], strict=True):
        body = [
            line
            for line in lines[start + 1 : stop]
            if line and line not in DROPPED_LINES and not line.endswith("(Hình từ Internet)")
        ]
        pairs.append((title, "\n".join(body)))
    return pairs


def unit_of(site, name=None):
    units = Unit.objects.filter(site=site)
    return units.get(name=name) if name else units.first()


def published(site, topic, title, body, answer, name, email, publish_name=False, **extra):
    question = transitions.submit(
        site, name=name, email=email, title=title, body=body, topic=topic, publish_name=publish_name
    )
    transitions.assign(question, None, unit=unit_of(site))
    transitions.answer(question, None, text=answer)
    transitions.publish(question, None)
    return question


DANANG_PUBLISHED = (
    "Khám chữa bệnh BHYT trái tuyến tại bệnh viện tuyến tỉnh có được hưởng đủ quyền lợi không?",
    "Tôi có thẻ BHYT đăng ký ban đầu tại trạm y tế phường, nếu tự đi khám ở bệnh viện tuyến tỉnh thì được "
    "quỹ BHYT chi trả thế nào?",
    "Từ ngày 01/01/2021, người có thẻ BHYT tự đi khám chữa bệnh nội trú tại cơ sở tuyến tỉnh trên phạm vi cả "
    "nước được quỹ BHYT thanh toán như khi khám đúng tuyến (theo Luật BHYT). Đối với điều trị ngoại trú "
    "trái tuyến tại tuyến tỉnh, quỹ không thanh toán, trừ trường hợp cấp cứu hoặc theo quy định mới của "
    "Luật sửa đổi, bổ sung Luật BHYT năm 2024.",
    "Trần Thị Bình",
    "binh.tran@example.invalid",
)


def hanoi_questions(site, topics, now):
    """One question per state, plus one late and one due within a working day, for the inbox and panel."""
    published(
        site,
        topics["bhxh-tu-nguyen"],
        "Đóng BHXH tự nguyện bao nhiêu năm thì được hưởng lương hưu?",
        "Tôi 50 tuổi, đã đóng BHXH bắt buộc 8 năm, nay muốn đóng tiếp tự nguyện. Cần đóng thêm bao lâu?",
        "Theo Luật Bảo hiểm xã hội năm 2024 (hiệu lực từ 01/7/2025), người lao động đủ tuổi nghỉ hưu và "
        "có đủ 15 năm đóng BHXH trở lên thì được hưởng lương hưu. Thời gian đóng bắt buộc và tự nguyện "
        "được cộng dồn; với 8 năm đã đóng, bạn cần đóng thêm ít nhất 7 năm.",
        name="Nguyễn Văn An",
        email="an.nguyen@example.invalid",
        publish_name=True,
    )
    published(
        site,
        topics["bao-hiem-y-te"],
        "Gia hạn thẻ BHYT hộ gia đình trực tuyến như thế nào?",
        "Thẻ BHYT của gia đình tôi sắp hết hạn, tôi có thể đóng tiền gia hạn qua mạng không?",
        "Có. Bạn có thể gia hạn thẻ BHYT hộ gia đình trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VssID "
        "(mục Dịch vụ công), thanh toán trực tuyến; thẻ được gia hạn và hiển thị trên VssID.",
        name="Lê Thị Cúc",
        email="cuc.le@example.invalid",
    )
    answered = transitions.submit(
        site,
        name="Phạm Minh Đức",
        email="duc.pham@example.invalid",
        topic=topics["bao-hiem-that-nghiep"],
        title="Hồ sơ hưởng trợ cấp thất nghiệp nộp ở đâu?",
        body="Tôi nghỉ việc ở Hà Nội nhưng cư trú ở Hưng Yên, nộp hồ sơ ở đâu?",
    )
    transitions.assign(answered, None, unit=unit_of(site, "Phòng Chế độ bảo hiểm xã hội"))
    transitions.answer(
        answered,
        None,
        text="Bạn có thể nộp hồ sơ tại trung tâm dịch vụ việc làm nơi bạn "
        "muốn nhận trợ cấp, trong vòng 03 tháng kể từ ngày chấm dứt hợp đồng lao động.",
    )
    assigned = transitions.submit(
        site,
        name="Hoàng Văn Em",
        email="em.hoang@example.invalid",
        topic=topics["bhxh-bat-buoc"],
        title="Truy thu BHXH khi doanh nghiệp nợ đóng",
        body="Công ty nợ đóng BHXH 6 tháng, tôi muốn chốt sổ để hưởng chế độ thì làm sao?",
    )
    transitions.assign(
        assigned, None, unit=unit_of(site, "Phòng Quản lý thu và Phát triển người tham gia"), is_complex=True
    )
    classified = transitions.submit(
        site,
        name="Đỗ Thị Giang",
        email="giang.do@example.invalid",
        title="Cấp lại sổ BHXH bị mất",
        body="Tôi làm mất sổ BHXH, thủ tục cấp lại gồm những giấy tờ gì?",
    )
    transitions.classify(classified, None, topic=topics["thu-so-the"])
    paused = transitions.submit(
        site,
        name="Vũ Văn Hải",
        email="hai.vu@example.invalid",
        title="Chế độ thai sản",
        body="Vợ tôi sinh con, tôi được hưởng gì?",
    )
    transitions.pause(paused, None, reason="Đề nghị người hỏi cho biết thời gian đóng BHXH của người cha.")
    refused = transitions.submit(
        site,
        name="Bùi Thị Kim",
        email="kim.bui@example.invalid",
        title="Bảng giá đất quận Cầu Giấy năm 2026",
        body="Cho tôi hỏi giá đất ở quận Cầu Giấy năm nay?",
    )
    transitions.refuse(
        refused,
        None,
        reason="Câu hỏi không thuộc phạm vi của ngành BHXH; đề nghị liên hệ Sở Nông nghiệp và Môi trường Hà Nội.",
    )
    transitions.submit(
        site,
        name="Ngô Văn Long",
        email="long.ngo@example.invalid",
        topic=topics["giao-dich-dien-tu"],
        title="Không đăng nhập được VssID",
        body="Tôi đổi số điện thoại nên không nhận được mã OTP.",
        now=received_working_days_ago(now, 8),
    )  # late: never screened, the same-day report back (and routing, 3 working days) has passed
    due_soon = transitions.submit(
        site,
        name="Đinh Thị Mai",
        email="mai.dinh@example.invalid",
        topic=topics["bhxh-bat-buoc"],
        title="Mức đóng BHXH bắt buộc năm 2026",
        body="Tỷ lệ đóng BHXH bắt buộc của người lao động và doanh nghiệp năm 2026 là bao nhiêu?",
        now=received_working_days_ago(now, 2),
    )
    transitions.classify(due_soon, None, topic=topics["bhxh-bat-buoc"])  # routing due within the next working day


def received_working_days_ago(now, days):
    """9:00 local time on the working day ``days`` working days before ``now``."""
    day = local(now).date()
    for _ in range(days):
        day -= dt.timedelta(days=1)
        while not is_working_day(day):
            day -= dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)), timezone.get_default_timezone())


def information_request(site, category, information, name, id_number, **extra):
    """A request as the public form would send it, then filed under its category by staff."""
    request = information_requests.submit(
        site,
        name=name,
        id_number=id_number,
        email=f"{id_number}@example.invalid",
        address="Phường Cầu Giấy, thành phố Hà Nội",
        information=information,
        purpose="Phục vụ việc giải quyết chế độ của bản thân.",
        delivery_form=DeliveryForm.EMAIL,
        **extra,
    )
    request.category = category
    request.save(update_fields=["category"])
    return request


def hanoi_information_requests(site):
    """One request per outcome of art. 24-30, including a refusal under art. 28 and a paid copy."""
    information_request(
        site,
        InformationCategory.CONTRIBUTIONS,
        "Danh sách đơn vị nợ đóng BHXH trên địa bàn phường Cầu Giấy quý III/2026.",
        "Trịnh Văn Nam",
        "001086012345",
    )
    gathering = information_request(
        site,
        InformationCategory.FINANCE,
        "Báo cáo quyết toán chi khám chữa bệnh BHYT năm 2025 của thành phố.",
        "Lý Thị Oanh",
        "001190054321",
    )
    information_requests.notify_gathering(gathering, None, note="Cần tổng hợp số liệu từ nhiều đơn vị.")
    information_requests.extend(gathering, None, days=10, reason="Số liệu quyết toán đang được kiểm toán.")
    provided = information_request(
        site,
        InformationCategory.LEGAL,
        "Bản sao Quyết định 1582/QĐ-BHXH về Quy chế hoạt động Cổng Thông tin điện tử.",
        "Phan Văn Phúc",
        "001079011111",
        organisation="Công ty TNHH Phúc An",
    )
    information_requests.provide(provided, None, response="Gửi kèm bản sao quyết định (12 trang).", cost=24000)
    partly = information_request(
        site,
        InformationCategory.BENEFITS,
        "Số người hưởng lương hưu và trợ cấp BHXH hằng tháng theo từng phường năm 2025.",
        "Cao Thị Quyên",
        "001185022222",
    )
    information_requests.provide(
        partly, None, response="Cung cấp số liệu toàn thành phố; số liệu theo phường chưa được tổng hợp.", partly=True
    )
    refused = information_request(
        site,
        InformationCategory.HEALTH_INSURANCE,
        "Danh mục thuốc BHYT chi trả năm 2026.",
        "Mai Văn Sơn",
        "001088033333",
    )
    information_requests.refuse(
        refused,
        None,
        reason=RefusalReason.ALREADY_PUBLIC,
        detail="Danh mục đã được công khai tại Thông tư của Bộ Y tế, đăng trên "
        "Cổng Thông tin điện tử của Bộ Y tế và của BHXH Việt Nam.",
    )
    redirected = information_request(
        site,
        InformationCategory.OTHER,
        "Hồ sơ cấp phép xây dựng của công ty bên cạnh nhà tôi.",
        "Tạ Thị Thu",
        "001192044444",
    )
    information_requests.redirect(redirected, None, agency="Ủy ban nhân dân phường Cầu Giấy")
