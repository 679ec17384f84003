"""More of everything the public pages and API lists read, for the tests that pin their query counts.

``grow(site, national)`` adds, each time it is called (and returns the number in the names it gave): two
sites with their profiles; articles of ``site`` with a topic and an image; national articles shared with
``site`` (accepted) and one only proposed; a menu section with a sub-page; answered questions with a topic
and an open one; a unit with its leaders and a reception day; a shared link and a notice. A test measures an
endpoint once the portal has one of each, grows it again and measures again: the count must not move.

``queries_for`` counts one request once Wagtail's per-process caches are warm, as they are in production.
"""

import datetime as dt
from itertools import count

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from contacts.models import Leader, ReceptionSchedule, ReceptionSettings, Unit
from faq import transitions
from home.models import HomePage, NewsIndexPage, NewsPage, SectionPage, SiteNotice
from home.news_shares import NewsShare, ShareDirection, ShareStatus
from multisite_config.models import LinkGroup, PortalLink, SiteKind, SiteProfile, Topic

SERIAL = count(1)
TOPIC = {"slug": "tang-truong", "name": "Tăng trưởng"}


def queries_for(client, host, path, method="get", **data):
    """Queries of the second of two identical requests (the first warms the caches); its status must be 2xx/3xx."""
    send = getattr(client, method)
    send(path, HTTP_HOST=host, **data)
    with CaptureQueriesContext(connection) as queries:
        response = send(path, HTTP_HOST=host, **data)
    assert response.status_code < 400, (path, response.status_code)
    return len(queries)


def grow(site, national):
    number = next(SERIAL)
    topic = growth_topic()
    for letter in "ab":
        add_site(f"tangtruong{number}{letter}", f"Tăng Trưởng {number}{letter}")
    add_article(
        site,
        f"Tin tăng trưởng {number}",
        topic=topic,
        image=Image.objects.create(title=f"Ảnh {number}", file=get_test_image_file()),
        image_alt="Hội nghị",
    )
    add_article(site, f"Tin tăng trưởng {number} thêm", topic=topic)
    for suffix, status in (
        ("nhận", ShareStatus.ACCEPTED),
        ("chia sẻ", ShareStatus.ACCEPTED),
        ("đề xuất", ShareStatus.PENDING),
    ):
        shared = add_article(national, f"Tin quốc gia {number} {suffix}", topic=topic)
        NewsShare.objects.create(article=shared, target_site=site, direction=ShareDirection.PUSH, status=status)
    section = publish(
        site.root_page,
        SectionPage(
            title=f"Chuyên mục {number}", slug=f"chuyen-muc-{number}", lead="Sa pô chuyên mục", show_in_menus=True
        ),
    )
    publish(section, SectionPage(title=f"Trang con {number}", slug=f"trang-con-{number}"))
    unit = add_unit(site, f"Phòng tăng trưởng {number}")
    for title in ("đã trả lời", "đăng công khai"):
        answered(site, unit, f"Câu hỏi {number} {title} về chế độ", topic=topic, publish_name=True)
    ask(site, f"Câu hỏi {number} đang chờ trả lời")
    ReceptionSettings.objects.get_or_create(site=site, defaults={"place": "Phòng tiếp công dân"})
    ReceptionSchedule.objects.create(
        site=site,
        date=timezone.localdate() + dt.timedelta(days=number),
        start_time=dt.time(8),
        end_time=dt.time(11),
        leader=unit.leaders.first(),
    )
    PortalLink.objects.create(
        title=f"Liên kết {number}", url=f"https://lien-ket-{number}.gov.vn/", group=LinkGroup.MINISTRIES
    )
    SiteNotice.objects.create(site=site, title=f"Thông báo {number}")
    return number


def growth_topic():
    return Topic.objects.get_or_create(slug=TOPIC["slug"], defaults={"name": TOPIC["name"]})[0]


def add_site(slug, name):
    home = Page.get_first_root_node().add_child(instance=HomePage(title=f"Bảo hiểm xã hội tỉnh {name}", slug=slug))
    site = Site.objects.create(hostname=f"{slug}.localhost", port=80, root_page=home)
    SiteProfile.objects.create(site=site, kind=SiteKind.PROVINCE, short_name=name, full_name=home.title)
    return site


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_article(site, title, topic=None, **fields):
    article = NewsPage(
        title=title,
        slug=f"tin-{next(SERIAL)}",
        lead=f"Sa pô {title}",
        body="<p>Nội dung.</p>",
        published_at=timezone.now(),
        **fields,
    )
    NewsIndexPage.objects.child_of(site.root_page).get().add_child(instance=article)
    if topic:
        article.topics.set([topic])
    article.save_revision().publish()
    return article


def add_unit(site, name):
    unit = Unit.objects.create(site=site, name=name, kind=Unit.Kind.DEPARTMENT, phone="024 3333 3333")
    Leader.objects.create(unit=unit, name=f"Trưởng {name}", title="Trưởng phòng", is_head=True, sort_order=0)
    Leader.objects.create(unit=unit, name=f"Phó {name}", title="Phó Trưởng phòng", sort_order=1)
    return unit


def ask(site, title, **fields):
    return transitions.submit(
        site,
        name="Nguyễn Văn Tăng",
        email="tang@example.vn",
        title=title,
        body="Tôi muốn hỏi điều kiện và mức hưởng theo quy định hiện hành.",
        **fields,
    )


def answered(site, unit, title, **fields):
    question = ask(site, title, **fields)
    transitions.assign(question, None, unit=unit)
    transitions.answer(question, None, text="Ông/Bà được hưởng khi đủ điều kiện theo Luật.")
    transitions.publish(question, None)
    return question
