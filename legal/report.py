"""The summary report ("Báo cáo tổng hợp, tiếp thu, giải trình ý kiến") and the grouping of comments by article.

A comment was made on an article of some version; the report and the public page show it under that
article as it stands in the latest version (renumbered or not), in the latest version's order, with the
comments on removed articles in a group of their own at the end and general comments first. The places
are looked up once per draft (``legal.versions.ArticleLocator``), so listing comments costs the same
whatever their number.

Two profiles: ``INTERNAL`` for the drafting unit (every comment with the commenter's contact data and its
moderation state) and ``PUBLIC`` (approved comments only, the name only with consent, no contact data).
"""

from dataclasses import dataclass, field
from itertools import count

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from core.spreadsheets import safe_row

from .models import ArticleChange, CommentStatus, DraftComment
from .versions import ArticleLocator

INTERNAL = "internal"
PUBLIC = "public"
REPORT_TITLE = "Báo cáo tổng hợp, tiếp thu, giải trình ý kiến"
GENERAL_LABEL = "Góp ý chung cho toàn bộ dự thảo"
REMOVED_LABEL = "Điều khoản đã bỏ ở phiên bản mới nhất"
NUMBER_HEADING = "STT"


@dataclass
class ArticleGroup:
    label: str
    heading: str = ""
    comments: list = field(default_factory=list)


def group_by_article(draft, comments):
    """[ArticleGroup] in the latest version's order: general first, then each article, then removed ones.

    Each comment gets ``place`` (``legal.versions.Whereabouts`` or None for the whole draft) and
    ``place_label``, the article as the comment's reader should name it.
    """
    locator = ArticleLocator(draft)
    general, removed, by_anchor = ArticleGroup(GENERAL_LABEL), ArticleGroup(REMOVED_LABEL), {}
    for comment in comments:
        comment.place = locator.where(comment.article_anchor, since=comment.version)
        comment.place_label = place_label(comment.place)
        if comment.place is None:
            general.comments.append(comment)
        elif comment.place.removed:
            removed.comments.append(comment)
        else:
            article = comment.place.article
            by_anchor.setdefault(article.anchor, (article.position, ArticleGroup(article.label, article.heading)))
            by_anchor[article.anchor][1].comments.append(comment)
    ordered = [group for _position, group in sorted(by_anchor.values(), key=lambda item: item[0])]
    return [group for group in [general, *ordered, removed] if group.comments]


def place_label(place):
    """ "Điều 3 (nay là Điều 4, đã sửa)" for a provision that moved or changed, "Điều 3" when it did not."""
    if place is None:
        return GENERAL_LABEL
    if place.removed or place.change != ArticleChange.UNCHANGED:
        return f"{place.original_label} ({place.description})"
    return place.label


def report_comments(draft, profile):
    """The comments a profile shows: every one for the drafting unit, the approved ones for the public."""
    comments = DraftComment.objects.filter(draft=draft).select_related("version").order_by("submitted_at", "pk")
    if profile == PUBLIC:
        comments = comments.filter(status=CommentStatus.APPROVED)
    return list(comments)


def report_groups(draft, profile):
    return group_by_article(draft, report_comments(draft, profile))


def report_is_public(draft, now=None):
    """The board chose to publish it, and the window has closed."""
    return draft.report_published and (now or timezone.now()) >= draft.closes_at


def columns(profile):
    """(heading, value of a comment) for each column of the profile; contact data only internally."""
    common_head = [("Điều khoản", lambda c: c.place_label)]
    if profile == INTERNAL:
        who = [
            ("Họ và tên", lambda c: c.name),
            ("Thư điện tử", lambda c: c.email),
            ("Cơ quan, tổ chức", lambda c: c.organisation),
            ("Đồng ý công khai họ tên", lambda c: "Có" if c.publish_name else "Không"),
        ]
    else:
        who = [("Người góp ý", lambda c: c.public_name or "Ẩn danh")]
    return [
        *common_head,
        *who,
        ("Gửi lúc", lambda c: timezone.localtime(c.submitted_at).strftime("%d/%m/%Y %H:%M")),
        ("Nội dung góp ý", lambda c: c.body),
        ("Trạng thái duyệt", lambda c: c.get_status_display()),
        ("Tiếp thu", lambda c: c.get_decision_display() or "Chưa có ý kiến tiếp thu"),
        ("Giải trình, tiếp thu", lambda c: c.response),
    ]


def table(draft, profile):
    """(headings, [(group, [row values])]) of the report, shared by the HTML page and the spreadsheet.

    The first column is the comment's number ("STT"), counted through the whole report, not restarted under
    each article: the page and the spreadsheet number the same comment alike.
    """
    cols = columns(profile)
    numbers = count(1)
    return [NUMBER_HEADING, *(heading for heading, _value in cols)], [
        (group, [[next(numbers), *(value(comment) for _heading, value in cols)] for comment in group.comments])
        for group in report_groups(draft, profile)
    ]


def workbook(draft, profile):
    """The report as a spreadsheet: a title, one heading row, and each article's rows under its name.

    Every row goes through ``safe_row``: a comment typed as ``=HYPERLINK(…)`` stays text, never a formula.
    """
    headings, groups = table(draft, profile)
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp ý kiến"
    sheet.append(safe_row([f"{REPORT_TITLE}: {draft.title}"]))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(safe_row([f"Đơn vị chủ trì soạn thảo: {draft.drafting_unit}"]))
    sheet.append(safe_row(headings))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for group, rows in groups:
        sheet.append(safe_row([f"{group.label} {group.heading}".strip()]))
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for row in rows:
            sheet.append(safe_row(row))
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return book


def filename(draft, profile, extension):
    suffix = "noi-bo" if profile == INTERNAL else "cong-khai"
    return f"bao-cao-tong-hop-y-kien-{draft.slug}-{suffix}.{extension}"
