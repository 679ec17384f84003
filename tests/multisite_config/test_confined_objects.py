"""A site-owned record of another site cannot be opened in any single-object admin view, even without the
URL middleware.

Wagtail's inspect, edit, history and delete views load their object by pk and check only model-level
permissions; a Đà Nẵng board member holds "view" on information requests and units for Đà Nẵng. The views
of ``SiteOwnedSnippetViewSet`` read the record through ``within_reach`` (``ConfinedObjectMixin``), so with
``AdminSiteConfinementMiddleware`` removed a Hà Nội record is still a 404 that shows nothing of it.
"""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from contacts.models import Unit
from faq.models import InformationRequest
from home.models import SectionPage
from multisite_config.models import SiteRole

pytestmark = pytest.mark.django_db

VIEWS = ["inspect", "edit", "history", "delete"]
NAME = "Zqhanoi Nguyễn Riêng Tư"


def information_request(site, name):
    return InformationRequest.objects.create(
        site=site,
        name=name,
        address="12 Láng Hạ",
        id_number="001234567890",
        email="a@example.vn",
        information="Số liệu thu BHXH",
        purpose="Nghiên cứu",
        delivery_form="email",
        received_at=timezone.now(),
    )


def without_confinement_middleware():
    return override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if "AdminSiteConfinementMiddleware" not in m])


def url(model, view, pk):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}", args=[pk])


@pytest.fixture
def records(hanoi, danang):
    return {
        "hanoi": [information_request(hanoi, NAME), Unit.objects.create(site=hanoi, name=f"Phòng {NAME}")],
        "danang": [information_request(danang, "Zqdanang Người Đà Nẵng")],
    }


@pytest.mark.parametrize("view", VIEWS)
def test_another_sites_record_is_404_without_the_middleware(client, danang_board, records, view):
    client.force_login(danang_board)
    with without_confinement_middleware():
        for record in records["hanoi"]:
            try:
                address = url(type(record), view, record.pk)
            except NoReverseMatch:  # the viewset does not route this view (a unit has no inspect page)
                continue
            response = client.get(address)
            assert response.status_code == 404, address
            assert NAME not in response.content.decode(), address


def test_another_sites_record_cannot_be_changed_or_deleted_without_the_middleware(client, danang_board, records):
    client.force_login(danang_board)
    request, unit = records["hanoi"]
    with without_confinement_middleware():
        assert client.post(url(Unit, "edit", unit.pk), {"name": "Chiếm quyền", "site": unit.site_id}).status_code == 404
        assert client.post(url(Unit, "delete", unit.pk)).status_code == 404
        assert client.post(url(InformationRequest, "edit", request.pk), {"category": "other"}).status_code == 404
    unit.refresh_from_db()
    assert unit.name == f"Phòng {NAME}"
    assert InformationRequest.objects.filter(pk=request.pk).exists()


def test_own_sites_record_still_opens_without_the_middleware(client, danang_board, records):
    """The 404s above come from confinement, not from a view refusing everyone."""
    client.force_login(danang_board)
    own = records["danang"][0]
    with without_confinement_middleware():
        response = client.get(url(InformationRequest, "inspect", own.pk))
    assert response.status_code == 200
    assert "Zqdanang" in response.content.decode()


def test_another_sites_page_is_404_in_the_page_views_that_load_it_by_id(client, make_user, hanoi, danang):
    """The page chooser opened at a page, the move confirmation and the page workflow views load their pages
    by id before any permission check; they read them through ``within_reach``."""
    editor = make_user(SiteRole.EDITORS, danang, "danang.editor")
    client.force_login(editor)
    own = SectionPage.objects.descendant_of(danang.root_page).first()
    other = SectionPage.objects.descendant_of(hanoi.root_page).first()
    with without_confinement_middleware():
        for address in (  # GET only: a refused workflow action would leave a message naming the page
            f"/admin/choose-page/{other.pk}/",
            f"/admin/pages/{other.pk}/move/{danang.root_page_id}/confirm/",
            f"/admin/pages/{own.pk}/move/{other.pk}/confirm/",
            f"/admin/pages/workflow/confirm_cancellation/{other.pk}/",
            f"/admin/pages/workflow/action/{other.pk}/approve/1/",
            f"/admin/pages/workflow/collect_action_data/{other.pk}/approve/1/",
            f"/admin/pages/workflow/preview/{other.pk}/1/",
        ):
            response = client.get(address)
            assert response.status_code == 404, address
            assert other.title not in response.content.decode(), address
        assert not list(get_messages(response.wsgi_request))  # nothing left for the next page to show
        assert client.get(f"/admin/choose-page/{own.pk}/").status_code == 200
        assert client.get(f"/admin/pages/workflow/confirm_cancellation/{own.pk}/").status_code == 200
