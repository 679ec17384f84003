"""The admin speaks Vietnamese to every demo role: no English left from Wagtail's or Django's catalogues.

The crawl logs in as each demo account of ``bootstrap_portal --demo`` (portal/demo.py), with a page of Hà Nội
waiting for its board, walks every admin page reachable from the dashboard and the sidebar (one URL per shape,
tests/support/admin_text.py), and fails on any string a reader sees that is English. The sign-in and password
reset pages are crawled anonymously, and the workflow e-mails Wagtail sends are read too.
"""

import os

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from wagtail.models import Site, WorkflowState

from portal.demo import DEMO_USERS
from tests.support.admin_text import crawl, english_strings
from tests.support.admin_text import english as is_english
from tests.support.demo import module_demo
from tests.support.sites import HANOI
from tests.support.workflow import edit_form

# The shapes worth a visit that no link of the dashboard or the sidebar leads to: the choosers the editor's
# widgets open, and the pages a button opens through JavaScript.
STARTS = [
    "/admin/",
    "/admin/choose-page/",
    "/admin/choose-page/search/?q=tin",
    "/admin/choose-external-link/",
    "/admin/choose-email-link/",
    "/admin/choose-phone-link/",
    "/admin/choose-anchor-link/",
    "/admin/images/chooser/",
    "/admin/documents/chooser/",
    "/admin/account/",
    "/admin/pages/search/?q=tin",
    "/admin/reports/",
]
# Links not followed: ending the session, downloads.
SKIP = ("logout", "export=", "/download", "/preview/")
# English that this catalogue cannot reach, each with where it comes from.
HARD_CODED_BY_WAGTAIL = {
    "Search": "the screen-reader submit button of the search forms (wagtailadmin/home.html, shared/header.html)",
    "None": "the hidden error counter of the side panel toggle, an unset value printed",
}
ROLES = [(username, code) for username, code, _role in DEMO_USERS if code in (None, "01")]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, and Hà Nội's editor's three pages in moderation: one waiting for the board, one approved, one
    sent back; the e-mails and the board's confirmation pages of both decisions kept; rolled back afterwards."""
    with module_demo(django_db_blocker):
        mail.outbox = []
        waiting, approved, rejected = Site.objects.get(hostname=HANOI).root_page.get_children().live()[:3]
        editor, board = Client(), Client()
        editor.force_login(get_user_model().objects.get(username="hanoi.bientap"))
        board.force_login(get_user_model().objects.get(username="hanoi.banbientap"))
        states = {page.pk: submit(editor, page.specific) for page in (waiting, approved, rejected)}
        actions = {
            action: f"/admin/pages/workflow/action/{page.pk}/{action}/{states[page.pk].current_task_state.pk}/"
            for page, action in ((approved, "approve"), (rejected, "reject"))
        }
        pages = [board.get(url).json()["html"] for url in actions.values()]  # the modal's form
        pages += [
            board.post(url, {"comment": "Cần sửa lại."}, follow=True).content.decode() for url in actions.values()
        ]
        yield {"mail": list(mail.outbox), "pages": pages}


def submit(client, page):
    data = edit_form(page, f"{page.title} (sửa)", **{"action-submit": "1"})
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content[:500]
    return WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)


def report(found, who):
    if os.environ.get("ADMIN_TEXT_REPORT"):
        with open(os.environ["ADMIN_TEXT_REPORT"], "a", encoding="utf-8") as out:
            for url, strings in found.items():
                for text in strings:
                    out.write(f"{who}\t{url}\t{text}\n")
    allowed = HARD_CODED_BY_WAGTAIL.keys()
    found = {url: [text for text in strings if text not in allowed] for url, strings in found.items()}
    return {url: strings for url, strings in found.items() if strings}


@pytest.mark.parametrize("username", [username for username, _code in ROLES])
def test_admin_pages_are_vietnamese_for_each_role(demo, db, username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    found = crawl(client, STARTS, skip=SKIP)
    print(f"{username}: {len(found)} admin pages")
    assert len(found) > 20
    assert not report(found, username)


def test_sign_in_and_password_reset_are_vietnamese(db):
    client = Client()
    found = crawl(
        client,
        ["/admin/login/", "/admin/password_reset/", "/admin/password_reset/done/", "/admin/password_reset/x/y-z/"],
        skip=SKIP,
    )
    assert "/admin/login/" in found
    assert not report(found, "anonymous")


def mail_english(messages):
    texts = [message.subject for message in messages]
    texts += [line for message in messages for line in message.body.splitlines()]
    english = {text for text in texts if is_english(text)}
    return english | {
        text for message in messages for html, _type in message.alternatives for text in english_strings(html)
    }


def test_workflow_emails_are_vietnamese(demo, db):
    subjects = [message.subject for message in demo["mail"]]
    assert len(subjects) >= 5, subjects  # three submissions to the board, an approval and a rejection to the editor
    assert not mail_english(demo["mail"])


def test_the_boards_decisions_and_their_messages_are_vietnamese(demo, db):
    english = {text for html in demo["pages"] for text in english_strings(html)} - HARD_CODED_BY_WAGTAIL.keys()
    assert not english


def test_password_reset_email_is_vietnamese(demo, db):
    mail.outbox = []
    Client().post("/admin/password_reset/", {"email": "hanoi.bientap@localhost.localdomain"})
    assert len(mail.outbox) == 1
    assert not mail_english(mail.outbox)
