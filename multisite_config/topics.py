"""The shared policy topics: the standard list, and the one lookup every list filtered by topic uses.

A client names a topic by slug or by id. A name that matches none is an error, never an empty list: a typo in a
filter must not look like "no item on this topic". The API says so with a 400 naming ``topic`` (``find_topic``),
the public pages with their list shown again at 400 with the message (``chosen_topic``).
"""

from django.core.exceptions import ValidationError as FormError
from django.db.models import Q
from ninja import Schema
from ninja.errors import ValidationError

from core.ids import as_id

from .models import Topic

STANDARD_TOPICS = [
    ("bhxh-bat-buoc", "BHXH bắt buộc"),
    ("bhxh-tu-nguyen", "BHXH tự nguyện"),
    ("bao-hiem-y-te", "Bảo hiểm y tế"),
    ("bao-hiem-that-nghiep", "Bảo hiểm thất nghiệp"),
    ("thu-so-the", "Thu, cấp sổ, thẻ"),
    ("giao-dich-dien-tu", "Giao dịch điện tử, VssID"),
    ("cong-thong-tin", "Cổng thông tin điện tử"),
]


class TopicOut(Schema):
    slug: str
    name: str


def topic_named(value: str) -> Topic | None:
    """The topic ``value`` names by slug or by id, or None: the one lookup behind both answers below."""
    lookup = Q(slug=value)
    topic_id = as_id(value)
    if topic_id is not None:
        lookup |= Q(pk=topic_id)
    return Topic.objects.filter(lookup).first()


def unknown_topic(value: str) -> str:
    return f"Không có chủ đề “{value}”."


def find_topic(value: str, location: str) -> Topic:
    """API: the topic ``value`` names; none is a 400 naming ``topic`` in ``location`` (``query`` or ``body``)."""
    topic = topic_named(value)
    if topic is None:
        raise ValidationError([{"loc": (location, "topic"), "msg": unknown_topic(value)}])
    return topic


def chosen_topic(value: str) -> Topic | None:
    """Public pages: the topic a ``?chu-de=`` value names, None for no value; a value that names none raises
    Django's ``ValidationError`` with the Vietnamese message, which a filter form shows under the field and a
    list page shows at status 400."""
    if not value:
        return None
    topic = topic_named(value)
    if topic is None:
        raise FormError(unknown_topic(value), code="unknown_topic")
    return topic


def ensure_topics(report):
    """The standard topics, created where missing (bootstrap's demo); returns them by slug."""
    topics = {}
    for slug, name in STANDARD_TOPICS:
        topics[slug], created = Topic.objects.get_or_create(slug=slug, defaults={"name": name})
        if created:
            report.change(f"demo: chủ đề “{name}”")
    return topics
