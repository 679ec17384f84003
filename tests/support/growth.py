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

from contacts.models import ReceptionSettings
from home.models import SiteNotice
from home.news_shares import NewsShare, ShareDirection, ShareStatus
from multisite_config.models import LinkGroup, PortalLink
from tests.contacts.factories import LeaderFactory, ReceptionScheduleFactory, UnitFactory
from tests.faq.factories import AskedQuestionFactory
from tests.home.factories import NewsPageFactory, SectionPageFactory
from tests.multisite_config.factories import SiteFactory, TopicFactory

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
        SiteFactory(slug=f"tangtruong{number}{letter}", name=f"Tăng Trưởng {number}{letter}")
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
    section = SectionPageFactory(
        parent=site.root_page,
        title=f"Chuyên mục {number}",
        slug=f"chuyen-muc-{number}",
        lead="Sa pô chuyên mục",
        show_in_menus=True,
    )
    SectionPageFactory(parent=section, title=f"Trang con {number}", slug=f"trang-con-{number}")
    unit = add_unit(site, f"Phòng tăng trưởng {number}")
    for title in ("đã trả lời", "đăng công khai"):
        answered(site, unit, f"Câu hỏi {number} {title} về chế độ", topic=topic, publish_name=True)
    ask(site, f"Câu hỏi {number} đang chờ trả lời")
    ReceptionSettings.objects.get_or_create(site=site, defaults={"place": "Phòng tiếp công dân"})
    ReceptionScheduleFactory(date=timezone.localdate() + dt.timedelta(days=number), leader=unit.leaders.first())
    PortalLink.objects.create(
        title=f"Liên kết {number}", url=f"https://lien-ket-{number}.gov.vn/", group=LinkGroup.MINISTRIES
    )
    SiteNotice.objects.create(site=site, title=f"Thông báo {number}")
    return number


def growth_topic():
    return TopicFactory(**TOPIC)


def add_article(site, title, topic=None, **fields):
    return NewsPageFactory(
        site=site,
        title=title,
        slug=f"tin-{next(SERIAL)}",
        lead=f"Sa pô {title}",
        body="<p>Nội dung.</p>",
        published_at=timezone.now(),
        topics=[topic] if topic else None,
        **fields,
    )


def add_unit(site, name):
    unit = UnitFactory(site=site, name=name, phone="024 3333 3333")
    LeaderFactory(unit=unit, name=f"Trưởng {name}", title="Trưởng phòng", is_head=True, sort_order=0)
    LeaderFactory(unit=unit, name=f"Phó {name}", title="Phó Trưởng phòng", sort_order=1)
    return unit


def ask(site, title, **fields):
    return AskedQuestionFactory(
        site=site,
        name="Nguyễn Văn Tăng",
        email="tang@example.vn",
        phone="",
        title=title,
        body="Tôi muốn hỏi điều kiện và mức hưởng theo quy định hiện hành.",
        **fields,
    )


def answered(site, unit, title, **fields):
    return ask(site, title, answer="Ông/Bà được hưởng khi đủ điều kiện theo Luật.", answer__unit=unit, **fields)
