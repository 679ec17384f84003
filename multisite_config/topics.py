"""The shared policy topics: the standard list, and the one lookup every API filter and form uses."""

from django.db.models import Q
from ninja import Schema
from ninja.errors import ValidationError

from core.api.fields import MAX_ID_DIGITS

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


def find_topic(value, location):
    """The shared topic a client names by slug or id; a name that matches none is a 400 naming ``topic``.

    A typo in a filter must not look like "no item on this topic", so it is an error, not an empty list.
    """
    lookup = Q(slug=value)
    if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
        lookup |= Q(pk=int(value))
    topic = Topic.objects.filter(lookup).first()
    if topic is None:
        raise ValidationError([{"loc": (location, "topic"), "msg": f"Không có chủ đề “{value}”."}])
    return topic


def ensure_topics(report):
    """The standard topics, created where missing (bootstrap's demo); returns them by slug."""
    topics = {}
    for slug, name in STANDARD_TOPICS:
        topics[slug], created = Topic.objects.get_or_create(slug=slug, defaults={"name": name})
        if created:
            report.change(f"demo: chủ đề “{name}”")
    return topics
