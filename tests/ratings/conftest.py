"""Rateable content on Hà Nội and Đà Nẵng, and rate limits of the tests' own."""

import pytest

from multisite_config.models import SiteRole
from tests.contacts.factories import UnitFactory
from tests.faq.factories import AskedQuestionFactory
from tests.home.factories import NewsPageFactory
from tests.legal.factories import make_procedure


@pytest.fixture(autouse=True)
def rate_limits(settings):
    settings.PUBLIC_RATE_LIMITS = {**settings.PUBLIC_RATE_LIMITS, "satisfaction": (20, 600)}


@pytest.fixture
def procedure(hanoi):
    return make_procedure(hanoi, "Cấp lại sổ bảo hiểm xã hội")


@pytest.fixture
def danang_procedure(danang):
    return make_procedure(danang, "Cấp lại thẻ bảo hiểm y tế")


@pytest.fixture
def article(hanoi):
    return NewsPageFactory(site=hanoi, title="Hà Nội chi trả lương hưu qua tài khoản")


@pytest.fixture
def answer(hanoi, make_user):
    officer = make_user(SiteRole.QA_OFFICERS, hanoi)
    return AskedQuestionFactory(
        site=hanoi,
        title="Hưởng BHXH một lần",
        body="Điều kiện hưởng BHXH một lần là gì?",
        email="nguoihoi@example.vn",
        answer="Ông/Bà cần đủ điều kiện theo Luật BHXH 2024.",
        answer__by=officer,
        answer__unit=UnitFactory(site=hanoi, name="Phòng Chế độ BHXH"),
    )
