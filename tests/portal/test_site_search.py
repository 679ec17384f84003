"""The site search (``/tim-kiem/``, ``/api/v1/search/``): one box for the whole of a site, grouped by kind.

It finds what the section searches find (the same matcher, ``core.search``), on the site asked about and what is
shared with it only, public records only, and costs the same queries however much the portal holds.
"""

import re

import pytest
from django.test import Client
from wagtail.models import Page

from core.sections import demo_loaders
from faq.models import Question
from home.models import SectionPage
from home.news import NewsPage
from home.news_shares import NewsShare, ShareDirection, ShareStatus
from legal.models import AdministrativeProcedurePage, DraftDocumentPage, LegalDocumentPage
from portal.bootstrap import Report
from tests.faq.factories import ANSWER, AskedQuestionFactory
from tests.home.factories import NewsPageFactory, SectionPageFactory
from tests.legal.factories import DraftFactory, LegalDocumentFactory, make_procedure
from tests.support.api import PROBLEM_KEYS
from tests.support.growth import add_article, grow, queries_for
from tests.support.sites import DANANG, DOCUMENTS, HANOI, NATIONAL, NEWS

pytestmark = pytest.mark.django_db

SEARCH = "/tim-kiem/"
API = "/api/v1/search/"
KINDS = ["news", "documents", "drafts", "procedures", "questions", "pages"]
HEADER_FORM = re.compile(r'<form class="header-search" role="search" action="/tim-kiem/"[^>]*>(.*?)</form>', re.S)


@pytest.fixture
def demo(db):
    """What every app's demo loader creates (news exchange, documents, drafts, procedures, Q&A, contacts)."""
    for load in demo_loaders():
        load(Report())


def search_page(host, **params):
    return Client().get(SEARCH, params, HTTP_HOST=host)


def group_counts(response):
    """{kind label: count} of the groups the results page shows."""
    html = response.content.decode()
    return {label: int(count) for label, count in re.findall(r'<h2 id="nhom-[a-z-]+">([^<]+) \((\d+)\)</h2>', html)}


def api(host, **params):
    return Client().get(API, params, HTTP_HOST=host)


def api_counts(host, query):
    response = api(host, q=query)
    assert response.status_code == 200, response.content
    return {kind["kind"]: kind["count"] for kind in response.json()["kinds"]}


# What it finds, on Hà Nội and the national site


@pytest.mark.parametrize("host", [HANOI, NATIONAL])
def test_bao_hiem_xa_hoi_is_found_in_news_documents_and_answers(demo, host):
    response = search_page(host, q="bao hiem xa hoi")

    assert response.status_code == 200
    counts = group_counts(response)
    assert counts["Tin tức"] > 0 and counts["Văn bản"] > 0 and counts["Hỏi đáp"] > 0
    assert "Triển khai thi hành Luật Bảo hiểm xã hội năm 2024" in response.content.decode()
    api_found = api_counts(host, "bao hiem xa hoi")
    assert api_found["news"] == counts["Tin tức"] and api_found["questions"] == counts["Hỏi đáp"]


@pytest.mark.parametrize("host", [HANOI, NATIONAL])
def test_diacritics_and_case_do_not_matter(demo, host):
    plain = api_counts(host, "bao hiem xa hoi")
    assert sum(plain.values()) > 0
    assert api_counts(host, "Bảo hiểm xã hội") == plain
    assert api_counts(host, "BẢO HIỂM XÃ HỘI") == plain
    assert group_counts(search_page(host, q="Bảo Hiểm Xã Hội")) == group_counts(search_page(host, q="bao hiem xa hoi"))


def test_every_kind_is_searched_with_the_section_searches_matcher(hanoi):
    marker = "Thẩm định mẫu"
    introduction = Page.objects.child_of(hanoi.root_page).get(slug="gioi-thieu")
    add_article(hanoi, f"Tin {marker}")
    LegalDocumentFactory(site=hanoi, title=f"Văn bản {marker}")
    DraftFactory(site=hanoi, title=f"Dự thảo {marker}")
    make_procedure(hanoi, f"Thủ tục {marker}")
    AskedQuestionFactory(site=hanoi, title=f"Câu hỏi {marker}", answer=ANSWER)
    SectionPageFactory(parent=introduction, title="Trang giới thiệu thêm", body=f"<p>Nội dung {marker}.</p>")

    assert api_counts(HANOI, "tham dinh mau") == dict.fromkeys(KINDS, 1)
    # Whole syllables, as core.search matches them: "ma" is not "mẫu".
    assert sum(api_counts(HANOI, "tham dinh ma").values()) == 0
    # A quoted phrase must stand in a row.
    assert sum(api_counts(HANOI, '"mau tham dinh"').values()) == 0


def test_title_matches_come_first_within_a_kind(hanoi):
    NewsPageFactory(site=hanoi, title="Tin thường lệ", lead="Nhắc tới chi trả lương hưu qua tài khoản.", day=20)
    NewsPageFactory(site=hanoi, title="Chi trả lương hưu qua tài khoản", lead="Sa pô.", day=2)

    items = api(HANOI, q="luong huu", kind="news").json()["items"]

    assert [item["title"] for item in items] == ["Chi trả lương hưu qua tài khoản", "Tin thường lệ"]


# Confinement: the site's own records and what is shared with it, nothing else


def test_hanoi_does_not_find_danangs_own_news(demo):
    danang_title = "Đà Nẵng: hơn 90% người hưởng nhận lương hưu qua tài khoản"
    query = "luong huu qua tai khoan"

    assert danang_title in search_page(DANANG, q=query).content.decode()
    assert danang_title not in search_page(HANOI, q=query).content.decode()
    assert danang_title not in str(api(HANOI, q=query).json())
    assert danang_title not in str(api(DANANG, q=query, site=HANOI).json())


def test_a_site_finds_what_is_shared_with_it_at_its_share_route(hanoi, national, danang):
    shared = add_article(national, "Tin quốc gia về chi trả trợ cấp thai sản")
    NewsShare.objects.create(
        article=shared, target_site=hanoi, direction=ShareDirection.PUSH, status=ShareStatus.ACCEPTED
    )

    (item,) = api(HANOI, q="tro cap thai san").json()["items"]
    assert item["url"].endswith(f"{NEWS}chia-se/{shared.pk}/")
    assert f'href="{NEWS}chia-se/{shared.pk}/"' in search_page(HANOI, q="tro cap thai san").content.decode()
    assert api(DANANG, q="tro cap thai san").json()["count"] == 0


def test_other_sites_records_of_every_kind_stay_out(danang):
    introduction = Page.objects.child_of(danang.root_page).get(slug="gioi-thieu")
    add_article(danang, "Tin riêng Đà Nẵng")
    LegalDocumentFactory(site=danang, title="Văn bản riêng Đà Nẵng")
    DraftFactory(site=danang, title="Dự thảo riêng Đà Nẵng")
    make_procedure(danang, "Thủ tục riêng Đà Nẵng")
    AskedQuestionFactory(site=danang, title="Câu hỏi riêng Đà Nẵng", answer=ANSWER)
    SectionPageFactory(parent=introduction, title="Trang riêng Đà Nẵng")

    assert api_counts(DANANG, "rieng da nang") == dict.fromkeys(KINDS, 1)
    assert sum(api_counts(HANOI, "rieng da nang").values()) == 0
    assert sum(api_counts(NATIONAL, "rieng da nang").values()) == 0


# Only what is public


def test_unpublished_pages_pending_questions_and_private_sections_are_not_found(hanoi):
    introduction = Page.objects.child_of(hanoi.root_page).get(slug="gioi-thieu")
    add_article(hanoi, "Tin nháp chưa đăng", live=False)
    SectionPageFactory(parent=introduction, title="Trang nháp chưa đăng", live=False)
    DraftFactory(site=hanoi, title="Dự thảo nháp chưa đăng", live=False)
    AskedQuestionFactory(site=hanoi, title="Câu hỏi nháp chưa đăng")  # received, not answered
    private = SectionPageFactory(parent=introduction, title="Mục nội bộ")
    private.view_restrictions.create(restriction_type="password", password="x")
    SectionPageFactory(parent=private, title="Trang nội bộ chưa đăng công khai")

    assert sum(api_counts(HANOI, "chua dang").values()) == 0
    assert "Không có kết quả nào" in search_page(HANOI, q="chua dang").content.decode()


def test_no_personal_data_of_an_asker_is_shown(hanoi):
    question = AskedQuestionFactory(
        site=hanoi, title="Hỏi về chế độ thai sản của lao động nam", answer=ANSWER, publish_name=True
    )

    for response in (api(HANOI, q="thai san lao dong nam"), search_page(HANOI, q="thai san lao dong nam")):
        text = response.content.decode()
        assert question.title in text
        for private in (question.name, question.email, question.phone, question.tracking_code):
            assert private not in text


# The page: empty and bad queries, grouping and pages per kind


def test_an_empty_query_shows_the_form_with_a_hint(hanoi):
    response = search_page(HANOI)

    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="tu-khoa" name="q"' in text and "Nhập từ khóa để tìm trên toàn trang" in text
    assert "Kết quả tìm kiếm" not in text


def test_search_pages_are_not_indexed_but_their_links_are_followed(hanoi):
    assert '<meta name="robots" content="noindex, follow">' in search_page(HANOI, q="bao hiem").content.decode()


def test_a_query_of_punctuation_only_asks_for_a_word(hanoi):
    response = search_page(HANOI, q="?!…")

    assert response.status_code == 200
    assert "Từ khóa cần có ít nhất một chữ hoặc chữ số." in response.content.decode()


def test_a_too_long_query_is_a_400_saying_so_in_vietnamese(hanoi):
    response = search_page(HANOI, q="bảo hiểm " * 30)

    assert response.status_code == 400
    text = response.content.decode()
    assert "Từ khóa dài tối đa 200 ký tự" in text
    assert 'aria-invalid="true"' in text and 'id="loi-tu-khoa"' in text


def test_an_unknown_kind_is_a_400_naming_it(hanoi):
    response = search_page(HANOI, q="bao hiem", loai="video")

    assert response.status_code == 400
    assert "Không có loại kết quả “video”." in response.content.decode()


def test_each_group_shows_its_first_hits_and_a_link_to_all_then_pages_of_ten(hanoi):
    for number in range(12):
        add_article(hanoi, f"Tin hưu trí số {number}")

    overview = search_page(HANOI, q="huu tri").content.decode()
    assert overview.count('<li class="qa-item">') == 5
    assert "Xem tất cả 12 kết quả loại “Tin tức”" in overview
    assert 'href="?q=huu+tri&amp;loai=tin-tuc"' in overview

    first = search_page(HANOI, q="huu tri", loai="tin-tuc").content.decode()
    second = search_page(HANOI, q="huu tri", loai="tin-tuc", trang=2).content.decode()
    assert first.count('<li class="qa-item">') == 10 and second.count('<li class="qa-item">') == 2
    assert "Trang 1/2" in first and "Trang 2/2" in second
    assert 'aria-current="page">Tin tức (12)</a>' in first


# The header box on every public page


def header_form_is_there(response):
    found = HEADER_FORM.search(response.content.decode())
    if found is None:
        return False
    inner = found.group(1)
    return 'name="q"' in inner and re.search(r'<label for="tim-kiem-dau-trang"', inner) is not None


def test_every_public_page_type_has_the_header_search(demo, hanoi):
    client = Client()
    by_type = {}
    for page in Page.objects.descendant_of(hanoi.root_page, inclusive=True).live().public().specific():
        by_type.setdefault(type(page), page.relative_url(hanoi))
    answer = Question.objects.published().filter(site__hostname=HANOI).first()
    shared = NewsShare.objects.filter(target_site__hostname=HANOI, status=ShareStatus.ACCEPTED).first()
    paths = list(by_type.values()) + [
        f"{DOCUMENTS}thu-tuc-hanh-chinh/",
        f"{NEWS}chia-se/{shared.article_id}/",
        f"/hoi-dap/{answer.pk}/",
        "/hoi-dap/dat-cau-hoi/",
        "/hoi-dap/tra-cuu/",
        "/yeu-cau-cung-cap-thong-tin/",
        "/khieu-nai-to-cao/",
        "/khieu-nai-to-cao/tra-cuu/",
        "/en/contact/",
        "/so-do-trang/",
        SEARCH,
        f"{SEARCH}?q=bao+hiem",
        "/khong-co-trang-nay/",
    ]
    assert {NewsPage, LegalDocumentPage, DraftDocumentPage, AdministrativeProcedurePage, SectionPage} <= set(by_type)

    missing = []
    for path in paths:
        response = client.get(path, HTTP_HOST=HANOI)
        assert response.status_code in (200, 404), (path, response.status_code)
        if not header_form_is_there(response):
            missing.append(path)
    assert missing == []


# The API


def test_the_api_answers_counts_per_kind_and_items_with_absolute_urls(demo):
    body = api(HANOI, q="bao hiem xa hoi", limit=100).json()

    assert set(body) == {"count", "kinds", "items"}
    assert [kind["kind"] for kind in body["kinds"]] == KINDS
    assert [kind["label"] for kind in body["kinds"]] == [
        "Tin tức",
        "Văn bản",
        "Dự thảo",
        "Thủ tục hành chính",
        "Hỏi đáp",
        "Trang",
    ]
    assert body["count"] == sum(kind["count"] for kind in body["kinds"]) == len(body["items"])
    for item in body["items"]:
        assert set(item) == {"kind", "id", "title", "url", "excerpt", "date"}
        assert item["url"].startswith("http://hanoi.localhost/")
    kinds_in_order = [item["kind"] for item in body["items"]]
    assert kinds_in_order == sorted(kinds_in_order, key=KINDS.index)


def test_the_api_pages_through_one_kind_or_all_of_them(demo):
    everything = api(HANOI, q="bao hiem xa hoi", limit=100).json()["items"]
    documents = [item for item in everything if item["kind"] == "documents"]

    by_kind = api(HANOI, q="bao hiem xa hoi", kind="documents", limit=2, offset=1).json()
    assert by_kind["count"] == len(documents)
    assert by_kind["items"] == documents[1:3]
    across = api(HANOI, q="bao hiem xa hoi", limit=3, offset=1).json()
    assert across["count"] == len(everything) and across["items"] == everything[1:4]
    assert api(HANOI, q="bao hiem xa hoi", offset=1000).json()["items"] == []


def test_the_api_takes_the_site_parameter(demo):
    assert api(NATIONAL, q="bao hiem xa hoi", site=HANOI).json() == api(HANOI, q="bao hiem xa hoi").json()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "bao hiem", "kind": "video"}, "kind"),
        ({"q": "bao hiem", "limit": 101}, "limit"),
        ({"q": "bao hiem", "offset": -1}, "offset"),
    ],
)
def test_bad_parameters_are_400_problems_naming_the_field(hanoi, params, field):
    response = api(HANOI, **params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) == PROBLEM_KEYS and list(body["errors"]) == [field]


def test_a_query_without_a_word_is_refused_in_vietnamese(hanoi):
    response = api(HANOI, q="?!…")

    assert response.status_code == 400
    assert response.json()["errors"] == {"q": ["Từ khóa cần có ít nhất một chữ hoặc chữ số."]}


def test_an_unknown_site_is_a_404_problem(hanoi):
    response = api(HANOI, q="bao hiem", site="khong-co.localhost")

    assert response.status_code == 404
    assert set(response.json()) == PROBLEM_KEYS


# Costs and caching


def add_one_of_each(site, national, number):
    """One record of every kind matching "đo đếm", and a national article shared with ``site``."""
    marker = f"đo đếm {number}"
    add_article(site, f"Tin {marker}")
    shared = add_article(national, f"Tin quốc gia {marker}")
    NewsShare.objects.create(
        article=shared, target_site=site, direction=ShareDirection.PUSH, status=ShareStatus.ACCEPTED
    )
    LegalDocumentFactory(site=site, title=f"Văn bản {marker}")
    DraftFactory(site=site, title=f"Dự thảo {marker}")
    make_procedure(site, f"Thủ tục {marker}")
    AskedQuestionFactory(site=site, title=f"Câu hỏi {marker}", answer=ANSWER)
    SectionPageFactory(parent=Page.objects.child_of(site.root_page).get(slug="gioi-thieu"), title=f"Trang {marker}")


# The search itself: the site (1); the places of the news and Q&A sections (2: view restrictions, the sections);
# each list as its section reads it (news 1, pages 1, each legal kind 2: view restrictions and its section); one
# count per kind (6); then one query per kind the page of hits draws from. The HTML page adds the layout (4) and
# the view restrictions its menu reads (2).
SEARCH_BASE = 1 + 2 + 1 + 1 + 3 * 2 + 6
MEASURED = {
    "page, every kind": (SEARCH, {"q": "do dem"}, SEARCH_BASE + 6 + 6),
    "page, one kind": (SEARCH, {"q": "do dem", "loai": "van-ban"}, SEARCH_BASE + 6 + 1),
    # A page across kinds reads the kinds it reaches into: 100 items reach into all six in both sizes.
    "API, every kind": (API, {"q": "do dem", "limit": 100}, SEARCH_BASE + 6),
    "API, one kind": (API, {"q": "do dem", "kind": "questions"}, SEARCH_BASE + 1),
}


@pytest.mark.parametrize("name", MEASURED)
def test_a_search_costs_the_same_queries_however_much_the_portal_holds(client, hanoi, national, name):
    path, params, expected = MEASURED[name]
    add_one_of_each(hanoi, national, 1)
    grow(hanoi, national)
    assert queries_for(client, HANOI, path, data=params) == expected

    for number in range(2, 6):
        add_one_of_each(hanoi, national, number)
    grow(hanoi, national)
    assert api_counts(HANOI, "do dem")["news"] == 10
    assert queries_for(client, HANOI, path, data=params) == expected


def test_answers_are_cached_and_follow_a_new_publication(response_cache, hanoi, django_capture_on_commit_callbacks):
    first = search_page(HANOI, q="ngay cong")
    assert first["X-Portal-Cache"] == "miss"
    assert search_page(HANOI, q="ngay cong")["X-Portal-Cache"] == "hit"
    shown = set(first["xkey"].split())
    assert {f"news-{hanoi.pk}", f"documents-{hanoi.pk}", f"qa-{hanoi.pk}", f"pages-{hanoi.pk}"} <= shown

    with django_capture_on_commit_callbacks(execute=True):
        add_article(hanoi, "Tính ngày công đóng bảo hiểm")

    again = search_page(HANOI, q="ngay cong")
    assert again["X-Portal-Cache"] == "miss"
    assert "Tính ngày công đóng bảo hiểm" in again.content.decode()
