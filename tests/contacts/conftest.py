"""Contacts of two provinces, each with its office, a head and a deputy, to check that neither leaks."""

import pytest

from tests.contacts.factories import OfficeFactory


@pytest.fixture
def hanoi_office(hanoi):
    return OfficeFactory(site=hanoi, name="BHXH Hà Nội thử nghiệm", phone="024 1111 1111")


@pytest.fixture
def danang_office(danang):
    return OfficeFactory(site=danang, name="BHXH Đà Nẵng thử nghiệm", phone="0236 222 2222")
