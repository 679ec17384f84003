"""Demo comments on the demo drafts (``legal.demo_drafts``): every moderation state, a campaign of three
near-identical texts, comments on articles that version 2 renumbered or dropped, and the drafting unit's
decisions on the closed draft, whose summary report the board has published.

Idempotent: a draft that already has comments is left as it is. Without the demo drafts it does nothing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from . import comments
from .demo_drafts import CLOSED_SLUG, OPEN_SLUG, demo_drafts
from .models import CommentDecision as D

BOARD_USERNAMES = {"localhost": "trungtam", "hanoi.localhost": "hanoi.banbientap"}
CAMPAIGN_TEXT = (
    "Đề nghị quy định rõ thời hạn đăng tải câu trả lời trên Cổng Thông tin điện tử không quá "
    "02 ngày làm việc kể từ khi có câu trả lời, để người dân theo dõi được kết quả{tail}"
)
CAMPAIGN_TAILS = [".", " của mình.", ", xin cảm ơn."]

# (label of the article in version 1 or "" for the whole draft, name, consent, body, status, reason, decision)
OPEN_COMMENTS = [
    (
        "Điều 4",
        "Nguyễn Thị Hoa",
        True,
        "Khoản 2 nên rút thời hạn đăng tải thông tin xuống 01 ngày làm việc cho thống nhất với các điểm a, b.",
        "approved",
        "",
        "",
    ),
    (
        "Điều 6",
        "Trần Văn Minh",
        True,
        "Đề nghị Ban Biên tập công khai báo cáo hằng quý trên Cổng để người dân cùng giám sát.",
        "approved",
        "",
        "",
    ),
    (
        "Điều 7",
        "Lê Thu Trang",
        False,
        "Nên quy định thời điểm có hiệu lực sau 15 ngày kể từ ngày ký để các đơn vị kịp chuẩn bị.",
        "approved",
        "",
        "",
    ),
    (
        "Điều 5",
        "Phạm Quốc Bảo",
        True,
        "Đề nghị bổ sung việc thông báo cho người góp ý khi báo cáo tổng hợp được công khai.",
        "pending",
        "",
        "",
    ),
    (
        "",
        "Người gửi quảng cáo",
        False,
        "Mua bán sim số đẹp giá rẻ, liên hệ ngay để được ưu đãi.",
        "rejected",
        "Nội dung quảng cáo, không liên quan đến dự thảo.",
        "",
    ),
]
CLOSED_COMMENTS = [
    (
        "Điều 3",
        "Hoàng Văn Nam",
        True,
        "Thời hạn phân loại 02 đến 05 ngày làm việc là dài; đề nghị rút xuống tối đa 03 ngày làm việc.",
        "approved",
        "",
        (
            D.PARTLY,
            "Tiếp thu một phần: câu hỏi đơn giản được phân loại trong 02 ngày làm việc; "
            "câu hỏi cần chuyển đơn vị giữ thời hạn 05 ngày làm việc.",
        ),
    ),
    (
        "Điều 4",
        "Đỗ Thị Lan",
        True,
        "Đề nghị gửi câu trả lời qua thư điện tử cho người hỏi đồng thời với việc đăng công khai.",
        "approved",
        "",
        (D.ACCEPTED, "Tiếp thu; bổ sung vào khoản 3 Điều 4."),
    ),
    (
        "Điều 2",
        "Vũ Minh Khoa",
        False,
        "Nên công khai cả họ tên người hỏi để tăng tính minh bạch.",
        "approved",
        "",
        (
            D.NOT_ACCEPTED,
            "Không tiếp thu: họ tên chỉ được công khai khi người hỏi đồng ý, theo quy định về bảo vệ dữ liệu cá nhân.",
        ),
    ),
    (
        "",
        "Ẩn danh",
        False,
        "Nội dung xúc phạm cán bộ, không mang tính góp ý.",
        "rejected",
        "Nội dung xúc phạm, không mang tính góp ý.",
        "",
    ),
]


def load_comments_demo(report):
    for draft in demo_drafts().filter(comments__isnull=True).distinct():
        board = get_user_model().objects.filter(username=BOARD_USERNAMES.get(draft.get_site().hostname)).first()
        if draft.slug == OPEN_SLUG:
            add_comments(draft, OPEN_COMMENTS, board)
            add_campaign(draft, board)
        elif draft.slug == CLOSED_SLUG:
            add_comments(draft, CLOSED_COMMENTS, board)
            publish_report(draft)
        report.change(f"demo: ý kiến góp ý dự thảo “{draft.title}” trên {draft.get_site().hostname}")


def add_comments(draft, rows, board):
    """Comments made on version 1 (so the open draft's show where their article went in version 2)."""
    first = draft.versions.order_by("number").first()
    articles = {article.label: article for article in first.articles.filter(kind="article")} if first else {}
    start = draft.opens_at + timedelta(days=1)
    for position, (label, name, consent, body, status, reason, decision) in enumerate(rows):
        comment = comments.store(
            draft,
            first,
            articles.get(label),
            body=body,
            submitted_at=start + timedelta(hours=5 * position),
            name=name,
            email=f"gopy{position + 1}@example.vn",
            publish_name=consent,
        )
        moderate(comment, board, status, reason, decision)


def add_campaign(draft, board):
    """Three near-identical texts on Điều 4 of the latest version: one group of three in moderation."""
    version = comments.latest_version(draft)
    article = version.articles.filter(label="Điều 4").first()
    for position, tail in enumerate(CAMPAIGN_TAILS):
        comment = comments.store(
            draft,
            version,
            article,
            body=CAMPAIGN_TEXT.format(tail=tail),
            submitted_at=timezone.now() - timedelta(hours=3 - position),
            name=f"Người góp ý {position + 1}",
            email=f"chiendich{position + 1}@example.vn",
            publish_name=False,
        )
        if position == 0:
            comments.approve(comment, board)


def moderate(comment, board, status, reason, decision):
    if status == "approved":
        comments.approve(comment, board)
    elif status == "rejected":
        comments.reject(comment, board, reason)
    if decision:
        comments.decide(comment, board, *decision)


def publish_report(draft):
    """The board publishes the closed draft's summary report (a revision, like an editor would)."""
    if not draft.report_published:
        draft.report_published = True
        draft.save_revision().publish()
