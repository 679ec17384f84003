"""Path ranges (core/tree.py) select exactly what Wagtail's ``descendant_of`` and ``child_of`` select; the news
section routes its articles, feed and shares, and a section page its breadcrumbs, as Wagtail's own routing and
tree did."""

from wagtail.models import Page

from core.tree import children_q, descendants_q
from tests.home.factories import SectionPageFactory
from tests.support.sites import HANOI, NEWS


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_ranges_select_what_wagtail_selects_at_every_level(add_news, news_index, hanoi, danang, national):
    add_news(hanoi, "Tin Hà Nội")
    add_news(danang, "Tin Đà Nẵng")
    for page in (Page.get_first_root_node(), national.root_page, hanoi.root_page, news_index(hanoi)):
        assert ids(Page.objects.filter(descendants_q(page))) == ids(Page.objects.descendant_of(page))
        assert ids(Page.objects.filter(children_q(page))) == ids(Page.objects.child_of(page))
    hanoi_pages, danang_pages = (ids(Page.objects.filter(descendants_q(site.root_page))) for site in (hanoi, danang))
    assert hanoi_pages and danang_pages and hanoi_pages.isdisjoint(danang_pages)


def test_the_news_section_routes_articles_its_feed_and_shares(client, add_news, national, hanoi):
    article = add_news(hanoi, "Tin có trang riêng")
    draft = add_news(hanoi, "Tin chưa đăng", live=False)

    page = client.get(f"{NEWS}{article.slug}/", HTTP_HOST=HANOI)
    assert page.status_code == 200 and "Tin có trang riêng" in page.content.decode()
    assert 'href="/tin-tuc-su-kien/">Tin tức – Sự kiện</a>' in page.content.decode()
    assert client.get(f"{NEWS}rss/", HTTP_HOST=HANOI)["Content-Type"].startswith("application/rss+xml")
    for missing in (
        f"{NEWS}{draft.slug}/",
        f"{NEWS}khong-co/",
        f"{NEWS}{article.slug}/them/",
        f"{NEWS}chia-se/{add_news(national, 'Tin chưa chia sẻ').pk}/",
    ):
        assert client.get(missing, HTTP_HOST=HANOI).status_code == 404, missing


def test_breadcrumbs_lead_from_the_home_page_down_to_the_page(client, hanoi):
    introduction = Page.objects.child_of(hanoi.root_page).get(slug="gioi-thieu")
    history = SectionPageFactory(parent=introduction, title="Lịch sử hình thành", slug="lich-su")
    SectionPageFactory(parent=history, title="Giai đoạn 1995–2025", slug="giai-doan")

    html = client.get("/gioi-thieu/lich-su/giai-doan/", HTTP_HOST=HANOI).content.decode()

    trail = html.split('<nav aria-label="Đường dẫn" class="breadcrumbs"><ol>')[1].split("</ol></nav>")[0]
    assert [line.strip() for line in trail.replace("</li>", "</li>\n").splitlines() if line.strip()] == [
        '<li><a href="/">Trang chủ</a></li>',
        '<li><a href="/gioi-thieu/">Giới thiệu</a></li>',
        '<li><a href="/gioi-thieu/lich-su/">Lịch sử hình thành</a></li>',
        '<li aria-current="page">Giai đoạn 1995–2025</li>',
    ]
