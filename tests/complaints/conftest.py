import pytest
from django.utils import timezone

from complaints import transitions
from complaints.models import CaseChannel, CaseKind
from tests.support.clock import at


@pytest.fixture
def clock(monkeypatch):
    """clock(moment): from now on ``timezone.now()`` is ``moment`` (the transitions read the time there)."""

    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


@pytest.fixture
def receive(hanoi):
    """receive(kind, moment, site=hanoi, **fields): a case received online, as the public form does."""

    def make(kind=CaseKind.COMPLAINT, moment=None, site=None, **fields):
        values = {
            "name": "Nguyễn Văn A",
            "address": "12 Phố Huế, Hà Nội",
            "contact": "0912345678",
            "id_number": "001085012345",
            "subject": "Chậm giải quyết chế độ ốm đau",
            "content": "Tôi nộp hồ sơ hưởng chế độ ốm đau từ tháng 1 nhưng chưa được giải quyết.",
            **fields,
        }
        return transitions.receive(
            site or hanoi, kind=kind, channel=CaseChannel.ONLINE, now=moment or at(2026, 3, 2, 9), **values
        )

    return make
