"""The demo contacts: four sites with offices and leaders, reception with one month left out, idempotent."""

import datetime as dt

import pytest
from wagtail.models import Site

from contacts.demo import OFFICES, UNITS, load_contacts_demo
from contacts.models import Leader, ReceptionLog, ReceptionSchedule, ReceptionSettings, Unit
from contacts.reception_warnings import missing_head_receptions
from multisite_config.models import SiteProfile
from portal.bootstrap import Report
from tests.contacts.factories import REFERENCE_DAY as TODAY


@pytest.mark.django_db
def test_demo_fills_four_sites_once_and_a_second_run_changes_nothing():
    load_contacts_demo(Report(), today=TODAY)
    for code in OFFICES:
        site = SiteProfile.objects.get(code=code).site
        office = Unit.objects.get(site=site, kind=Unit.Kind.PROVINCIAL_OFFICE)
        assert office.phone and office.fax and office.website and office.name_en and office.address_en
        assert office.leaders.filter(is_head=True).count() == 1
        assert ReceptionSettings.objects.get(site=site).rules
    hanoi = SiteProfile.objects.get(code="01").site
    assert Unit.objects.filter(site=hanoi, name__in=UNITS["01"]).exclude(phone="").count() == len(UNITS["01"])
    assert ReceptionLog.objects.filter(site=hanoi).count() == 3
    counts = (
        Unit.objects.count(),
        Leader.objects.count(),
        ReceptionSchedule.objects.count(),
        ReceptionLog.objects.count(),
    )
    second = Report()
    load_contacts_demo(second, today=TODAY)
    assert second.changes == []
    assert counts == (
        Unit.objects.count(),
        Leader.objects.count(),
        ReceptionSchedule.objects.count(),
        ReceptionLog.objects.count(),
    )


@pytest.mark.django_db
def test_demo_leaves_the_third_month_without_the_heads_reception():
    load_contacts_demo(Report(), today=TODAY)
    sites = Site.objects.filter(siteprofile__code__in=OFFICES)
    missing, without_head = missing_head_receptions(sites, TODAY)
    assert without_head == 0
    assert {row.site.siteprofile.code: row.months for row in missing} == {
        code: [dt.date(2027, 1, 1)] for code in OFFICES
    }
