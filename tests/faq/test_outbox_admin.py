"""The outbox in the admin (issue 17, "Quiet start"): every e-mail to a citizen is listed by state, the list opening
on the failed ones staff must send again; only the user's own sites' messages."""

import pytest
from django.utils import timezone

from faq.models import OutboundEmail
from multisite_config.models import SiteRole

pytestmark = pytest.mark.django_db
EMAILS = "/admin/snippets/faq/outboundemail/"


def message(site, subject, **fields):
    return OutboundEmail.objects.create(
        site=site, kind="received", subject_ref="ABCDEFGHJK", to="a@example.vn", subject=subject, body="…", **fields
    )


@pytest.fixture
def outbox(hanoi, danang):
    return {
        "sent": message(hanoi, "Đã gửi", attempts=1, sent_at=timezone.now()),
        "failed": message(hanoi, "Không gửi được", attempts=1, last_error="SMTP down"),
        "pending": message(hanoi, "Chờ gửi"),
        "danang": message(danang, "Thư Đà Nẵng", attempts=1, sent_at=timezone.now()),
    }


@pytest.mark.parametrize(
    ("state", "expected"),
    [(None, ["failed"]), ("failed", ["failed"]), ("sent", ["sent"]), ("pending", ["pending"])],
)
def test_the_outbox_lists_each_state_of_the_users_sites(client, make_user, hanoi, outbox, state, expected):
    client.force_login(make_user(SiteRole.QA_OFFICERS, hanoi))
    response = client.get(EMAILS, {"state": state} if state else {})
    assert {email.pk for email in response.context["object_list"]} == {outbox[name].pk for name in expected}


def test_all_shows_every_message_of_the_users_sites_only(client, make_user, hanoi, outbox):
    client.force_login(make_user(SiteRole.QA_OFFICERS, hanoi))
    listed = {email.pk for email in client.get(EMAILS, {"state": "all"}).context["object_list"]}
    assert listed == {outbox[name].pk for name in ("sent", "failed", "pending")}
    assert client.get(f"{EMAILS}edit/{outbox['sent'].pk}/").status_code == 200
    assert client.get(f"{EMAILS}edit/{outbox['danang'].pk}/").status_code == 404
