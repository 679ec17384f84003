"""Requests for information (Law on Access to Information): the art. 30 clock, outcomes, log, statistics,
confinement, the API and the public form."""

import datetime as dt
import io
import json

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from core import abuse
from faq import information_requests as steps
from faq.models import InformationRequest, InformationRequestEvent, OutboundEmail, RefusalReason, RequestChannel
from faq.models import RequestStatus as S
from faq.request_admin import viewset
from faq.transitions import TransitionError
from multisite_config.models import SiteRole
from tests.faq.factories import REQUEST_FORM as GOOD
from tests.support.clock import at
from tests.support.exports import AS_TEXT, exported_rows, formula_cells, name_as_formula

API = "/api/v1/information-requests/"
FORM = "/yeu-cau-cung-cap-thong-tin/"
pytestmark = pytest.mark.django_db
PERSONAL = ["Nguyễn Văn A", "Láng Hạ", "001234567890", "a@example.vn", "0912"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache, which outlives each test's database transaction."""
    cache.clear()
    yield
    cache.clear()


def last_mail():
    """The latest message queued to a requester (sending happens once the transaction commits)."""
    return OutboundEmail.objects.order_by("-pk").first()


def make_request(site, now, **fields):
    data = {key: value for key, value in GOOD.items() if key != "phone"} | fields
    return steps.submit(site, **data, now=now)


@pytest.fixture
def clock(monkeypatch):
    """Set the current time the steps see."""

    def set_now(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_now


@pytest.fixture
def received(hanoi, django_capture_on_commit_callbacks):
    """A request received on Friday 30 January 2026 at 10:00."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_request(hanoi, at(2026, 1, 30))


@pytest.fixture
def hanoi_officer(make_user, hanoi):
    return make_user(SiteRole.QA_OFFICERS, hanoi, "hanoi.officer")


# The art. 30 clock in working days


def test_receipt_gives_three_working_days_a_log_entry_and_an_acknowledgement(received):
    assert received.status == S.RECEIVED and len(received.tracking_code) == 10
    assert received.due_at == at(2026, 2, 4, 16, 30)  # Fri 30/01 + 3: Mon 2, Tue 3, Wed 4 February
    assert list(received.events.values_list("action", "to_status")) == [("receive", S.RECEIVED)]
    assert received.display_code in mail.outbox[-1].body and mail.outbox[-1].to == ["a@example.vn"]


@pytest.mark.parametrize(
    ("received_at", "due"),
    [
        (at(2026, 2, 12), at(2026, 2, 24, 16, 30)),  # Thu 12/02: Fri 13, Tết 16–20 off, Mon 23, Tue 24
        (at(2026, 2, 13, 17), at(2026, 2, 26, 16, 30)),  # after hours on Fri 13/02: received Mon 23, + Tue–Thu
        (at(2026, 11, 20, 9), at(2026, 11, 26, 16, 30)),  # Fri 20/11: Mon 23, (Tue 24/11 holiday), Wed 25, Thu 26
    ],
)
def test_first_deadline_skips_tet_and_the_24_november_holiday(hanoi, received_at, due):
    assert make_request(hanoi, received_at).due_at == due


def test_gathering_moves_the_deadline_to_fifteen_working_days(received, hanoi_board, clock):
    clock(at(2026, 2, 3, 9))
    steps.notify_gathering(received, hanoi_board, note="Cần tập hợp số liệu từ nhiều phòng")
    assert received.status == S.GATHERING and received.notified_at == at(2026, 2, 3, 9)
    # From Fri 30/01: 10 working days to Fri 13/02, Tết 16–20/02, then Mon 23 to Fri 27/02.
    assert received.due_at == at(2026, 2, 27, 16, 30)
    assert "Cần tập hợp số liệu" in last_mail().body


def test_gathering_cannot_be_announced_after_the_first_three_working_days(received, hanoi_board, clock):
    clock(at(2026, 2, 5, 9))
    with pytest.raises(TransitionError):
        steps.notify_gathering(received, hanoi_board, note="Muộn")
    assert InformationRequest.objects.get(pk=received.pk).status == S.RECEIVED


def test_one_extension_of_at_most_fifteen_days_with_a_notice(received, hanoi_board, clock):
    clock(at(2026, 2, 2, 9))
    with pytest.raises(TransitionError):  # not before gathering was announced
        steps.extend(received, hanoi_board, days=5, reason="Khối lượng lớn")
    steps.notify_gathering(received, hanoi_board, note="Cần tập hợp")
    with pytest.raises(TransitionError):
        steps.extend(received, hanoi_board, days=16, reason="Quá hạn mức")
    with pytest.raises(TransitionError):
        steps.extend(received, hanoi_board, days=5, reason=" ")
    steps.extend(received, hanoi_board, days=5, reason="Khối lượng lớn")
    assert received.due_at == at(2026, 3, 4, 16, 30)  # Fri 27/02 + 5 calendar days: Wed 04/03
    assert "Khối lượng lớn" in last_mail().body
    with pytest.raises(TransitionError):
        steps.extend(received, hanoi_board, days=1, reason="Lần hai")
    assert received.extension_days == 5


def test_each_channel_has_its_own_first_deadline(hanoi):
    """Art. 29 in person: at once; art. 30.1 online: 3 working days; art. 31.1 post or fax: 5 working days."""
    received = at(2026, 1, 30)  # Friday 10:00
    assert make_request(hanoi, received).channel == RequestChannel.ONLINE
    assert make_request(hanoi, received).due_at == at(2026, 2, 4, 16, 30)
    assert make_request(hanoi, received, channel=RequestChannel.POST).due_at == at(2026, 2, 6, 16, 30)
    assert make_request(hanoi, received, channel=RequestChannel.FAX).due_at == at(2026, 2, 6, 16, 30)
    assert make_request(hanoi, received, channel=RequestChannel.IN_PERSON).due_at == at(2026, 1, 30, 16, 30)


def test_by_post_the_gathering_notice_is_still_due_within_three_working_days(hanoi, hanoi_board, clock):
    by_post = make_request(hanoi, at(2026, 1, 30), channel=RequestChannel.POST)
    clock(at(2026, 2, 5, 9))  # Thursday: within the 5 days to provide, past the 3 to give notice (Wed 04/02)
    with pytest.raises(TransitionError):
        steps.notify_gathering(by_post, hanoi_board, note="Cần tập hợp")
    steps.provide(by_post, hanoi_board, response="Thông tin có sẵn")
    assert by_post.status == S.PROVIDED


def test_an_extension_across_tet_is_in_calendar_days(hanoi, hanoi_board, clock):
    """ "Tối đa không quá 15 ngày": not 15 working days (which would end Mon 09/03, two weeks later)."""
    request = make_request(hanoi, at(2026, 1, 19))  # Monday 19/01/2026
    clock(at(2026, 1, 20, 9))
    steps.notify_gathering(request, hanoi_board, note="Cần tập hợp")
    assert request.due_at == at(2026, 2, 9, 16, 30)  # 15 working days: Mon 09/02
    clock(at(2026, 2, 5, 9))
    steps.extend(request, hanoi_board, days=15, reason="Khối lượng lớn")
    assert request.due_at == at(2026, 2, 24, 16, 30)  # Mon 09/02 + 15 days: Tue 24/02, Tết 16–20/02 inside
    assert "15 ngày (theo lịch)" in last_mail().body


def test_an_extension_ending_on_a_day_off_ends_the_next_working_day(hanoi, hanoi_board, clock):
    request = make_request(hanoi, at(2026, 1, 19))
    clock(at(2026, 1, 20, 9))
    steps.notify_gathering(request, hanoi_board, note="Cần tập hợp")
    steps.extend(request, hanoi_board, days=7, reason="Khối lượng lớn")
    assert request.due_at == at(2026, 2, 23, 16, 30)  # Mon 16/02 is Tết: Mon 23/02 (Bộ luật Dân sự art. 148.5)


def test_an_extension_recorded_after_the_deadline_is_refused_and_nothing_saved(hanoi, hanoi_board, clock):
    request = make_request(hanoi, at(2026, 1, 19))
    clock(at(2026, 1, 20, 9))
    steps.notify_gathering(request, hanoi_board, note="Cần tập hợp")
    clock(at(2026, 2, 10, 9))  # the deadline was Mon 09/02 16:30
    with pytest.raises(TransitionError, match="Đã hết thời hạn cung cấp thông tin \\(16:30 09/02/2026\\)"):
        steps.extend(request, hanoi_board, days=5, reason="Muộn")
    stored = InformationRequest.objects.get(pk=request.pk)
    assert stored.extension_days == 0 and stored.due_at == at(2026, 2, 9, 16, 30)
    assert not stored.events.filter(action="extend").exists()


def test_the_admin_refuses_a_late_extension_in_vietnamese_and_records_the_channel(
    client, hanoi, hanoi_officer, hanoi_board, clock
):
    request = make_request(hanoi, at(2026, 1, 19))
    client.force_login(hanoi_officer)
    clock(at(2026, 1, 19, 11))
    client.post(admin_url("act", request.pk, "channel"), {"channel-channel": RequestChannel.POST})
    request.refresh_from_db()
    assert request.channel == RequestChannel.POST and request.due_at == at(2026, 1, 26, 16, 30)  # 5 working days
    clock(at(2026, 1, 20, 9))
    steps.notify_gathering(request, hanoi_board, note="Cần tập hợp")
    clock(at(2026, 2, 10, 9))
    client.force_login(hanoi_officer)  # a session of the new clock's day
    response = client.post(admin_url("act", request.pk, "extend"), {"extend-days": "5", "extend-reason": "Muộn"})
    errors = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(message.startswith("Đã hết thời hạn cung cấp thông tin (16:30 09/02/2026)") for message in errors)
    assert InformationRequest.objects.get(pk=request.pk).extension_days == 0


# Outcomes


def test_refusal_needs_an_article_28_reason_and_a_written_detail(received, hanoi_board):
    with pytest.raises(TransitionError):
        steps.refuse(received, hanoi_board, reason="", detail="Không cung cấp")
    with pytest.raises(TransitionError):
        steps.refuse(received, hanoi_board, reason="because", detail="Không cung cấp")
    with pytest.raises(TransitionError):
        steps.refuse(received, hanoi_board, reason=RefusalReason.ALREADY_PUBLIC, detail="  ")
    steps.refuse(received, hanoi_board, reason=RefusalReason.ALREADY_PUBLIC, detail="Đã đăng tại mục Công khai")
    assert received.status == S.REFUSED and received.due_at is None and received.closed_at is not None
    assert "Đã đăng tại mục Công khai" in last_mail().body and "Điều 28" in last_mail().body


def test_provide_partly_provide_and_redirect_close_the_request(hanoi, hanoi_board):
    full = make_request(hanoi, at(2026, 3, 2))
    steps.provide(full, hanoi_board, response="Số liệu đính kèm", cost=50_000)
    partly = make_request(hanoi, at(2026, 3, 2))
    steps.provide(partly, hanoi_board, response="Một phần", partly=True)
    elsewhere = make_request(hanoi, at(2026, 3, 2))
    steps.redirect(elsewhere, hanoi_board, agency="Sở Y tế Hà Nội")
    assert (full.status, full.cost, partly.status, elsewhere.status) == (
        S.PROVIDED,
        50_000,
        S.PARTLY_PROVIDED,
        S.REDIRECTED,
    )
    assert "Sở Y tế Hà Nội" in last_mail().body
    with pytest.raises(TransitionError):  # closed: no second outcome
        steps.refuse(full, hanoi_board, reason=RefusalReason.UNPAID, detail="x")
    with pytest.raises(TransitionError):
        steps.provide(make_request(hanoi, at(2026, 3, 2)), hanoi_board, response=" ")


def test_the_log_and_the_audit_log_record_every_step(received, hanoi_board, clock):
    clock(at(2026, 2, 2, 9))
    steps.notify_gathering(received, hanoi_board, note="Cần tập hợp")
    steps.extend(received, hanoi_board, days=3, reason="Nhiều hồ sơ")
    steps.provide(received, hanoi_board, response="Thông tin")
    events = InformationRequestEvent.objects.filter(request=received)
    assert list(events.values_list("action", "from_status", "to_status")) == [
        ("receive", "", S.RECEIVED),
        ("gather", S.RECEIVED, S.GATHERING),
        ("extend", S.GATHERING, S.GATHERING),
        ("provide", S.GATHERING, S.PROVIDED),
    ]
    assert list(events.values_list("user", flat=True)) == [None] + [hanoi_board.pk] * 3
    audit = ModelLogEntry.objects.filter(object_id=str(received.pk), content_type__model="informationrequest")
    assert set(audit.values_list("action", flat=True)) == {
        "faq.request.receive",
        "faq.request.gather",
        "faq.request.extend",
        "faq.request.provide",
    }


def test_late_requests_are_a_database_filter(received):
    assert not InformationRequest.objects.late(now=at(2026, 2, 4, 16))
    assert list(InformationRequest.objects.late(now=at(2026, 2, 5, 9))) == [received]


# Admin: confinement, actions, statistics


def admin_url(name, *args):
    from django.urls import reverse

    return reverse(viewset.get_url_name(name), args=args)


def test_admin_list_and_detail_are_confined_to_the_users_site(client, hanoi, danang, hanoi_officer):
    mine = make_request(hanoi, at(2026, 3, 2))
    theirs = make_request(danang, at(2026, 3, 2), name="Trần Thị Đà Nẵng")
    client.force_login(hanoi_officer)
    listing = client.get(admin_url("list"))
    assert listing.status_code == 200
    assert mine.display_code in listing.content.decode()
    assert theirs.display_code not in listing.content.decode()
    assert client.get(admin_url("inspect", mine.pk)).status_code == 200
    for name in ("inspect", "edit", "history"):
        assert client.get(admin_url(name, theirs.pk)).status_code == 404, name
    response = client.post(admin_url("act", theirs.pk, "redirect"), {"redirect-agency": "x"})
    assert response.status_code == 404
    assert InformationRequest.objects.get(pk=theirs.pk).status == S.RECEIVED


def test_the_request_log_export_holds_only_the_users_sites(client, hanoi, danang, hanoi_officer):
    mine = make_request(hanoi, at(2026, 3, 2))
    theirs = make_request(danang, at(2026, 3, 2), name="Trần Thị Đà Nẵng")
    client.force_login(hanoi_officer)
    response = client.get(admin_url("list"), {"export": "csv"})
    exported = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert response.status_code == 200
    assert mine.display_code in exported and theirs.display_code not in exported


def test_an_editor_without_request_permissions_cannot_open_the_log(client, hanoi, hanoi_editor):
    client.force_login(hanoi_editor)
    assert client.get(admin_url("list")).status_code in (302, 403)
    assert client.get(admin_url("statistics")).status_code in (302, 403)


def test_no_adding_or_deleting_requests_in_the_admin(client, hanoi, centre_user):
    request = make_request(hanoi, at(2026, 3, 2))
    client.force_login(centre_user)
    assert client.get(admin_url("add")).status_code in (302, 403)
    assert client.post(admin_url("delete", request.pk)).status_code in (302, 403)
    assert InformationRequest.objects.filter(pk=request.pk).exists()


def test_admin_actions_run_the_steps_and_report_refusals(client, hanoi, hanoi_officer):
    request = make_request(hanoi, at(2026, 3, 2))
    client.force_login(hanoi_officer)
    page = client.get(admin_url("inspect", request.pk)).content.decode()
    assert "Từ chối (Điều 28)" in page and "Tiếp nhận yêu cầu cung cấp thông tin" in page
    client.post(admin_url("act", request.pk, "refuse"), {"refuse-reason": "restricted", "refuse-detail": ""})
    assert InformationRequest.objects.get(pk=request.pk).status == S.RECEIVED
    client.post(
        admin_url("act", request.pk, "refuse"),
        {"refuse-reason": "restricted", "refuse-detail": "Thông tin thuộc bí mật nhà nước"},
    )
    request.refresh_from_db()
    assert request.status == S.REFUSED and request.refusal_reason == RefusalReason.RESTRICTED
    assert request.handled_by == hanoi_officer


@pytest.fixture
def fixtures_2026(hanoi, danang, national, hanoi_board):
    """Hà Nội: 2 provided (costs 30 000 and 20 000), 1 partly, 2 refused (a, e), 1 redirected, 1 open.
    Đà Nẵng: 1 provided (cost 5 000), 1 open. Hà Nội 2025: 1 provided (another year, never counted)."""
    outcomes = [
        (hanoi, lambda r: steps.provide(r, hanoi_board, response="x", cost=30_000)),
        (hanoi, lambda r: steps.provide(r, hanoi_board, response="x", cost=20_000)),
        (hanoi, lambda r: steps.provide(r, hanoi_board, response="x", partly=True)),
        (hanoi, lambda r: steps.refuse(r, hanoi_board, reason=RefusalReason.RESTRICTED, detail="x")),
        (hanoi, lambda r: steps.refuse(r, hanoi_board, reason=RefusalReason.UNPAID, detail="x")),
        (hanoi, lambda r: steps.redirect(r, hanoi_board, agency="Sở Y tế")),
        (hanoi, None),
        (danang, lambda r: steps.provide(r, hanoi_board, response="x", cost=5_000)),
        (danang, None),
    ]
    for index, (site, outcome) in enumerate(outcomes):
        request = make_request(site, at(2026, 3, 2))
        request.category = "benefits" if index % 2 else "legal"
        request.save(update_fields=["category"])
        if outcome:
            outcome(request)
    steps.provide(make_request(hanoi, at(2025, 12, 15)), hanoi_board, response="x", cost=99_000)


def figures(statistics, name_part):
    row = next(values for name, values in statistics.rows if name_part in name)
    return dict(zip(statistics.labels, row, strict=True))


def test_statistics_count_exactly_the_fixtures_per_site_and_nationally(fixtures_2026, django_assert_max_num_queries):
    from wagtail.models import Site

    from faq.request_statistics import yearly_statistics

    with django_assert_max_num_queries(2):
        statistics = yearly_statistics(Site.objects.all(), 2026, with_total=True)
    hanoi_row = figures(statistics, "Hà Nội")
    assert hanoi_row["Số yêu cầu nhận được"] == 7
    assert (hanoi_row["Đã cung cấp"], hanoi_row["Cung cấp một phần"], hanoi_row["Từ chối"]) == (2, 1, 2)
    assert hanoi_row[f"Từ chối – {RefusalReason.RESTRICTED.label}"] == 1
    assert hanoi_row[f"Từ chối – {RefusalReason.UNPAID.label}"] == 1
    assert hanoi_row[f"Từ chối – {RefusalReason.ALREADY_PUBLIC.label}"] == 0
    assert (hanoi_row["Hướng dẫn đến cơ quan khác"], hanoi_row["Đang giải quyết"]) == (1, 1)
    assert hanoi_row["Chi phí thực tế (đồng)"] == 50_000
    assert hanoi_row["Loại thông tin – Văn bản, chính sách, thủ tục hành chính"] == 4
    assert hanoi_row["Loại thông tin – Chế độ BHXH, BH thất nghiệp"] == 3
    danang_row = figures(statistics, "Đà Nẵng")
    assert (danang_row["Số yêu cầu nhận được"], danang_row["Chi phí thực tế (đồng)"]) == (2, 5_000)
    total = dict(zip(statistics.labels, statistics.total, strict=True))
    assert (total["Số yêu cầu nhận được"], total["Đã cung cấp"], total["Chi phí thực tế (đồng)"]) == (9, 3, 55_000)
    assert len(statistics.rows) == 35


def test_statistics_page_and_xlsx_of_a_province_show_only_its_own_figures(client, fixtures_2026, hanoi_officer):
    client.force_login(hanoi_officer)
    page = client.get(admin_url("statistics"), {"year": 2026}).content.decode()
    assert "Hà Nội" in page and "Đà Nẵng" not in page and "Toàn quốc" not in page
    response = client.get(admin_url("statistics"), {"year": 2026, "format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert len(rows) == 2 and "Hà Nội" in rows[1][0]
    header = rows[0]
    row = dict(zip(header, rows[1], strict=True))
    assert (row["Số yêu cầu nhận được"], row["Từ chối"], row["Chi phí thực tế (đồng)"]) == (7, 2, 50_000)


def test_the_centre_gets_every_site_and_the_national_total_in_xlsx(client, fixtures_2026, centre_user):
    client.force_login(centre_user)
    assert "Toàn quốc" in client.get(admin_url("statistics"), {"year": 2026}).content.decode()
    response = client.get(admin_url("statistics"), {"year": 2026, "format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 35 + 1
    total = dict(zip(rows[0], rows[-1], strict=True))
    assert rows[-1][0] == "Toàn quốc"
    assert (total["Số yêu cầu nhận được"], total["Đang giải quyết"], total["Chi phí thực tế (đồng)"]) == (9, 2, 55_000)


# API


def post(client, body, host="hanoi.localhost", **extra):
    return client.post(
        API,
        json.dumps(body) if not isinstance(body, str) else body,
        content_type=extra.pop("content_type", "application/json"),
        HTTP_HOST=host,
        **extra,
    )


def test_api_post_creates_a_request_of_the_host_site_without_personal_data(client, hanoi):
    response = post(client, GOOD)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"tracking_code", "status", "due_by"} and body["status"] == "received"
    assert body["due_by"].endswith("+07:00")
    assert not any(value in response.content.decode() for value in PERSONAL)
    request = InformationRequest.objects.get()
    assert request.site == hanoi and body["tracking_code"] == request.display_code
    assert request.phone == "0912 345 678" and request.id_number == "001234567890"


def test_api_site_parameter_picks_the_site(client, danang):
    assert post(client, GOOD, host="localhost", QUERY_STRING="site=danang.localhost").status_code == 201
    assert InformationRequest.objects.get().site == danang


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id_number": "12345"}, "id_number"),
        ({"id_number": "12345678X"}, "id_number"),
        ({"id_number": "0012345678901"}, "id_number"),
        ({"email": "not-an-email"}, "email"),
        ({"email": ""}, "email"),
        ({"delivery_form": "pigeon"}, "delivery_form"),
        ({"information": "x" * 5001}, "information"),
        ({"name": "   "}, "name"),
        ({"purpose": None}, "purpose"),
        ({"unexpected": "field"}, "unexpected"),
    ],
)
def test_api_bad_fields_are_400_problems_naming_the_field_and_save_nothing(client, hanoi, change, field):
    response = post(client, GOOD | change)
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert field in response.json()["errors"]
    assert not InformationRequest.objects.exists()


def test_api_accepts_a_passport_number_and_refuses_a_missing_email(client, hanoi):
    assert post(client, GOOD | {"id_number": "C1234567"}).status_code == 201
    assert (
        "Số định danh gồm 9 hoặc 12 chữ số"
        in post(client, GOOD | {"id_number": "123"}).json()["errors"]["id_number"][0]
    )
    missing = {key: value for key, value in GOOD.items() if key != "email"}
    assert "email" in post(client, missing).json()["errors"]


@pytest.mark.parametrize(
    "body",
    [
        "[]",
        "null",
        '"x"',
        "{",
        "",
        json.dumps(GOOD | {"name": "A\u0000B"}),
        json.dumps(GOOD | {"delivery_form": ["email"]}),
    ],
)
def test_api_malformed_bodies_are_4xx_problems_and_save_nothing(client, hanoi, body):
    response = post(client, body)
    assert 400 <= response.status_code < 500 and response["Content-Type"] == "application/problem+json"
    assert not InformationRequest.objects.exists()


def test_api_only_takes_json(client, hanoi):
    response = post(client, "name=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert not InformationRequest.objects.exists()


def test_api_burst_gets_429_with_retry_after(client, hanoi, settings):
    settings.PUBLIC_RATE_LIMITS = {"information_request": (2, 600)}
    assert [post(client, GOOD).status_code for _ in range(3)] == [201, 201, 429]
    response = post(client, GOOD)
    assert response["Content-Type"] == "application/problem+json" and int(response["Retry-After"]) > 0
    assert InformationRequest.objects.count() == 2


# Public HTML form


def form_data(**changes):
    token = abuse.form_token()
    return GOOD | {abuse.TIMING_FIELD: token} | changes


@pytest.fixture
def patient(monkeypatch):
    """Pretend the form was filled in for longer than the minimum, so the timing check lets it through."""
    monkeypatch.setattr(abuse, "MIN_FILL_SECONDS", 0)


def test_the_form_is_served_on_every_site(client):
    for host in ("localhost", "hanoi.localhost", "danang.localhost"):
        response = client.get(FORM, HTTP_HOST=host)
        assert response.status_code == 200 and "Thông tin cần cung cấp" in response.content.decode()


def test_the_form_stores_the_request_on_the_requesting_site_and_shows_its_code(client, danang, patient):
    response = client.post(FORM, form_data(), HTTP_HOST="danang.localhost", follow=True)
    request = InformationRequest.objects.get()
    page = response.content.decode()
    assert response.status_code == 200 and request.site == danang
    assert request.display_code in page and timezone.localtime(request.due_at).strftime("%d/%m/%Y") in page
    assert "a@example.vn" not in page and "001234567890" not in page


def test_form_errors_are_400_in_vietnamese_and_save_nothing(client, hanoi, patient):
    response = client.post(FORM, form_data(id_number="12", email="x", information=""), HTTP_HOST="hanoi.localhost")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Số định danh gồm 9 hoặc 12 chữ số" in page and "Thư điện tử không hợp lệ" in page
    assert "Vui lòng nhập trường này" in page
    assert not InformationRequest.objects.exists()


def test_form_refuses_bots_by_honeypot_and_timing(client, hanoi):
    too_fast = client.post(FORM, form_data(), HTTP_HOST="hanoi.localhost")
    assert too_fast.status_code == 400 and "quá nhanh" in too_fast.content.decode()
    trapped = client.post(FORM, form_data(**{abuse.HONEYPOT_FIELD: "http://spam"}), HTTP_HOST="hanoi.localhost")
    assert trapped.status_code == 400
    assert not InformationRequest.objects.exists()


def test_form_burst_gets_429_with_retry_after(client, hanoi, settings, patient):
    settings.PUBLIC_RATE_LIMITS = {"information_request": (1, 600)}
    assert client.post(FORM, form_data(), HTTP_HOST="hanoi.localhost").status_code == 303
    response = client.post(FORM, form_data(), HTTP_HOST="hanoi.localhost")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert [template.name for template in response.templates][0] == "too_many_requests.html"
    assert f'<a href="{FORM}">Về trang Yêu cầu cung cấp thông tin</a>' in response.content.decode()
    assert InformationRequest.objects.count() == 1


def test_the_statistics_menu_item_shows_only_to_those_who_handle_requests(client, hanoi_officer, hanoi_editor):
    client.force_login(hanoi_officer)
    assert admin_url("statistics") in client.get("/admin/").content.decode()
    client.force_login(hanoi_editor)
    assert admin_url("statistics") not in client.get("/admin/").content.decode()


def test_the_late_filter_lists_only_late_requests(client, hanoi, hanoi_officer):
    late = make_request(hanoi, at(2026, 1, 5))
    on_time = make_request(hanoi, timezone.now())
    client.force_login(hanoi_officer)
    page = client.get(admin_url("list"), {"late": "true"}).content.decode()
    assert late.display_code in page and on_time.display_code not in page


def test_editing_in_the_admin_only_sets_the_kind_of_information(client, hanoi, hanoi_officer):
    request = make_request(hanoi, at(2026, 3, 2))
    client.force_login(hanoi_officer)
    client.post(admin_url("edit", request.pk), {"category": "finance", "status": "provided", "email": "x@y.vn"})
    request.refresh_from_db()
    assert (request.category, request.status, request.email) == ("finance", S.RECEIVED, "a@example.vn")


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_request_log_export_writes_a_formula_typed_name_as_text(client, hanoi, hanoi_officer, export):
    make_request(name_as_formula(hanoi), at(2026, 3, 2))
    client.force_login(hanoi_officer)

    rows = exported_rows(client.get(admin_url("list"), {"export": export}))

    assert formula_cells(rows) == [AS_TEXT]
    if export == "xlsx":
        assert any(isinstance(cell, dt.datetime) for cell in rows[1])


def test_the_statistics_xlsx_writes_a_formula_typed_name_as_text(client, fixtures_2026, hanoi, hanoi_officer):
    name_as_formula(hanoi)
    client.force_login(hanoi_officer)

    rows = exported_rows(client.get(admin_url("statistics"), {"year": 2026, "format": "xlsx"}))

    assert rows[1][0] == AS_TEXT and rows[1][1] == 7
