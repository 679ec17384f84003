"""The board's inbox of cases: from reception to resolution with its deadlines, the transfer from Hà Nội to
Đà Nẵng, confinement per site, the denunciant's protected identity, the read-only trace, the warnings."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import ModelLogEntry

from complaints import transitions
from complaints.inbox import deadline_counts
from complaints.models import CaseEvent, CaseKind, CaseStatus, CaseTransfer, ComplaintCase
from contacts.models import ReceptionLog
from multisite_config.models import SiteRole
from tests.support.clock import at
from tests.support.exports import exported_rows

INBOX = "/admin/snippets/complaints/complaintcase/"
TRACES = "/admin/snippets/complaints/casetransfer/"


def page(pk):
    return f"{INBOX}edit/{pk}/"


def act(pk, action):
    return f"{INBOX}act/{pk}/{action}/"


def listed(response):
    return {case.tracking_code for case in response.context["object_list"]}


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def danang_board_2(make_user, danang):
    return make_user(SiteRole.BOARD, danang, "danang.board2")


def test_a_complaint_goes_from_reception_to_resolution_is_transferred_and_continues_in_danang(
    client, hanoi, danang, hanoi_board, hanoi_board_2, danang_board, clock
):
    # Reception: a citizen is received in Hà Nội on Monday 02/03/2026; the officer opens the case from the log.
    entry = ReceptionLog.objects.create(
        site=hanoi,
        date=at(2026, 3, 2).date(),
        citizen_name="Trần Thị B",
        subject="Khiếu nại mức hưởng",
        kind="complaint",
    )
    clock(at(2026, 3, 2, 14))
    client.force_login(hanoi_board)
    response = client.post(
        f"{INBOX}from-reception/{entry.pk}/",
        {
            "content": "Khiếu nại quyết định hưởng lương hưu.",
            "address": "Hà Đông",
            "contact": "",
            "id_number": "",
            "instance": 1,
        },
    )
    case = ComplaintCase.objects.get(reception_log=entry)
    assert response.status_code == 302 and response["Location"] == page(case.pk)
    assert (case.site, case.kind, case.name, case.status) == (
        hanoi,
        CaseKind.COMPLAINT,
        "Trần Thị B",
        CaseStatus.RECEIVED,
    )
    assert case.received_at == at(2026, 3, 2, 7, 30)  # the day the citizen came
    assert case.due_at == at(2026, 3, 12, 16, 30)  # thụ lý within 10 days (Luật Khiếu nại art. 27)
    assert list(case.handlers.all()) == [hanoi_board]
    # Opening it again leads to the same case.
    assert client.get(f"{INBOX}from-reception/{entry.pk}/")["Location"] == page(case.pk)

    # Hà Nội's board transfers it to BHXH Đà Nẵng on Thursday 05/03.
    clock(at(2026, 3, 5, 10))
    client.force_login(hanoi_board)  # a new session at the new time (sessions expire)
    response = client.post(
        act(case.pk, "transfer"), {"to_site": danang.pk, "to_agency": "", "reason": "Người khiếu nại hưởng tại Đà Nẵng"}
    )
    assert response.status_code == 302 and response["Location"] == INBOX
    case.refresh_from_db()
    assert case.site == danang and case.status == CaseStatus.RECEIVED and not case.handlers.exists()
    assert case.due_at == at(2026, 3, 16, 16, 30)  # 10 days from Đà Nẵng's receipt: Sunday 15/03 → Monday 16/03

    # Hà Nội keeps a read-only trace and can no longer see or change the case.
    for user in (hanoi_board, hanoi_board_2):
        client.force_login(user)
        assert case.tracking_code not in listed(client.get(INBOX))
        assert client.get(page(case.pk)).status_code == 404
        assert client.post(act(case.pk, "accept"), {"complexity": "normal", "instance": 1}).status_code == 404
        traces = client.get(TRACES)
        assert traces.status_code == 200 and case.tracking_code in {
            t.tracking_code for t in traces.context["object_list"]
        }
        trace = CaseTransfer.objects.get(case=case)
        assert client.get(f"{TRACES}inspect/{trace.pk}/").status_code == 200
        assert client.get(f"{TRACES}edit/{trace.pk}/").status_code in (302, 403, 404)
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED

    # Đà Nẵng's board sees it in its inbox with the whole log, and continues it.
    client.force_login(danang_board)
    assert case.tracking_code in listed(client.get(INBOX))
    html = client.get(page(case.pk)).content.decode()
    assert "Chuyển đơn" in html and "Người khiếu nại hưởng tại Đà Nẵng" in html
    clock(at(2026, 3, 6, 9))
    client.force_login(danang_board)
    client.post(act(case.pk, "assign"), {"handlers": [danang_board.pk]})
    client.post(act(case.pk, "accept"), {"complexity": "normal", "instance": 1})
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED and case.due_at == at(
        2026, 4, 6, 16, 30
    )  # 30 days: Sun 05/04 → Mon 06/04
    client.post(act(case.pk, "verify"), {})
    clock(at(2026, 3, 20, 9))
    client.force_login(danang_board)
    response = client.post(act(case.pk, "resolve"), {"outcome": "partly", "resolution": "Điều chỉnh mức hưởng."})
    assert "Đã thực hiện “Giải quyết”" in messages_of(response)[-1]
    case.refresh_from_db()
    assert case.status == CaseStatus.RESOLVED and case.outcome == "partly" and case.due_at is None
    client.post(act(case.pk, "close"), {"note": ""})
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED

    steps = list(CaseEvent.objects.filter(case=case).values_list("action", "acting_site__hostname"))
    assert steps == [
        ("receive", "hanoi.localhost"),
        ("transfer", "hanoi.localhost"),
        ("assign", "danang.localhost"),
        ("accept", "danang.localhost"),
        ("verify", "danang.localhost"),
        ("resolve", "danang.localhost"),
        ("close", "danang.localhost"),
    ]
    assert ModelLogEntry.objects.filter(action="complaints.case.transfer", object_id=str(case.pk)).exists()


def test_transfer_to_an_agency_outside_the_sector_ends_the_case_here(receive, hanoi_board):
    case = receive(CaseKind.DENUNCIATION)
    transitions.transfer(case, hanoi_board, to_agency="Thanh tra thành phố Hà Nội", reason="Không thuộc thẩm quyền")
    assert case.status == CaseStatus.TRANSFERRED and case.transferred_to_agency == "Thanh tra thành phố Hà Nội"
    assert case.due_at is None and CaseTransfer.objects.get(case=case).site == case.site
    with pytest.raises(transitions.TransitionError):
        transitions.transfer(case, hanoi_board, to_agency="Nơi khác", reason="lần hai")


def test_a_transfer_names_one_destination(receive, hanoi, danang, hanoi_board):
    case = receive()
    for destination in ({"to_site": hanoi}, {"to_site": danang, "to_agency": "Thanh tra"}, {}):
        with pytest.raises(transitions.TransitionError):
            transitions.transfer(case, hanoi_board, reason="x", **destination)
    assert not CaseTransfer.objects.exists()


def test_refusal_needs_a_reason_and_is_shown_on_the_case(client, receive, hanoi_board):
    case = receive()
    client.force_login(hanoi_board)
    response = client.post(act(case.pk, "refuse"), {"reason": ""})
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED and any("Lý do" in message for message in messages_of(response))
    client.post(act(case.pk, "refuse"), {"reason": "Đơn đã được giải quyết lần hai"})
    case.refresh_from_db()
    assert case.status == CaseStatus.REFUSED and case.refusal_reason == "Đơn đã được giải quyết lần hai"


def test_another_site_editors_and_the_site_editors_do_not_reach_cases(client, receive, danang_board, hanoi_editor):
    case = receive()
    for user in (danang_board, hanoi_editor):
        client.force_login(user)
        assert client.get(page(case.pk)).status_code in (302, 403, 404)
        assert client.post(act(case.pk, "refuse"), {"reason": "x"}).status_code in (302, 403, 404)
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED


def test_a_denunciants_identity_is_seen_only_by_the_officers_handling_the_case(
    client, receive, hanoi_board, hanoi_board_2, centre_user
):
    case = receive(
        CaseKind.DENUNCIATION,
        name="Lê Văn Tố",
        address="Số 7 ngõ Bí Mật",
        contact="0988000111",
        id_number="001099000111",
    )
    transitions.assign(case, hanoi_board, handlers=[hanoi_board])
    secrets = ("Lê Văn Tố", "Số 7 ngõ Bí Mật", "0988000111", "001099000111")

    client.force_login(hanoi_board)
    html = client.get(page(case.pk)).content.decode()
    assert all(secret in html for secret in secrets)

    for other in (hanoi_board_2, centre_user):
        client.force_login(other)
        views = [page(case.pk), INBOX, f"{INBOX}?q=L%C3%AA+V%C4%83n", f"{INBOX}history/{case.pk}/"]
        for url in views:
            response = client.get(url)
            assert response.status_code == 200, url
            assert not any(secret in response.content.decode() for secret in secrets), url
        assert "Được bảo mật" in client.get(page(case.pk)).content.decode()
        assert case.tracking_code not in listed(client.get(INBOX, {"q": "Lê Văn Tố"}))
        for export in ("csv", "xlsx"):
            rows = exported_rows(client.get(INBOX, {"export": export}))
            cells = " ".join(str(cell) for row in rows for cell in row)
            assert case.display_code in cells and not any(secret in cells for secret in secrets)

    # Reassigned: the new handler sees it, the former one no longer does.
    transitions.assign(case, hanoi_board, handlers=[hanoi_board_2])
    client.force_login(hanoi_board_2)
    assert "Lê Văn Tố" in client.get(page(case.pk)).content.decode()
    client.force_login(hanoi_board)
    assert "Lê Văn Tố" not in client.get(page(case.pk)).content.decode()


def test_a_complainants_identity_is_seen_by_the_sites_board(client, receive, hanoi_board_2):
    case = receive(CaseKind.COMPLAINT, name="Phạm Văn Khiếu")
    client.force_login(hanoi_board_2)
    assert "Phạm Văn Khiếu" in client.get(page(case.pk)).content.decode()


def test_handlers_are_members_of_the_board_of_the_cases_site(receive, hanoi_board, danang_board, hanoi_editor):
    case = receive()
    for outsider in (danang_board, hanoi_editor):
        with pytest.raises(transitions.TransitionError):
            transitions.assign(case, hanoi_board, handlers=[outsider])


def test_a_letter_is_received_in_the_admin_on_the_users_own_site(client, hanoi, danang, hanoi_board):
    client.force_login(hanoi_board)
    form = client.get(f"{INBOX}receive/")
    assert form.status_code == 200 and list(form.context["form"].fields["site"].queryset) == [hanoi]
    data = {
        "site": danang.pk,
        "kind": "petition",
        "channel": "letter",
        "name": "Đỗ Văn C",
        "subject": "Kiến nghị",
        "content": "Kiến nghị rút ngắn thời gian giải quyết.",
        "instance": 1,
    }
    assert client.post(f"{INBOX}receive/", data).status_code == 200  # another site: refused by the form
    assert not ComplaintCase.objects.exists()
    response = client.post(f"{INBOX}receive/", {**data, "site": hanoi.pk})
    case = ComplaintCase.objects.get()
    assert response["Location"] == page(case.pk) and case.channel == "letter" and case.site == hanoi


def test_late_and_due_soon_cases_are_counted_for_the_board(client, receive, hanoi, hanoi_board, clock):
    late = receive(CaseKind.DENUNCIATION, at(2026, 3, 2, 9))  # due Wednesday 11/03 16:30
    soon = receive(CaseKind.COMPLAINT, at(2026, 3, 3, 9))  # due Friday 13/03 16:30
    receive(CaseKind.PETITION, at(2026, 3, 10, 9))  # due 24/03: neither
    now = at(2026, 3, 12, 9)
    assert deadline_counts(hanoi_board, now=now) == [
        {"site_id": hanoi.pk, "site_name": hanoi.site_name, "late": 1, "due_soon": 1}
    ]
    clock(now)
    client.force_login(hanoi_board)
    assert listed(client.get(INBOX, {"late": "true"})) == {late.tracking_code}
    assert listed(client.get(INBOX, {"due_soon": "true"})) == {soon.tracking_code}
    dashboard = client.get("/admin/").content.decode()
    assert "Đơn khiếu nại, tố cáo trễ hạn và sắp đến hạn" in dashboard
