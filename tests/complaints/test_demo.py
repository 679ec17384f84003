"""The demo cases: every state on Hà Nội, a transfer to Đà Nẵng, and a second run that changes nothing."""

from complaints.demo import load_complaints_demo
from complaints.models import CaseStatus, CaseTransfer, ComplaintCase
from contacts.demo import load_contacts_demo
from portal.bootstrap import Report
from portal.demo import create_users


def test_the_demo_fills_cases_once(hanoi, danang, national):
    create_users(Report())
    load_contacts_demo(Report())
    load_complaints_demo(Report())
    statuses = set(ComplaintCase.objects.filter(site=hanoi).values_list("status", flat=True))
    assert {CaseStatus.RESOLVED, CaseStatus.ACCEPTED, CaseStatus.RECEIVED} <= statuses
    assert CaseTransfer.objects.get(site=hanoi).to_site == danang
    assert ComplaintCase.objects.filter(site=danang).count() == 2
    assert ComplaintCase.objects.filter(site=national).count() == 1
    denunciation = ComplaintCase.objects.get(site=hanoi, kind="denunciation")
    assert [user.username for user in denunciation.handlers.all()] == ["hanoi.banbientap"]
    count = ComplaintCase.objects.count()
    second = Report()
    load_complaints_demo(second)
    assert ComplaintCase.objects.count() == count and second.changes == []
