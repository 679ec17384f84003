"""Vietnamese alphabetical order, Vietnamese number grouping and ASCII slugs (core.collation, core.numbers,
core.slugs), and their use where lists, numbers and slugs are made."""

import pytest
from django.template import Context, Template
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.collation import vietnamese_key
from core.numbers import grouped
from core.slugs import FORMATTERS, VietnameseSlugInput, vietnamese_slug
from home.models import SectionPage
from legal.procedures import field_slug

pytestmark = pytest.mark.django_db


def test_places_sort_by_the_vietnamese_alphabet_with_tones_after_letters():
    places = ["Đồng Nai", "Cần Thơ", "Điện Biên", "Cao Bằng", "Đà Nẵng", "Cà Mau", "Hưng Yên", "Huế", "An Giang"]
    assert sorted(places, key=vietnamese_key) == [
        "An Giang",
        "Cà Mau",
        "Cao Bằng",
        "Cần Thơ",
        "Đà Nẵng",
        "Điện Biên",
        "Đồng Nai",
        "Huế",
        "Hưng Yên",
    ]
    # Same letters: the tone decides (ngang, huyền, hỏi, ngã, sắc, nặng), then lower case first.
    assert sorted(["mạ", "má", "mã", "mả", "mà", "ma", "Ma"], key=vietnamese_key) == [
        "ma",
        "Ma",
        "mà",
        "mả",
        "mã",
        "má",
        "mạ",
    ]
    # Letters before tones: "ă" is a later letter than "a" whatever the tones ("Ăn" after "Ạn").
    assert sorted(["Ăn", "Ạn"], key=vietnamese_key) == ["Ạn", "Ăn"]
    assert sorted(["Dương", "Đà", "Dũng"], key=vietnamese_key) == ["Dũng", "Dương", "Đà"]


def test_numbers_are_grouped_with_dots_in_code_and_in_templates():
    assert [grouped(5000), grouped(24000), grouped(1234567), grouped(12), grouped(1234.5)] == [
        "5.000",
        "24.000",
        "1.234.567",
        "12",
        "1.234,5",
    ]
    rendered = Template("{% load humanize %}{{ chars|intcomma }} ký tự, {{ money|intcomma }} đồng, {{ id }}")
    # intcomma groups (the vi format module adds NUMBER_GROUPING); a bare number (an id, a year) never is.
    assert rendered.render(Context({"chars": 5000, "money": 24000, "id": 2026})) == "5.000 ký tự, 24.000 đồng, 2026"


def test_slugs_fold_vietnamese_to_ascii_including_d_with_stroke():
    assert vietnamese_slug("BHXH Hà Nội") == "bhxh-ha-noi"
    assert vietnamese_slug("Đà Nẵng – Quảng Trị") == "da-nang-quang-tri"
    assert field_slug("Bảo hiểm y tế") == "bao-hiem-y-te"
    # The admin's script folds the same letters before making a slug (Wagtail's own table maps đ to "dj").
    assert ("[đ]", "d") in FORMATTERS and ("[Đ]", "D") in FORMATTERS
    assert "ẫ" in dict((replacement, pattern) for pattern, replacement in FORMATTERS)["a"]


def test_a_page_added_in_the_admin_gets_an_ascii_slug(admin_client, hanoi, settings):
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False
    url = reverse("wagtailadmin_pages:add", args=["home", "sectionpage", hanoi.root_page_id])
    form = admin_client.get(url).context["form"]
    assert isinstance(form.fields["slug"].widget, VietnameseSlugInput)
    data = nested_form_data(
        {
            "title": "BHXH Hà Nội làm việc với Đoàn kiểm tra",
            "slug": "bhxh-hà-nội-đoàn-kiểm-tra",  # as typed with the script off
            "lead": "",
            "body": rich_text("<p>Nội dung.</p>"),
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = SectionPage.objects.get(title="BHXH Hà Nội làm việc với Đoàn kiểm tra")
    assert page.slug == "bhxh-ha-noi-doan-kiem-tra"
    assert page.url_path.endswith("/bhxh-ha-noi-doan-kiem-tra/")
