"""Path ranges select exactly the pages Wagtail's ``descendant_of`` and ``live().public()`` select."""

import pytest
from wagtail.models import Page, PageViewRestriction

from core.tree import children_q, descendants_q, path_after, published_q, subtree_q
from legal.importer import documents_index


@pytest.mark.parametrize(
    "path, after",
    [
        ("0001", "0002"),
        ("00010003", "00010004"),
        ("00010009", "0001000A"),
        ("0001000Z", "0001001"),
        ("000100ZZ", "000101"),
        ("ZZZZZZZZ", None),
    ],
)
def test_the_range_ends_at_the_first_path_after_the_subtree(path, after):
    assert path_after(path) == after


def test_a_path_in_the_subtree_is_inside_the_range_and_the_next_sibling_is_not():
    after = path_after("0001000Z")
    assert "0001000Z" < "0001000Z0001" < "0001000ZZZZZ" < after <= "00010010"


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_ranges_select_what_wagtail_selects_at_every_level(hanoi, national, make_document):
    make_document(hanoi, "Văn bản của Hà Nội")
    make_document(national, "Văn bản toàn quốc")
    section = documents_index(hanoi)
    for page in (Page.get_first_root_node(), national.root_page, hanoi.root_page, section):
        assert ids(Page.objects.filter(subtree_q(page))) == ids(Page.objects.descendant_of(page, inclusive=True))
        assert ids(Page.objects.filter(descendants_q(page))) == ids(Page.objects.descendant_of(page))
        assert ids(Page.objects.filter(children_q(page))) == ids(Page.objects.child_of(page))
    assert "Văn bản của Hà Nội" in Page.objects.filter(children_q(section)).values_list("title", flat=True)


def test_published_is_live_and_public_with_or_without_view_restrictions(hanoi, make_document):
    make_document(hanoi, "Đã đăng")
    make_document(hanoi, "Chưa đăng").unpublish()
    assert ids(Page.objects.filter(published_q())) == ids(Page.objects.live().public())

    PageViewRestriction.objects.create(page=make_document(hanoi, "Nội bộ"), restriction_type=PageViewRestriction.LOGIN)
    PageViewRestriction.objects.create(page=documents_index(hanoi), restriction_type=PageViewRestriction.LOGIN)
    published = ids(Page.objects.filter(published_q()))
    assert published == ids(Page.objects.live().public())
    assert not published & ids(Page.objects.descendant_of(documents_index(hanoi), inclusive=True))
