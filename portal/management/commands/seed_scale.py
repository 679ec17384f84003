"""Fill the bootstrapped sites with volume for benchmarks: news, legal documents, questions, units.

Pages are written in bulk rather than through ``Page.add_child``: add_child costs several queries and a
search-index write per page (about 120 pages/s here), so 100,000 pages would take about 14 minutes. Instead
each batch computes the treebeard ``path``/``depth``, the ``url_path`` and the translation key itself,
``bulk_create``s the ``wagtailcore_page`` rows, then inserts the specific rows (Django refuses
``bulk_create`` on a multi-table model, so they go through the same single-INSERT path it uses) and
bumps the parent's ``numchild``. What this skips on purpose: revisions (the pages are live with no
draft), the Wagtail search index (the portal's searches read the folded ``search_text`` columns, which
are filled here) and the reference index. A second run tops each site up to the target, never doubles it.
"""

import itertools
import random
import sys
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, Site

from contacts.models import Unit
from faq import transitions
from faq.models import Question, QuestionStatus, tracking_code
from home.models import NewsIndexPage, NewsPage
from legal.models import DocumentType, LegalDocumentIndexPage, LegalDocumentPage

BATCH = 500
NEWS_SHARE = 0.7  # of the pages: the rest are legal documents
QUESTIONS_PER_PAGE = 0.1
UNITS_PER_SITE = 12

SUBJECTS = [
    "bảo hiểm xã hội bắt buộc",
    "bảo hiểm y tế hộ gia đình",
    "bảo hiểm thất nghiệp",
    "chế độ thai sản",
    "lương hưu",
    "trợ cấp ốm đau",
    "đóng bảo hiểm xã hội tự nguyện",
    "cấp sổ bảo hiểm xã hội điện tử",
    "thẻ bảo hiểm y tế học sinh, sinh viên",
    "giám định chi phí khám bệnh, chữa bệnh",
    "thu nợ đóng chậm",
    "chuyển đổi số và ứng dụng VssID",
    "tai nạn lao động, bệnh nghề nghiệp",
    "đối thoại với doanh nghiệp",
]
NEWS_OPENINGS = [
    "Tăng cường tuyên truyền về",
    "Hội nghị triển khai",
    "Kiểm tra việc thực hiện",
    "Giải đáp vướng mắc về",
    "Đẩy mạnh phát triển người tham gia",
    "Sơ kết công tác",
    "Tập huấn nghiệp vụ",
    "Đối thoại chính sách về",
]
DOCUMENT_OPENINGS = [
    "V/v hướng dẫn thực hiện",
    "V/v tăng cường công tác",
    "V/v chấn chỉnh việc giải quyết",
    "Quy định về",
    "Ban hành quy trình",
    "V/v đôn đốc",
]
DOCUMENT_SUFFIXES = ["BHXH-CSXH", "BHXH-TST", "BHXH-PC", "QĐ-BHXH", "BHXH-GĐĐT", "BHXH-TCKT"]
SIGNERS = ["Nguyễn Thế Mạnh", "Chu Mạnh Sinh", "Lê Hùng Sơn", "Đào Việt Ánh", "Trần Đình Liệu"]
UNIT_NAMES = [
    "Phòng Thu – Sổ, thẻ",
    "Phòng Chế độ bảo hiểm xã hội",
    "Phòng Giám định bảo hiểm y tế",
    "Phòng Kế hoạch – Tài chính",
    "Phòng Quản lý thu",
    "Phòng Khai thác và thu nợ",
    "Văn phòng",
    "Phòng Kiểm tra",
    "Phòng Công nghệ thông tin",
    "Phòng Tổ chức cán bộ",
    "Phòng Truyền thông",
    "Phòng Tiếp nhận và trả kết quả",
]
ASKERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Dung", "Hoàng Đức Em"]


def progress(label, done, total):
    """One line on stderr per batch: visible in a terminal and in CI logs alike, never in stdout."""
    sys.stderr.write(f"\r{label}: {done}/{total}" + ("\n" if done >= total else ""))
    sys.stderr.flush()


class Command(BaseCommand):
    help = "Tạo dữ liệu quy mô lớn (tin, văn bản, câu hỏi, đơn vị) cho các trang để đo hiệu năng."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True, help="Tổng số trang tin và văn bản cần có.")
        parser.add_argument("--sites", default="all", help="'all' hoặc danh sách tên miền, cách nhau dấu phẩy.")
        parser.add_argument("--seed", type=int, default=6, help="Hạt giống ngẫu nhiên (để lặp lại được).")

    def handle(self, *args, pages, sites, seed, **options):
        chosen = self.chosen_sites(sites)
        rng = random.Random(seed)
        per_site = pages // len(chosen)
        news_target = round(per_site * NEWS_SHARE)
        targets = {
            "news": news_target,
            "documents": per_site - news_target,
            "questions": max(len(STATE_CYCLE), round(per_site * QUESTIONS_PER_PAGE)),
            "units": UNITS_PER_SITE,
        }
        total = {key: 0 for key in targets}
        for number, site in enumerate(chosen, 1):
            self.stderr.write(f"[{number}/{len(chosen)}] {site.hostname}")
            added = seed_site(site, targets, rng)
            for key, count in added.items():
                total[key] += count
        self.stdout.write("Đã thêm: " + ", ".join(f"{key} {count}" for key, count in total.items()))

    def chosen_sites(self, sites):
        queryset = Site.objects.select_related("root_page").order_by("-is_default_site", "hostname")
        if sites != "all":
            names = [name.strip() for name in sites.split(",") if name.strip()]
            queryset = queryset.filter(hostname__in=names)
            if queryset.count() != len(names):
                raise CommandError(f"Không tìm thấy trang trong danh sách: {sites}")
        chosen = list(queryset)
        if not chosen:
            raise CommandError("Chưa có trang nào: chạy bootstrap_portal trước.")
        return chosen


def seed_site(site, targets, rng):
    """Top one site up to the targets; returns how many of each were added."""
    news_index = NewsIndexPage.of_site(site)
    documents_index = LegalDocumentIndexPage.of_site(site)
    if news_index is None or documents_index is None:
        raise CommandError(f"{site.hostname}: thiếu chuyên mục tin hoặc văn bản (chạy bootstrap_portal).")
    province = site.root_page.title
    types = list(DocumentType.objects.all())
    added = {
        "units": seed_units(site, targets["units"]),
        "news": seed_pages(news_index, NewsPage, targets["news"], lambda: news_fields(province, rng)),
        "documents": seed_pages(
            documents_index, LegalDocumentPage, targets["documents"], lambda: document_fields(province, types, rng)
        ),
    }
    added["questions"] = seed_questions(site, targets["questions"], rng)
    return added


def seed_units(site, target):
    existing = set(Unit.objects.filter(site=site).values_list("name", flat=True))
    missing = [name for name in UNIT_NAMES[:target] if name not in existing][: max(0, target - len(existing))]
    Unit.objects.bulk_create(
        [
            Unit(
                site=site,
                name=name,
                address=f"Số {index + 1}, đường Trần Hưng Đạo",
                phone=f"0243{index:06d}",
                working_hours="Sáng 7h30–11h30, chiều 13h30–16h30 các ngày làm việc",
            )
            for index, name in enumerate(missing)
        ]
    )
    return len(missing)


def seed_pages(parent, model, target, fields_for):
    """Add children of ``model`` under ``parent`` until it has ``target`` of them, in batches."""
    missing = target - model.objects.child_of(parent).count()
    for start in range(0, max(0, missing), BATCH):
        size = min(BATCH, missing - start)
        with transaction.atomic():
            add_children(Page.objects.get(pk=parent.pk), model, [fields_for() for _ in range(size)])
        progress(f"  {model._meta.verbose_name}", start + size, missing)
    return max(0, missing)


def add_children(parent, model, field_sets):
    """Append live pages under ``parent`` in one batch: the generic rows, then the specific rows."""
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(model)
    pages = []
    for offset, fields in enumerate(field_sets, 1):
        path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        slug = f"{fields.pop('slug_prefix')}-{step + offset}"
        title = fields.pop("title")
        published = fields.pop("first_published_at")
        pages.append(
            model(
                **fields,
                title=title,
                draft_title=title,
                slug=slug,
                path=path,
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    generic = Page.objects.bulk_create(
        [
            Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields if f.attname != "id"})
            for page in pages
        ]
    )
    for page, row in zip(pages, generic, strict=True):
        page.page_ptr_id = page.id = row.id
        page.update_search_text()  # what ``save`` would store
    model._base_manager._insert(pages, fields=model._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))


def when(rng, days=730):
    return timezone.now() - timedelta(days=rng.uniform(1, days))


def news_fields(province, rng):
    subject = rng.choice(SUBJECTS)
    title = f"{rng.choice(NEWS_OPENINGS)} {subject} tại {province}"
    return {
        "slug_prefix": "tin-quy-mo",
        "title": title[:255],
        "first_published_at": when(rng),
        "lead": f"{province} tiếp tục triển khai các giải pháp về {subject}, bảo đảm quyền lợi người tham gia.",
        "body": f"<p>Sáng nay, {province} tổ chức hội nghị về {subject}.</p>"
        f"<p>Người dân có thể tra cứu thông tin trên ứng dụng VssID.</p>",
        "author": rng.choice(SIGNERS),
    }


def document_fields(province, types, rng):
    issued = (timezone.now() - timedelta(days=rng.uniform(1, 3650))).date()
    subject = f"{rng.choice(DOCUMENT_OPENINGS)} {rng.choice(SUBJECTS)}"
    code = f"{rng.randint(1, 9999)}/{rng.choice(DOCUMENT_SUFFIXES)}"
    return {
        "slug_prefix": "van-ban-quy-mo",
        "title": f"Công văn {code} {subject}"[:255],
        "first_published_at": timezone.now() - timedelta(days=rng.uniform(0, 30)),
        "number": code,
        "document_type": rng.choice(types) if types else None,
        "issuer": province,
        "place": "Hà Nội",
        "signer_name": rng.choice(SIGNERS),
        "signer_title": "Phó Giám đốc",
        "issued_on": issued,
        "subject": subject,
        "summary": f"{subject} trên địa bàn {province}.",
        "body": f"<p>Căn cứ Luật Bảo hiểm xã hội năm 2024; {subject.lower()}.</p>",
        "expires_on": issued + timedelta(days=1825) if rng.random() < 0.2 else None,
    }


STATE_CYCLE = [
    QuestionStatus.RECEIVED,
    QuestionStatus.CLASSIFIED,
    QuestionStatus.ASSIGNED,
    QuestionStatus.ANSWERED,
    QuestionStatus.PUBLISHED,
    QuestionStatus.PUBLISHED,
    QuestionStatus.REFUSED,
]


def seed_questions(site, target, rng):
    """Questions in every state with the timestamps and deadline that state implies."""
    missing = target - Question.objects.filter(site=site).count()
    if missing <= 0:
        return 0
    units = list(Unit.objects.filter(site=site))
    states = itertools.cycle(STATE_CYCLE)
    questions = [question_in(site, next(states), units, rng) for _ in range(missing)]
    for start in range(0, missing, BATCH):
        Question.objects.bulk_create(questions[start : start + BATCH])
        progress("  câu hỏi", min(start + BATCH, missing), missing)
    return missing


def question_in(site, status, units, rng):
    subject = rng.choice(SUBJECTS)
    received = when(rng, 365)
    question = Question(
        site=site,
        tracking_code=tracking_code(),
        name=rng.choice(ASKERS),
        email="nguoi.hoi@example.vn",
        publish_name=rng.random() < 0.5,
        title=f"Hỏi về {subject}",
        body=f"Tôi muốn hỏi thủ tục và điều kiện hưởng {subject}. Xin cảm ơn.",
        status=status,
        received_at=received,
    )
    reached = STATE_CYCLE.index(status) if status != QuestionStatus.REFUSED else -1
    if reached >= 1:
        question.classified_at = received + timedelta(hours=20)
    if reached >= 2:
        question.assigned_at = received + timedelta(days=1)
        question.unit = rng.choice(units) if units else None
    if reached >= 3:
        question.answered_at = received + timedelta(days=5)
        question.answer = f"Về {subject}, đề nghị ông/bà liên hệ cơ quan BHXH nơi cư trú để được hướng dẫn."
    if reached >= 4:
        question.published_at = received + timedelta(days=6)
    if status == QuestionStatus.REFUSED:
        question.refused_at = received + timedelta(days=1)
        question.refusal_reason = "Nội dung không thuộc phạm vi giải đáp."
    question.due_at = transitions.step_deadline(question)
    question.update_search_text()  # bulk_create skips ``save``
    return question
