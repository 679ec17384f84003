"""Demo administrative procedures (TTHC) of social insurance, on the national portal and on Hà Nội.

The texts follow the procedures BHXH publishes under the one-stop mechanism (steps, dossier, working days,
fees, online service on the National Public Service Portal). The codes and portal addresses are demo values
in the national format: check them against the national procedures database before publishing for real.
Each procedure cites, as its legal basis, the seed letter 1257/BHXH-PC on the reform of administrative
procedures when the site has it (``legal.demo`` imports it first). A procedure is found again by its code
under the site's section and never overwritten, so a second run changes nothing and an editor's work stays.
"""

from core.slugs import vietnamese_slug
from multisite_config.models import SiteProfile

from .importer import NoDocumentsSection, documents_index, free_slug
from .models import AdministrativeProcedurePage, LegalDocumentPage, OnlineLevel, ProcedureBasis, ProcedureLevel

BASIS_NUMBER = "1257/BHXH-PC"
ONLINE_SERVICE = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
SITES = {
    "00": "Bảo hiểm xã hội tỉnh, thành phố; Bảo hiểm xã hội cơ sở",
    "01": "Bảo hiểm xã hội thành phố Hà Nội; Bảo hiểm xã hội cơ sở",
}

RECEIVE_AND_RETURN = (
    "<li>Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia, qua dịch vụ bưu chính hoặc trực tiếp tại "
    "bộ phận một cửa của cơ quan bảo hiểm xã hội.</li>"
    "<li>Cơ quan bảo hiểm xã hội tiếp nhận, kiểm tra hồ sơ; hồ sơ chưa đầy đủ được hướng dẫn bổ sung "
    "một lần.</li>"
)
PROCEDURES = [
    {
        "code": "1.000056",
        "field_name": "Cấp sổ, thẻ",
        "title": "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT",
        "level": ProcedureLevel.LOCAL,
        "processing_days": 10,
        "fees": "Không",
        "online_level": OnlineLevel.FULL,
        "steps": "<ol><li>Người tham gia kê khai tờ khai TK1-TS (hoặc đơn vị kê khai mẫu TK3-TS nếu đang "
        "làm việc).</li>"
        + RECEIVE_AND_RETURN
        + "<li>Trả sổ BHXH, thẻ BHYT: thẻ BHYT cấp lại trong 07 ngày làm việc; điều chỉnh thông tin "
        "trên sổ BHXH trong 10 ngày làm việc.</li></ol>",
        "dossier": "<ul><li>Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (mẫu TK1-TS).</li>"
        "<li>Giấy tờ chứng minh thông tin thay đổi (giấy khai sinh, căn cước, quyết định của "
        "cơ quan có thẩm quyền) khi điều chỉnh họ tên, ngày sinh, giới tính.</li>"
        "<li>Sổ BHXH, thẻ BHYT đang sử dụng (khi đổi hoặc điều chỉnh).</li></ul>",
    },
    {
        "code": "1.000089",
        "field_name": "Thực hiện chính sách bảo hiểm xã hội",
        "title": "Giải quyết hưởng chế độ ốm đau",
        "level": ProcedureLevel.LOCAL,
        "processing_days": 6,
        "fees": "Không",
        "online_level": OnlineLevel.FULL,
        "steps": "<ol><li>Người lao động nộp giấy chứng nhận nghỉ việc hưởng BHXH (hoặc giấy ra viện) cho "
        "đơn vị sử dụng lao động trong 45 ngày kể từ ngày trở lại làm việc.</li>"
        "<li>Đơn vị lập danh sách đề nghị (mẫu 01B-HSB) và nộp cho cơ quan BHXH.</li>"
        + RECEIVE_AND_RETURN
        + "<li>Cơ quan BHXH giải quyết và chi trả trong 06 ngày làm việc kể từ khi nhận đủ hồ sơ; "
        "không giải quyết thì trả lời bằng văn bản, nêu rõ lý do.</li></ol>",
        "dossier": "<ul><li>Giấy chứng nhận nghỉ việc hưởng BHXH, hoặc bản sao giấy ra viện, hoặc bản sao "
        "giấy chuyển tuyến.</li><li>Danh sách đề nghị giải quyết hưởng chế độ ốm đau, thai sản, "
        "dưỡng sức (mẫu 01B-HSB) do đơn vị lập.</li></ul>",
    },
    {
        "code": "1.000115",
        "field_name": "Thu bảo hiểm xã hội, bảo hiểm y tế",
        "title": "Đăng ký, đóng BHXH tự nguyện",
        "level": ProcedureLevel.LOCAL,
        "processing_days": 5,
        "fees": "Không",
        "online_level": OnlineLevel.FULL,
        "steps": "<ol><li>Người tham gia kê khai tờ khai TK1-TS, chọn mức thu nhập làm căn cứ đóng và "
        "phương thức đóng (hằng tháng, 3 tháng, 6 tháng, 12 tháng hoặc một lần cho nhiều năm).</li>"
        + RECEIVE_AND_RETURN
        + "<li>Người tham gia đóng tiền tại đại lý thu hoặc trực tuyến; cơ quan BHXH cấp sổ BHXH "
        "trong 05 ngày làm việc.</li></ol>",
        "dossier": "<ul><li>Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (mẫu TK1-TS).</li>"
        "<li>Giấy tờ chứng minh thuộc đối tượng được hỗ trợ thêm tiền đóng (nếu có).</li></ul>",
    },
    {
        "code": "1.000093",
        "field_name": "Thực hiện chính sách bảo hiểm xã hội",
        "title": "Giải quyết hưởng chế độ thai sản",
        "level": ProcedureLevel.LOCAL,
        "processing_days": 6,
        "fees": "Không",
        "online_level": OnlineLevel.FULL,
        "steps": "<ol><li>Người lao động nộp hồ sơ cho đơn vị sử dụng lao động trong 45 ngày kể từ ngày trở "
        "lại làm việc; người đã thôi việc nộp trực tiếp cho cơ quan BHXH.</li>"
        + RECEIVE_AND_RETURN
        + "<li>Cơ quan BHXH giải quyết và chi trả trong 06 ngày làm việc kể từ khi nhận đủ hồ sơ."
        "</li></ol>",
        "dossier": "<ul><li>Bản sao giấy khai sinh hoặc giấy chứng sinh của con.</li>"
        "<li>Giấy chứng nhận nghỉ việc hưởng BHXH khi khám thai, sẩy thai, phá thai.</li>"
        "<li>Danh sách đề nghị (mẫu 01B-HSB) do đơn vị lập, với người đang làm việc.</li></ul>",
    },
    {
        "code": "1.000103",
        "field_name": "Thực hiện chính sách bảo hiểm xã hội",
        "title": "Giải quyết hưởng BHXH một lần",
        "level": ProcedureLevel.PROVINCIAL,
        "processing_days": 10,
        "fees": "Không",
        "online_level": OnlineLevel.PARTIAL,
        "steps": "<ol><li>Người lao động nộp đơn đề nghị hưởng BHXH một lần (mẫu 14-HSB) kèm sổ BHXH.</li>"
        + RECEIVE_AND_RETURN
        + "<li>Cơ quan BHXH giải quyết và chi trả trong 10 ngày làm việc kể từ khi nhận đủ hồ sơ; "
        "người lao động được tư vấn về quyền lợi khi bảo lưu thời gian đóng.</li></ol>",
        "dossier": "<ul><li>Sổ BHXH.</li><li>Đơn đề nghị hưởng BHXH một lần (mẫu 14-HSB).</li>"
        "<li>Giấy tờ chứng minh thuộc trường hợp được hưởng một lần (ra nước ngoài định cư, "
        "mắc bệnh hiểm nghèo…), nếu có.</li></ul>",
    },
]
HANOI_CODES = {"1.000056", "1.000089", "1.000115"}


def load_procedures_demo(report):
    """All demo procedures nationally, the three most asked for in Hà Nội; only what is missing is added."""
    for profile in SiteProfile.objects.filter(code__in=SITES).select_related("site").order_by("code"):
        wanted = PROCEDURES if profile.code == "00" else [p for p in PROCEDURES if p["code"] in HANOI_CODES]
        try:
            index = documents_index(profile.site)
        except NoDocumentsSection as error:
            report.warnings.append(str(error))
            continue
        for values in wanted:
            if not AdministrativeProcedurePage.objects.child_of(index).filter(code=values["code"]).exists():
                create_procedure(index, values, agency=SITES[profile.code])
                report.change(f"demo: thủ tục {values['code']} trên {profile.site.hostname}")


def create_procedure(index, values, agency):
    page = AdministrativeProcedurePage(
        slug=free_slug(index, vietnamese_slug(values["title"])[:80]),
        agency=agency,
        online_service_url=ONLINE_SERVICE.format(code=values["code"]),
        **values,
    )
    basis = LegalDocumentPage.objects.child_of(index).live().filter(number=BASIS_NUMBER).first()
    if basis is not None:
        page.bases.add(ProcedureBasis(basis=basis))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page
