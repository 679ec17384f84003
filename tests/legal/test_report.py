"""The summary report: every approved comment under its article (as the article stands now) with its
decision; the public profile without personal data, published only after close when the board chooses."""

import io
import re

import pytest
from openpyxl import load_workbook

from legal import report
from legal.demo_comments import load_comments_demo
from legal.demo_drafts import CLOSED_SLUG, OPEN_SLUG, load_draft_demo
from legal.models import ArticleChange, CommentDecision, CommentStatus, DraftComment
from portal.bootstrap import Report
from tests.legal.factories import COMMENT_EMAIL as EMAIL
from tests.legal.factories import COMMENT_ORGANISATION as ORGANISATION
from tests.legal.factories import add_version, make_comment, make_draft
from tests.support.exports import AS_TEXT, FORMULA
from tests.support.sites import HANOI

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_draft(hanoi):
    """A closed draft with comments on every article, one on an article later renumbered, one on an
    article later removed, one general; approved, pending and rejected; then version 2."""
    draft = make_draft(hanoi, state="closed", report_published=True)
    make_comment(
        draft,
        "Góp ý Điều 3 đã duyệt, tiếp thu.",
        CommentStatus.APPROVED,
        anchor="a3",
        decision=CommentDecision.ACCEPTED,
        response="Đã sửa Điều 3.",
    )
    make_comment(
        draft,
        "Góp ý Điều 2 đã duyệt, không tiếp thu.",
        CommentStatus.APPROVED,
        anchor="a2",
        decision=CommentDecision.NOT_ACCEPTED,
        response="Giữ nguyên vì phù hợp luật.",
        publish_name=False,
        name="Lê Văn Kín",
    )
    make_comment(
        draft,
        "Góp ý Điều 1 (sẽ bị bỏ) đã duyệt.",
        CommentStatus.APPROVED,
        anchor="a1",
        decision=CommentDecision.PARTLY,
        response="Điều 1 được gộp vào Điều 2 mới.",
    )
    make_comment(
        draft,
        "Góp ý chung đã duyệt.",
        CommentStatus.APPROVED,
        decision=CommentDecision.ACCEPTED,
        response="Tiếp thu chung.",
    )
    make_comment(draft, "Góp ý đang chờ duyệt.", CommentStatus.PENDING, anchor="a2", name="Phạm Chờ")
    make_comment(
        draft,
        "Góp ý bị từ chối.",
        CommentStatus.REJECTED,
        anchor="a3",
        rejection_reason="Xúc phạm",
        name="Hoàng Từ Chối",
    )
    # Version 2: Điều 1 removed, Điều 2 and 3 renumbered 1 and 2, a new Điều 3.
    add_version(
        draft,
        2,
        [
            ("a2", "Điều 1", "Đối tượng áp dụng", ArticleChange.RENUMBERED, "Điều 2"),
            ("a3", "Điều 2", "Trách nhiệm thi hành", ArticleChange.RENUMBERED_CHANGED, "Điều 3"),
            ("a9", "Điều 3", "Hiệu lực thi hành", ArticleChange.NEW, ""),
        ],
    )
    return draft


def test_report_lists_every_approved_comment_under_its_article_with_its_decision(closed_draft):
    headings, groups = report.table(closed_draft, report.PUBLIC)
    by_group = {
        group.label: [(row[headings.index("Nội dung góp ý")], row[headings.index("Tiếp thu")]) for row in rows]
        for group, rows in groups
    }
    assert list(by_group) == [report.GENERAL_LABEL, "Điều 1", "Điều 2", report.REMOVED_LABEL]
    assert by_group["Điều 1"] == [("Góp ý Điều 2 đã duyệt, không tiếp thu.", "Không tiếp thu, giải trình")]
    assert by_group["Điều 2"] == [("Góp ý Điều 3 đã duyệt, tiếp thu.", "Tiếp thu")]
    assert by_group[report.REMOVED_LABEL] == [("Góp ý Điều 1 (sẽ bị bỏ) đã duyệt.", "Tiếp thu một phần")]
    assert by_group[report.GENERAL_LABEL] == [("Góp ý chung đã duyệt.", "Tiếp thu")]
    rows = [row for _group, group_rows in groups for row in group_rows]
    assert all(row[headings.index("Trạng thái duyệt")] == "Đã duyệt" for row in rows)
    assert "Điều 2 (nay là Điều 1)" in rows[1][headings.index("Điều khoản")]


def test_internal_report_has_every_comment_with_its_state_and_contact_data(closed_draft):
    headings, groups = report.table(closed_draft, report.INTERNAL)
    rows = [row for _group, group_rows in groups for row in group_rows]
    assert len(rows) == 6
    states = {row[headings.index("Trạng thái duyệt")] for row in rows}
    assert states == {"Đã duyệt", "Chờ duyệt", "Không duyệt"}
    assert EMAIL in [row[headings.index("Thư điện tử")] for row in rows]


def test_public_report_has_no_personal_data(client, closed_draft):
    url = f"/du-thao/{closed_draft.pk}/bao-cao-tong-hop/"
    html = client.get(url, HTTP_HOST=HANOI).content.decode()
    xlsx = client.get(url, {"format": "xlsx"}, HTTP_HOST=HANOI)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None)
    for text in (html, cells):
        assert "Góp ý Điều 3 đã duyệt, tiếp thu." in text and "Đã sửa Điều 3." in text
        assert "Nguyễn Văn An" in text  # consented
        for hidden in (EMAIL, ORGANISATION, "Lê Văn Kín", "Phạm Chờ", "Hoàng Từ Chối", "đang chờ duyệt", "bị từ chối"):
            assert hidden not in text, hidden


def test_the_draft_page_links_the_report_only_once_published_after_close(client, hanoi, closed_draft):
    assert "bao-cao-tong-hop" in client.get(closed_draft.url, HTTP_HOST=HANOI).content.decode()
    open_draft = make_draft(hanoi, state="open", slug="dang-mo", report_published=True)
    unpublished = make_draft(hanoi, state="closed", slug="chua-cong-bo", report_published=False)
    for draft in (open_draft, unpublished):
        assert client.get(f"/du-thao/{draft.pk}/bao-cao-tong-hop/", HTTP_HOST=HANOI).status_code == 404
        assert "bao-cao-tong-hop" not in client.get(draft.url, HTTP_HOST=HANOI).content.decode()


def test_the_public_report_is_404_on_another_site(client, closed_draft):
    assert client.get(f"/du-thao/{closed_draft.pk}/bao-cao-tong-hop/", HTTP_HOST="danang.localhost").status_code == 404


def test_the_page_shows_where_a_commented_article_is_now(client, closed_draft):
    html = client.get(closed_draft.url, HTTP_HOST=HANOI).content.decode()
    assert "góp ý cho Điều 3 (nay là Điều 2, đã sửa)" in html
    assert "góp ý cho Điều 1 (đã bị bỏ)" in html


def test_demo_comments_cover_every_state_once_and_a_second_run_changes_nothing(client):
    load_draft_demo(Report())
    load_comments_demo(first := Report())
    load_comments_demo(second := Report())
    assert first.changes and not second.changes
    for host in ("localhost", HANOI):
        open_comments = DraftComment.objects.filter(draft__slug=OPEN_SLUG, site__hostname=host)
        assert set(open_comments.values_list("status", flat=True)) == {"pending", "approved", "rejected"}
        assert open_comments.filter(status="approved", publish_name=True).exists()
        assert open_comments.filter(status="approved", publish_name=False).exists()
        assert open_comments.exclude(rejection_reason="").filter(status="rejected").exists()
        root = open_comments.filter(campaign__isnull=True, copies__isnull=False).distinct().get()
        assert root.copies.count() == 2
        closed = DraftComment.objects.filter(draft__slug=CLOSED_SLUG, site__hostname=host, status="approved")
        assert closed.count() == 3 and not closed.filter(decision="").exists()
        draft = closed.first().draft
        assert client.get(f"/du-thao/{draft.pk}/bao-cao-tong-hop/", HTTP_HOST=host).status_code == 200
        page = client.get(open_comments.first().draft.url, HTTP_HOST=host).content.decode()
        assert "(đã bị bỏ)" in page and "nay là Điều 6" in page


def test_a_comment_that_looks_like_a_formula_stays_text_in_the_spreadsheet(hanoi):
    draft = make_draft(hanoi, state="closed", slug="cong-thuc", report_published=True)
    make_comment(draft, FORMULA, CommentStatus.APPROVED)
    saved = io.BytesIO()
    report.workbook(draft, report.PUBLIC).save(saved)
    reloaded = load_workbook(io.BytesIO(saved.getvalue())).active
    cells = [cell for row in reloaded.iter_rows() for cell in row if "HYPERLINK" in str(cell.value)]
    assert [(cell.value, cell.data_type) for cell in cells] == [(AS_TEXT, "s")]
    assert reloaded.cell(cells[0].row, 1).value == 1  # the comment's number stays a number


def test_comments_are_numbered_through_the_report_alike_on_the_page_and_in_the_spreadsheet(client, closed_draft):
    """Issue 17: the page numbered every comment "1" (one comment under each article) while the spreadsheet
    said 1, 2, 3, 4."""
    url = f"/du-thao/{closed_draft.pk}/bao-cao-tong-hop/"
    html = client.get(url, HTTP_HOST=HANOI).content.decode()
    page_numbers = re.findall(r"<tr><td>(\d+)</td>", html)
    sheet = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}, HTTP_HOST=HANOI).content)).active
    sheet_numbers = [row[0] for row in sheet.iter_rows(min_row=4, values_only=True) if isinstance(row[0], int)]
    assert page_numbers == ["1", "2", "3", "4"]
    assert sheet_numbers == [1, 2, 3, 4]


def test_the_report_breadcrumb_climbs_through_the_documents_section_and_the_draft(client, closed_draft):
    html = client.get(f"/du-thao/{closed_draft.pk}/bao-cao-tong-hop/", HTTP_HOST=HANOI).content.decode()
    trail = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    section = closed_draft.get_parent()
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', trail)
    assert links == [
        ("/", "Trang chủ"),
        (section.relative_url(closed_draft.get_site()), section.title),
        (closed_draft.relative_url(closed_draft.get_site()), closed_draft.title),
    ]
    assert f'<li aria-current="page">{report.REPORT_TITLE}</li>' in trail
