"""The quarterly reports: exact counts from fixtures, the seed 002 deadlines, confinement, XLSX, query count.

Everything is placed in the third quarter of 2025 (1 July – 30 September, Vietnam time), with one item of
each kind just outside it, so a report that counted the wrong period or the wrong site would be off.
"""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.log_actions import log
from wagtail.models import Page, Site

from contacts.history import CHANGED_ON, EDIT_ACTION
from contacts.models import ReceptionKind, ReceptionLog, Unit
from faq.models import QuestionStatus
from multisite_config.models import SiteRole
from portal.reports.periods import Quarter
from portal.reports.quarterly import activity_report
from portal.reports.sites import report_sites
from portal.reports.timeliness import timeliness_report
from tests.faq.factories import InformationRequestFactory, QuestionFactory
from tests.home.factories import NewsPageFactory
from tests.legal.factories import LegalDocumentFactory, make_comment, make_draft
from tests.support.exports import AS_TEXT, FORMULA, exported_rows, name_as_formula

pytestmark = pytest.mark.django_db

ACTIVITY = "/admin/reports/quarterly-activity/"
TIMELINESS = "/admin/reports/timeliness/"
Q3 = {"year": 2025, "quarter": 3}
QUARTER = Quarter(2025, 3)
SITES_OPENED = timezone.make_aware(dt.datetime(2025, 1, 2, 9), timezone.get_default_timezone())


def at(month, day, hour=9, year=2025):
    return timezone.make_aware(dt.datetime(year, month, day, hour), timezone.get_default_timezone())


def add_news(site, title, event_date, published, live=True):
    return NewsPageFactory(
        site=site,
        title=title,
        lead="Sa pô.",
        body="<p>Nội dung.</p>",
        event_date=event_date,
        published_at=published,
        live=live,
    )


def first_published(page, moment):
    """Date a page's first publication, as if it had gone live then."""
    Page.objects.filter(pk=page.pk).update(first_published_at=moment)
    return page


def add_document(site, title, issued_on, published):
    page = LegalDocumentFactory(site=site, title=title, number=f"{title}/BHXH", issued_on=issued_on)
    return first_published(page, published)


def add_question(site, title, received_at, **fields):
    return QuestionFactory(
        site=site, email="a@example.vn", title=title, body="Nội dung.", received_at=received_at, **fields
    )


def add_reception(site, day):
    return ReceptionLog.objects.create(
        site=site, date=day, citizen_name="Trần Thị B", subject="Chế độ thai sản", kind=ReceptionKind.PETITION
    )


def log_contact_change(site, moment, changed=True, changed_on=None):
    unit = Unit.objects.filter(site=site).first() or Unit.objects.create(
        site=site, name=f"Đơn vị thử {site.hostname}", kind=Unit.Kind.PROVINCIAL_OFFICE
    )
    entry = log(
        instance=unit,
        action=EDIT_ACTION,
        content_changed=changed,
        data={"changes": [], CHANGED_ON: changed_on.isoformat() if changed_on else None},
    )
    type(entry).objects.filter(pk=entry.pk).update(timestamp=moment)


@pytest.fixture
def quarter_data(hanoi, danang):
    """Hà Nội's third quarter of 2025 (and a little of Đà Nẵng's), with items just outside it; both sites live
    since the start of 2025."""
    Page.objects.filter(pk__in=[hanoi.root_page_id, danang.root_page_id]).update(first_published_at=SITES_OPENED)
    add_news(hanoi, "Tin đúng hạn", dt.date(2025, 7, 1), at(7, 11))  # 10 days: on time
    add_news(hanoi, "Tin trễ một ngày", dt.date(2025, 7, 1), at(7, 12))
    add_news(hanoi, "Tin quý sau", dt.date(2025, 9, 1), at(10, 2))
    add_news(hanoi, "Bản nháp chưa đăng", dt.date(2025, 7, 1), at(8, 20), live=False)
    add_news(danang, "Tin Đà Nẵng trễ", dt.date(2025, 7, 1), at(8, 1))
    # Friday 4 July: the working day after is Monday 7 July.
    add_document(hanoi, "VB-thu-hai", dt.date(2025, 7, 4), at(7, 7, 15))
    add_document(hanoi, "VB-thu-ba", dt.date(2025, 7, 4), at(7, 8))
    # Friday 29 August: 1 and 2 September are National Day holidays, so the deadline is Wednesday 3 September.
    add_document(hanoi, "VB-sau-le", dt.date(2025, 8, 29), at(9, 3, 16))
    add_document(hanoi, "VB-tre-sau-le", dt.date(2025, 8, 29), at(9, 4))
    draft = first_published(make_draft(hanoi, slug="du-thao-quy-3"), at(7, 20))
    first_published(make_draft(hanoi, slug="du-thao-quy-4"), at(10, 5))
    for moment in (at(7, 21), at(8, 2), at(10, 1)):
        make_comment(draft, submitted_at=moment)
    add_question(
        hanoi, "Đang quá hạn", at(8, 1), status=QuestionStatus.ASSIGNED, assigned_at=at(8, 4), due_at=at(8, 13, 16)
    )
    add_question(
        hanoi,
        "Trả lời đúng hạn",
        at(7, 7),
        status=QuestionStatus.PUBLISHED,
        assigned_at=at(7, 8),
        answered_at=at(7, 11),
        published_at=at(7, 14),
    )
    add_question(
        hanoi,
        "Trả lời trễ",
        at(7, 7),
        status=QuestionStatus.PUBLISHED,
        assigned_at=at(7, 8),
        answered_at=at(7, 25),
        published_at=at(7, 28),
    )
    add_question(hanoi, "Quý trước", at(6, 20))
    InformationRequestFactory(site=hanoi, now=at(8, 5))
    InformationRequestFactory(site=hanoi, now=at(10, 6))
    for day in (dt.date(2025, 7, 1), dt.date(2025, 9, 30), dt.date(2025, 6, 30)):
        add_reception(hanoi, day)
    add_reception(danang, dt.date(2025, 8, 8))
    log_contact_change(hanoi, at(8, 1))
    log_contact_change(hanoi, at(8, 2), changed=False)
    # Changed in the unit on Friday 29 August: the update is due by Wednesday 3 September (1-2/9 off).
    log_contact_change(hanoi, at(9, 3, 16), changed_on=dt.date(2025, 8, 29))
    log_contact_change(hanoi, at(9, 4, 8), changed_on=dt.date(2025, 8, 29))
    log_contact_change(hanoi, at(12, 1))
    log_contact_change(danang, at(9, 9))


def figures(report, site):
    return dict(zip(report.labels, dict(report.rows)[site.site_name], strict=True))


def test_the_activity_report_counts_exactly_the_quarters_items(quarter_data, hanoi, danang):
    report = activity_report(
        Site.objects.filter(pk__in=[hanoi.pk, danang.pk]).select_related("root_page"),
        QUARTER,
        with_total=True,
        now=at(11, 1),
    )
    assert figures(report, hanoi) == {
        "Tin bài đã đăng": 2,
        "Văn bản đã đăng": 4,
        "Dự thảo đã đăng": 1,
        "Câu hỏi nhận được": 3,
        "Câu hỏi đã trả lời": 2,
        "Câu hỏi trễ hạn": 2,
        "Góp ý dự thảo": 2,
        "Yêu cầu cung cấp thông tin": 1,
        "Lượt tiếp công dân": 2,
    }
    assert figures(report, danang)["Tin bài đã đăng"] == 1 and figures(report, danang)["Lượt tiếp công dân"] == 1
    assert report.total == [
        a + b for a, b in zip(dict(report.rows)[hanoi.site_name], dict(report.rows)[danang.site_name], strict=True)
    ]


def test_news_and_documents_are_late_by_the_seed_deadlines(quarter_data, hanoi, danang):
    report = timeliness_report(Site.objects.filter(pk=hanoi.pk).select_related("root_page"), QUARTER, False)
    # late news, late documents, contact changes recorded, of which late
    assert dict(report.rows)[hanoi.site_name] == [1, 2, 3, 1]
    unit_name = Unit.objects.filter(site=hanoi).first().name
    assert [(item.title, item.days_late, item.day_unit) for item in report.late_items] == [
        ("VB-thu-ba", 1, "ngày làm việc"),
        ("Tin trễ một ngày", 1, "ngày"),
        (unit_name, 1, "ngày làm việc"),
        ("VB-tre-sau-le", 1, "ngày làm việc"),
    ]
    assert report.archived == []
    assert report.total is None


def test_a_board_reads_only_its_own_sites_figures(client, quarter_data, hanoi_board, hanoi, danang):
    client.force_login(hanoi_board)
    for url in (ACTIVITY, TIMELINESS):
        response = client.get(url, Q3)
        assert response.status_code == 200
        assert [name for name, _values in response.context["report"].rows] == [hanoi.site_name]
        assert response.context["report"].total is None
        assert danang.site_name not in response.content.decode() and "Toàn quốc" not in response.content.decode()
    assert "Tin Đà Nẵng trễ" not in client.get(TIMELINESS, Q3).content.decode()


def test_the_centre_reads_every_site_and_the_national_total(client, quarter_data, centre_user, hanoi, danang):
    client.force_login(centre_user)
    report = client.get(ACTIVITY, Q3).context["report"]
    assert len(report.rows) == Site.objects.count()
    assert report.total[0] == 3  # two Hà Nội articles and one from Đà Nẵng
    assert "Tin Đà Nẵng trễ" in client.get(TIMELINESS, Q3).content.decode()


@pytest.mark.parametrize("role", [SiteRole.EDITORS, SiteRole.QA_OFFICERS])
def test_other_roles_cannot_read_the_reports(client, make_user, hanoi, role):
    client.force_login(make_user(role, hanoi))
    for url in (ACTIVITY, TIMELINESS):
        for params in (Q3, {**Q3, "format": "xlsx"}):
            response = client.get(url, params)
            assert response.status_code in (302, 403) and not response.has_header("Content-Disposition")
    menu = client.get("/admin/").content.decode()
    assert ACTIVITY not in menu and TIMELINESS not in menu


def test_anonymous_users_are_sent_to_the_login(client):
    assert client.get(ACTIVITY).status_code == 302


def test_the_board_sees_the_reports_in_the_reports_menu(client, hanoi_board):
    client.force_login(hanoi_board)
    menu = client.get("/admin/").content.decode()
    assert ACTIVITY in menu and TIMELINESS in menu


def test_the_activity_xlsx_matches_the_table(client, quarter_data, centre_user, hanoi):
    client.force_login(centre_user)
    report = client.get(ACTIVITY, Q3).context["report"]
    response = client.get(ACTIVITY, {**Q3, "format": "xlsx"})
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-hoat-dong-quy-3-2025.xlsx"'
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Đơn vị", *report.labels)
    assert [(name, *values) for name, values in report.rows] == rows[1:-1]
    assert rows[-1] == ("Toàn quốc", *report.total)


def test_the_timeliness_xlsx_lists_the_late_items_of_the_board_only(client, quarter_data, hanoi_board, hanoi):
    client.force_login(hanoi_board)
    response = client.get(TIMELINESS, {**Q3, "format": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    assert list(book.active.iter_rows(values_only=True))[1] == (hanoi.site_name, 1, 2, 3, 1)
    titles = [row[2] for row in book["Danh sách đăng trễ"].iter_rows(min_row=2, values_only=True)]
    assert titles == ["VB-thu-ba", "Tin trễ một ngày", Unit.objects.filter(site=hanoi).first().name, "VB-tre-sau-le"]


def test_the_chart_is_an_inline_svg_with_a_bar_per_figure(client, quarter_data, hanoi_board):
    client.force_login(hanoi_board)
    page = client.get(ACTIVITY, Q3).content.decode()
    assert "<svg" in page and "<script" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "Nhận được: 3" in page and "Đã trả lời: 2" in page


def test_a_bad_period_falls_back_to_the_current_quarter(client, hanoi_board):
    client.force_login(hanoi_board)
    today = timezone.localdate()
    report = client.get(ACTIVITY, {"year": "abc", "quarter": "9"}).context["report"]
    assert (report.quarter.year, report.quarter.number) == (today.year, (today.month - 1) // 3 + 1)


def test_report_sites_follow_the_board_groups(hanoi_board, hanoi_editor, centre_user, hanoi):
    assert list(report_sites(hanoi_board)) == [hanoi]
    assert not report_sites(hanoi_editor).exists()
    assert report_sites(centre_user).count() == Site.objects.count()


@pytest.mark.parametrize("url", [ACTIVITY, TIMELINESS])
def test_the_query_count_does_not_grow_with_the_sites(
    client, quarter_data, centre_user, url, django_assert_max_num_queries
):
    client.force_login(centre_user)
    client.get(url, Q3)  # warm the caches of the admin's chrome
    assert Site.objects.count() >= 35
    # 32 (the activity report's delays read every site's routing time at once: faq.deadlines), and the
    # idle-timeout renewal of the admin session (3).
    with django_assert_max_num_queries(35):
        assert client.get(url, Q3).status_code == 200


@pytest.mark.parametrize("build", [activity_report, timeliness_report])
def test_the_reports_cost_the_same_queries_for_one_site_or_all(quarter_data, hanoi, build):
    counts = []
    for sites in (Site.objects.filter(pk=hanoi.pk), Site.objects.all()):
        with CaptureQueriesContext(connection) as queries:
            build(sites.select_related("root_page"), QUARTER, True)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_xlsx_reports_write_formula_typed_names_and_titles_as_text(client, quarter_data, hanoi_board, hanoi):
    name_as_formula(hanoi)
    add_news(hanoi, FORMULA, dt.date(2025, 7, 1), at(8, 1))
    client.force_login(hanoi_board)

    activity = exported_rows(client.get(ACTIVITY, {**Q3, "format": "xlsx"}))
    timeliness = client.get(TIMELINESS, {**Q3, "format": "xlsx"})
    late = list(load_workbook(io.BytesIO(timeliness.content))["Danh sách đăng trễ"].iter_rows(values_only=True))

    assert activity[1][0] == AS_TEXT and all(isinstance(value, int) for value in activity[1][1:])
    assert exported_rows(timeliness)[1][0] == AS_TEXT
    late_news = next(row for row in late if row[2] == AS_TEXT)
    assert late_news[0] == AS_TEXT and isinstance(late_news[3], dt.datetime)


# Issue 16 ("Reports"): documents of 2010–2020 imported into a site opened in 2025 were counted up to 4,095
# working days late; "Trễ" was text in the XLSX; the chart told its series apart by colour only; the help text
# cited "Quy chế, Điều 11" for the 10-day news rule of Công văn 2096/BHXH-TT.
def test_documents_issued_before_the_site_went_live_are_archive_documents_not_late(
    client, quarter_data, hanoi_board, hanoi
):
    add_document(hanoi, "VB-2015", dt.date(2015, 3, 2), at(8, 12))
    add_document(hanoi, "VB-ngay-mo-trang", SITES_OPENED.date(), at(8, 13))  # issued the day the site opened

    report = timeliness_report(Site.objects.filter(pk=hanoi.pk).select_related("root_page"), QUARTER, False)

    assert dict(report.rows)[hanoi.site_name][1] == 3  # the two late ones of the fixture and VB-ngay-mo-trang
    assert "VB-2015" not in [item.title for item in report.late_items]
    assert [(doc.title, doc.issued_on, doc.published_on) for doc in report.archived] == [
        ("VB-2015", dt.date(2015, 3, 2), dt.date(2025, 8, 12))
    ]
    client.force_login(hanoi_board)
    page = client.get(TIMELINESS, Q3).content.decode()
    assert "VB-2015" in page.split(">Văn bản lưu trữ</h2>", 1)[1]
    book = load_workbook(io.BytesIO(client.get(TIMELINESS, {**Q3, "format": "xlsx"}).content))
    assert [row[1] for row in book["Văn bản lưu trữ"].iter_rows(min_row=2, values_only=True)] == ["VB-2015"]


def test_the_delay_is_a_number_of_days_in_the_spreadsheet(client, quarter_data, hanoi_board):
    client.force_login(hanoi_board)
    book = load_workbook(io.BytesIO(client.get(TIMELINESS, {**Q3, "format": "xlsx"}).content))
    header, *rows = book["Danh sách đăng trễ"].iter_rows(values_only=True)
    assert header[5:] == ("Trễ", "Tính theo")
    assert [(row[5], row[6]) for row in rows] == [
        (1, "ngày làm việc"),
        (1, "ngày"),
        (1, "ngày làm việc"),
        (1, "ngày làm việc"),
    ]


REPORTS = [ACTIVITY, TIMELINESS, "/admin/reports/satisfaction/", "/admin/reports/complaints/"]


@pytest.mark.parametrize("url", REPORTS)
def test_every_report_export_writes_its_figures_as_numbers(client, quarter_data, centre_user, url):
    client.force_login(centre_user)
    params = {"month": "2025-08"} if "complaints" in url else Q3
    book = load_workbook(io.BytesIO(client.get(url, {**params, "format": "xlsx"}).content))
    _header, *rows = book.worksheets[0].iter_rows(values_only=True)
    assert rows and all(
        value is None or isinstance(value, int | float) for _name, *values in rows for value in values
    ), rows


def test_the_chart_tells_its_series_apart_without_colour_and_has_a_table(client, quarter_data, hanoi_board, hanoi):
    client.force_login(hanoi_board)
    page = client.get(ACTIVITY, Q3).content.decode()
    svg = page.split('<svg class="activity-chart"', 1)[1].split("</svg>", 1)[0]
    assert 'fill="url(#answered-stripes)"' in svg and "<pattern" in svg
    assert "3 nhận được" in svg and "2 đã trả lời" in svg
    table = page.split('class="listing chart-data"', 1)[1].split("</table>", 1)[0]
    assert f'<th scope="row">{hanoi.site_name}</th><td>3</td><td>2</td>' in table


def test_the_timeliness_help_cites_the_rule_of_each_deadline(client, hanoi_board):
    client.force_login(hanoi_board)
    help_text = client.get(TIMELINESS).content.decode().split('class="help-block">', 1)[1].split("</p>", 1)[0]
    assert "tin bài đăng không quá 10 ngày kể từ ngày kết thúc sự kiện (Công văn 2096/BHXH-TT, mục 8.1)" in help_text
    assert "Quyết định 1582/QĐ-BHXH, Điều 11" in help_text and "Quy chế, Điều 11" not in help_text
    sentences = [sentence.strip() for sentence in help_text.split(". ") if sentence.strip()]
    assert all(sentence[0].isupper() for sentence in sentences), sentences
