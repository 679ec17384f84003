"""Drafts open for comment: their structure, versions with stable anchors, the window rule, page and API."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from legal.demo_drafts import (
    CLOSED_SLUG,
    OPEN_SLUG,
    QA_GUIDE,
    RULES_V1,
    RULES_V2,
    demo_drafts,
    load_draft_demo,
)
from legal.importer import documents_index
from legal.models import (
    ArticleChange,
    ArticleKind,
    CommentPeriodRule,
    DocumentType,
    DraftArticle,
    DraftAttachment,
    DraftDocumentPage,
    DraftVersion,
)
from legal.structure import parse
from legal.versions import ArticleLocator, where_now
from tests.support.sites import DANANG, HANOI
from tests.support.sites import DOCUMENTS as SECTION

UNIT = "Bảo hiểm xã hội thành phố Hà Nội"
V1, V2 = RULES_V1.format(unit=UNIT), RULES_V2.format(unit=UNIT)


@pytest.fixture
def make_draft(db):
    """make_draft(site, text, **fields): a published draft of type Quy chế (10 days at least), open now."""
    counter = iter(range(1, 10_000))

    def make(site, text, **fields):
        now = timezone.now()
        fields = {
            "title": f"Dự thảo {next(counter)}",
            "drafting_unit": "Văn phòng",
            "document_type": DocumentType.objects.get(slug="quy-che"),
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=20),
            **fields,
        }
        draft = DraftDocumentPage(draft_text=text, **fields)
        documents_index(site).add_child(instance=draft)
        draft.save_revision().publish()
        return draft

    return make


def publish(draft, text):
    draft.draft_text = text
    draft.save_revision().publish()


def latest(draft):
    return {article.label: article for article in draft.latest_version().articles.all()}


# Structure


def test_a_realistic_draft_splits_into_chapters_articles_clauses_and_points():
    structure = parse(V1)
    articles = structure.articles
    labels = [article.label for article in articles]

    assert structure.preamble.startswith("QUY CHẾ\nHoạt động của Cổng Thông tin điện tử")
    assert "Căn cứ Luật Tiếp cận thông tin" in structure.preamble
    assert [a.label for a in articles if a.kind == ArticleKind.CHAPTER] == ["Chương I", "Chương II", "Chương III"]
    assert [a.heading for a in articles if a.kind == ArticleKind.CHAPTER] == [
        "QUY ĐỊNH CHUNG",
        "CUNG CẤP THÔNG TIN",
        "TỔ CHỨC THỰC HIỆN",
    ]
    assert [a.label for a in articles if a.kind == ArticleKind.ARTICLE] == [f"Điều {n}" for n in range(1, 8)]
    point = articles[labels.index("Điểm đ khoản 1 Điều 4")]
    clause = articles[point.parent]
    article = articles[clause.parent]
    assert point.text.startswith("Cung cấp thông tin hướng dẫn chính sách mới")
    assert (clause.label, article.label, article.heading) == (
        "Khoản 1 Điều 4",
        "Điều 4",
        "Thời gian, trách nhiệm cung cấp thông tin",
    )
    assert articles[article.parent].label == "Chương II"
    assert [a.label for a in articles if a.parent == labels.index("Khoản 1 Điều 4")] == [
        f"Điểm {letter} khoản 1 Điều 4" for letter in "abcdđ"
    ]
    assert articles[labels.index("Điều 7")].text.startswith("Quy chế này có hiệu lực kể từ ngày ký.")


def test_headings_on_the_chapter_line_continuation_lines_and_citations_inside_text():
    articles = parse(
        "Chương II. TỔ CHỨC THỰC HIỆN\nĐiều 5: Trách nhiệm\nCác đơn vị thực hiện theo\nĐiều 8 Quy chế này.\n"
        "1. Văn phòng:\na) Tổng hợp;\n- báo cáo hằng quý\nb) Đăng tải.\n2. Các phòng.\n"
    ).articles

    assert [(a.label, a.heading) for a in articles[:2]] == [
        ("Chương II", "TỔ CHỨC THỰC HIỆN"),
        ("Điều 5", "Trách nhiệm"),
    ]
    assert articles[1].text == "Các đơn vị thực hiện theo\nĐiều 8 Quy chế này."
    assert [a.label for a in articles[2:]] == [
        "Khoản 1 Điều 5",
        "Điểm a khoản 1 Điều 5",
        "Điểm b khoản 1 Điều 5",
        "Khoản 2 Điều 5",
    ]
    assert articles[3].text == "Tổng hợp;\n- báo cáo hằng quý"


def test_numbered_lines_outside_any_article_are_text_not_clauses():
    structure = parse("Căn cứ:\n1. Luật Báo chí;\n2. Luật Công nghệ thông tin.\nĐiều 1. Phạm vi\nNội dung.")

    assert structure.preamble == "Căn cứ:\n1. Luật Báo chí;\n2. Luật Công nghệ thông tin."
    assert [a.label for a in structure.articles] == ["Điều 1"]


# Versions


def test_publishing_records_a_version_only_when_the_text_changes(hanoi, make_draft):
    draft = make_draft(hanoi, V1)
    publish(draft, V1.replace("\n", "\r\n") + "  \n")
    assert list(draft.versions.values_list("number", flat=True)) == [1]

    publish(draft, V2)
    assert list(draft.versions.values_list("number", flat=True)) == [1, 2]
    version = draft.latest_version()
    assert version.text == V2.strip()
    assert version.articles.filter(kind=ArticleKind.POINT).count() == 5
    point = version.articles.get(label="Điểm đ khoản 1 Điều 4")
    assert point.parent.label == "Khoản 1 Điều 4" and point.parent.parent.label == "Điều 4"


def test_anchors_survive_renumbering_and_rewording(hanoi, make_draft):
    draft = make_draft(hanoi, V1)
    before = latest(draft)
    publish(draft, V2)
    after = latest(draft)

    in_force = after["Điều 6"]
    assert (in_force.anchor, in_force.change, in_force.previous_label) == (
        before["Điều 7"].anchor,
        ArticleChange.RENUMBERED,
        "Điều 7",
    )
    article_4 = after["Điều 4"]
    assert (article_4.anchor, article_4.change) == (before["Điều 4"].anchor, ArticleChange.CHANGED)
    assert after["Điều 5"].anchor == before["Điều 5"].anchor and after["Điều 5"].change == ArticleChange.UNCHANGED
    assert after["Điểm đ khoản 1 Điều 4"].anchor == before["Điểm đ khoản 1 Điều 4"].anchor
    assert after["Khoản 2 Điều 4"].change == ArticleChange.CHANGED
    moved = after["Khoản 3 Điều 4"]  # the quarterly report, taken over from the dropped article 6
    assert (moved.anchor, moved.change) == (before["Khoản 2 Điều 6"].anchor, ArticleChange.RENUMBERED_CHANGED)
    assert before["Điều 6"].anchor not in {article.anchor for article in after.values()}


def test_an_inserted_article_is_new_and_the_following_ones_renumbered(hanoi, make_draft):
    text = "Điều 1. Phạm vi\nQuy chế này quy định việc vận hành Cổng.\nĐiều 2. Đối tượng\nCác đơn vị trực thuộc."
    draft = make_draft(hanoi, text)
    before = latest(draft)
    publish(
        draft,
        text.replace(
            "Điều 2. Đối tượng",
            "Điều 2. Giải thích từ ngữ\nCổng là Cổng Thông tin điện tử của ngành.\nĐiều 3. Đối tượng",
        ),
    )
    after = latest(draft)

    assert after["Điều 2"].change == ArticleChange.NEW and after["Điều 2"].previous_label == ""
    assert after["Điều 2"].anchor not in {article.anchor for article in before.values()}
    assert (after["Điều 3"].anchor, after["Điều 3"].change) == (before["Điều 2"].anchor, ArticleChange.RENUMBERED)
    assert after["Điều 1"].change == ArticleChange.UNCHANGED


def test_a_rewritten_article_keeps_its_anchor_by_its_label(hanoi, make_draft):
    draft = make_draft(hanoi, "Điều 1. Phạm vi\nQuy chế này quy định việc vận hành Cổng.")
    before = latest(draft)["Điều 1"]
    publish(draft, "Điều 1. Đối tượng áp dụng\nCác đơn vị trực thuộc và công chức, viên chức của ngành.")
    after = latest(draft)["Điều 1"]

    assert (after.anchor, after.change) == (before.anchor, ArticleChange.CHANGED)


def test_a_new_provision_never_takes_the_anchor_of_a_removed_one(hanoi, make_draft, monkeypatch):
    kept = "Điều 1. Phạm vi\nQuy chế này quy định việc vận hành Cổng."
    draft = make_draft(hanoi, kept + "\nĐiều 2. Đối tượng\nCác đơn vị trực thuộc.")
    removed = latest(draft)["Điều 2"].anchor
    publish(draft, kept)
    fresh = iter([removed, "0000beef"])
    monkeypatch.setattr("legal.versions.secrets.token_hex", lambda size: next(fresh))

    publish(draft, kept + "\nĐiều 2. Kinh phí\nKinh phí vận hành do ngân sách bảo đảm.")

    assert latest(draft)["Điều 2"].anchor == "0000beef"
    assert where_now(draft, removed).removed


def test_where_now_follows_a_provision_across_versions(hanoi, make_draft):
    draft = make_draft(hanoi, V1)
    first = draft.latest_version()
    v1 = latest(draft)
    publish(draft, V2)
    publish(draft, V2.replace("Văn phòng chủ trì", "Văn phòng").replace("nếu có vướng mắc", "khi có vướng mắc"))

    moved = where_now(draft, v1["Điều 7"].anchor, since=first)
    assert (moved.article.label, moved.removed, moved.original_label) == ("Điều 6", False, "Điều 7")
    assert moved.change == ArticleChange.RENUMBERED_CHANGED
    assert moved.description == "nay là Điều 6, đã sửa"
    changed = where_now(draft, v1["Điều 4"].anchor, since=1)
    assert (changed.label, changed.change, changed.description) == ("Điều 4", ArticleChange.CHANGED, "đã sửa")
    untouched = where_now(draft, v1["Điều 1"].anchor, since=first)
    assert (untouched.change, untouched.description) == (ArticleChange.UNCHANGED, "không thay đổi")
    removed = where_now(draft, v1["Điều 6"].anchor, since=first)
    assert (removed.article, removed.removed, removed.label, removed.change) == (None, True, "Điều 6", None)
    assert removed.description == "đã bị bỏ"
    assert where_now(draft, "") is None and where_now(draft, "nope") is None


def test_where_now_without_since_reports_the_latest_change(hanoi, make_draft):
    draft = make_draft(hanoi, V1)
    v1 = latest(draft)
    publish(draft, V2)

    place = where_now(draft, v1["Điều 7"].anchor)
    assert (place.label, place.original_label, place.description) == ("Điều 6", "Điều 7", "nay là Điều 6")


def test_the_locator_places_many_anchors_with_one_query(hanoi, make_draft, django_assert_num_queries):
    draft = make_draft(hanoi, V1)
    anchors = list(DraftArticle.objects.filter(version__draft=draft).values_list("anchor", flat=True))
    publish(draft, V2)
    with django_assert_num_queries(1):
        locator = ArticleLocator(draft)
        places = [locator.where(anchor, since=1) for anchor in anchors]
    assert sum(place.removed for place in places) == 2  # article 6 and its first clause (the second moved)


# The comment window


def window(days, hours=0, type_slug="quy-che"):
    opens = timezone.now()
    return DraftDocumentPage(
        title="Dự thảo",
        drafting_unit="Văn phòng",
        draft_text="Điều 1. Phạm vi",
        document_type=DocumentType.objects.get(slug=type_slug),
        opens_at=opens,
        closes_at=opens + timedelta(days=days, hours=hours),
    )


@pytest.mark.parametrize(
    "days, hours, type_slug", [(9, 23, "quy-che"), (19, 0, "thong-tu"), (0, 0, "quy-che"), (-3, 0, "quy-che")]
)
def test_a_window_shorter_than_the_types_minimum_is_refused_on_closes_at(db, days, hours, type_slug):
    with pytest.raises(ValidationError) as refused:
        window(days, hours, type_slug).clean()
    assert list(refused.value.message_dict) == ["closes_at"]


@pytest.mark.parametrize("days, type_slug", [(10, "quy-che"), (20, "thong-tu"), (30, "huong-dan")])
def test_a_window_of_the_minimum_length_or_more_is_accepted(db, days, type_slug):
    window(days, type_slug=type_slug).clean()


def test_the_minimum_follows_the_editable_rule(db):
    CommentPeriodRule.objects.filter(document_type__slug="quy-che").update(min_days=15)
    with pytest.raises(ValidationError):
        window(10).clean()


def test_only_the_centre_edits_the_minimum_windows(client, centre_user, hanoi_board):
    rule = CommentPeriodRule.objects.get(document_type__slug="quy-che")
    url = reverse("wagtailsnippets_legal_commentperiodrule:edit", args=[rule.pk])

    client.force_login(hanoi_board)
    assert client.post(url, {"document_type": rule.document_type_id, "min_days": 1}).status_code == 302
    rule.refresh_from_db()
    assert rule.min_days == 10  # redirected away without a change: boards cannot edit the rules

    client.force_login(centre_user)
    assert client.post(url, {"document_type": rule.document_type_id, "min_days": 15}).status_code == 302
    rule.refresh_from_db()
    assert rule.min_days == 15


def draft_form(index, **fields):
    return nested_form_data(
        {
            "title": "Dự thảo Quy chế tiếp công dân",
            "slug": "du-thao-quy-che-tiep-cong-dan",
            "document_type": DocumentType.objects.get(slug="quy-che").pk,
            "drafting_unit": "Văn phòng",
            "summary": "",
            "draft_text": "Điều 1. Phạm vi\nQuy chế này quy định việc tiếp công dân.",
            "attachments": inline_formset([]),
            "action-publish": "action-publish",
            **fields,
        }
    )


def test_the_editor_sees_a_too_short_window_in_the_admin_form_and_nothing_is_published(client, hanoi_board, hanoi):
    client.force_login(hanoi_board)
    index = documents_index(hanoi)
    url = reverse("wagtailadmin_pages:add", args=["legal", "draftdocumentpage", index.pk])

    response = client.post(url, draft_form(index, opens_at="2026-12-01 08:00", closes_at="2026-12-05 17:00"))

    assert response.status_code == 200
    assert "closes_at" in response.context["form"].errors
    assert "ít nhất 10 ngày" in response.context["form"].errors["closes_at"][0]
    assert not DraftDocumentPage.objects.child_of(index).exists() and not DraftVersion.objects.exists()

    response = client.post(url, draft_form(index, opens_at="2026-12-01 08:00", closes_at="2026-12-11 08:00"))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    draft = DraftDocumentPage.objects.child_of(index).get()
    assert draft.live and draft.latest_version().articles.get().label == "Điều 1"


# The public page and the documents section


def test_the_page_shows_the_window_state_structure_and_history(client, hanoi, make_draft):
    draft = make_draft(hanoi, V1, summary="Tóm tắt dự thảo.")
    v1 = latest(draft)
    publish(draft, V2)

    response = client.get(draft.url, HTTP_HOST=HANOI)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Đang lấy ý kiến" in html and "Tóm tắt dự thảo." in html
    assert "Căn cứ Luật Tiếp cận thông tin" in html
    assert f'<h4 id="dieu-{v1["Điều 1"].anchor}" class="draft-article">Điều 1. Phạm vi điều chỉnh' in html
    assert f'id="dieu-{v1["Điều 7"].anchor}"' in html
    assert f'id="dieu-{v1["Điểm đ khoản 1 Điều 4"].anchor}"' in html
    assert f'<a href="#dieu-{v1["Điều 7"].anchor}">Điều 6</a>: Đánh số lại (trước là Điều 7)' in html
    assert f'<a href="#dieu-{v1["Điều 4"].anchor}">Điều 4</a>: Sửa nội dung' in html
    assert "Điều 6 “Trách nhiệm của Ban Biên tập”: đã bỏ" in html
    assert "Phiên bản 1" in html and "Phiên bản 2" in html


@pytest.mark.parametrize("opens, closes, label", [(2, 20, "Sắp lấy ý kiến"), (-30, -5, "Đã hết hạn lấy ý kiến")])
def test_the_page_shows_upcoming_and_closed_states(client, hanoi, make_draft, opens, closes, label):
    now = timezone.now()
    draft = make_draft(hanoi, V1, opens_at=now + timedelta(days=opens), closes_at=now + timedelta(days=closes))

    assert f'<strong class="draft-state">{label}</strong>' in client.get(draft.url, HTTP_HOST=HANOI).content.decode()


def section_queries(client):
    client.get(SECTION, HTTP_HOST=HANOI)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SECTION, HTTP_HOST=HANOI)
    return response, len(queries)


def test_the_documents_section_lists_its_own_drafts_with_their_state(client, hanoi, danang, make_draft):
    now = timezone.now()
    make_draft(hanoi, V1, title="Dự thảo đang mở")
    _, one = section_queries(client)
    make_draft(
        hanoi, V1, title="Dự thảo đã đóng", opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=10)
    )
    make_draft(danang, V1, title="Dự thảo của Đà Nẵng")

    response, many = section_queries(client)
    html = response.content.decode()

    assert many == one
    assert "Dự thảo lấy ý kiến" in html
    assert "Dự thảo đang mở</a> – <strong>Đang lấy ý kiến</strong>" in html
    assert "Dự thảo đã đóng</a> – <strong>Đã hết hạn lấy ý kiến</strong>" in html
    assert "Dự thảo của Đà Nẵng" not in html


# API


def api_list(client, host=HANOI, **params):
    return client.get("/api/v1/drafts/", params, HTTP_HOST=host)


def test_the_list_gives_the_sites_drafts_with_their_state(client, hanoi, danang, make_draft):
    draft = make_draft(hanoi, V1, title="Dự thảo Quy chế")
    make_draft(danang, V1, title="Dự thảo của Đà Nẵng")

    body = api_list(client).json()

    assert body["count"] == 1
    item = body["items"][0]
    opens_at, closes_at = item.pop("opens_at"), item.pop("closes_at")
    assert item == {
        "id": draft.pk,
        "title": "Dự thảo Quy chế",
        "document_type": {"slug": "quy-che", "name": "Quy chế"},
        "drafting_unit": "Văn phòng",
        "summary": "",
        "state": "open",
        "url": f"http://{HANOI}{SECTION}{draft.slug}/",
    }
    assert opens_at.endswith("+07:00") and datetime.fromisoformat(opens_at) == draft.opens_at.replace(
        microsecond=draft.opens_at.microsecond // 1000 * 1000
    )
    assert datetime.fromisoformat(closes_at) - datetime.fromisoformat(opens_at) == draft.closes_at - draft.opens_at


def test_the_state_filter_selects_and_is_validated(client, hanoi, make_draft):
    now = timezone.now()
    upcoming = make_draft(hanoi, V1, opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=30))
    current = make_draft(hanoi, V1)
    closed = make_draft(hanoi, V1, opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=10))

    for state, draft in [("upcoming", upcoming), ("open", current), ("closed", closed)]:
        items = api_list(client, state=state).json()["items"]
        assert [(item["id"], item["state"]) for item in items] == [(draft.pk, state)]
    refused = api_list(client, state="mo")
    assert refused.status_code == 400 and "state" in refused.json()["errors"]


def test_the_drafts_list_honours_q_in_the_api_and_the_section(client, hanoi, make_draft):
    """Issue 15: ``q`` was ignored by the drafts list; it is the portal's one search (``core.search``)."""
    card = make_draft(hanoi, V1, title="Dự thảo Quy chế cấp thẻ bảo hiểm y tế")
    make_draft(hanoi, V1, title="Dự thảo Quy định theo dõi hồ sơ")

    for query in ("thẻ", "the bao hiem?", "“thẻ bảo hiểm”"):
        assert [item["id"] for item in api_list(client, q=query).json()["items"]] == [card.pk]
        html = client.get(SECTION, {"q": query}, HTTP_HOST=HANOI).content.decode()
        assert "Dự thảo Quy chế cấp thẻ" in html and "theo dõi" not in html
    assert api_list(client, q="x" * 201).status_code == 400
    assert api_list(client, q="?").json()["count"] == 2


def test_the_list_costs_the_same_for_one_draft_or_many(client, hanoi, make_draft):
    make_draft(hanoi, V1)
    api_list(client)
    with CaptureQueriesContext(connection) as one:
        api_list(client)
    for _ in range(4):
        make_draft(hanoi, V1)
    with CaptureQueriesContext(connection) as many:
        assert api_list(client).json()["count"] == 5
    assert len(many) == len(one)


def test_the_detail_gives_the_latest_versions_articles(client, hanoi, make_draft):
    draft = make_draft(hanoi, V1)
    v1 = latest(draft)
    publish(draft, V2)

    response = client.get(f"/api/v1/drafts/{draft.pk}/", HTTP_HOST=HANOI)
    body = response.json()
    articles = {article["label"]: article for article in body["articles"]}

    assert response.status_code == 200 and "ETag" in response
    assert body["version"]["number"] == 2 and [v["number"] for v in body["versions"]] == [2, 1]
    assert articles["Điều 6"] == {
        "anchor": v1["Điều 7"].anchor,
        "kind": "article",
        "label": "Điều 6",
        "heading": "Hiệu lực thi hành",
        "text": articles["Điều 6"]["text"],
        "parent": articles["Chương III"]["anchor"],
        "change": "renumbered",
        "previous_label": "Điều 7",
    }
    assert articles["Điểm đ khoản 1 Điều 4"]["parent"] == articles["Khoản 1 Điều 4"]["anchor"]
    assert articles["Chương I"]["parent"] is None and articles["Chương I"]["heading"] == "QUY ĐỊNH CHUNG"
    assert body["attachments"] == [] and body["state"] == "open"


def test_attachments_are_listed_with_their_address(client, hanoi, make_draft):
    document = get_document_model().objects.create(
        title="to-trinh.pdf", file=ContentFile(b"%PDF-1.4", name="to-trinh.pdf")
    )
    draft = make_draft(hanoi, V1)
    draft.attachments.add(DraftAttachment(document=document, label="Tờ trình dự thảo Quy chế"))
    draft.save_revision().publish()

    body = client.get(f"/api/v1/drafts/{draft.pk}/", HTTP_HOST=HANOI).json()
    html = client.get(draft.url, HTTP_HOST=HANOI).content.decode()

    assert body["attachments"] == [
        {"title": "Tờ trình dự thảo Quy chế", "kind": "explanatory", "url": f"http://{HANOI}{document.url}"}
    ]
    assert f'<a href="{document.url}" download>Tờ trình dự thảo Quy chế</a>' in html


def test_the_detail_costs_the_same_however_long_the_draft(client, hanoi, make_draft):
    short = make_draft(hanoi, "Điều 1. Phạm vi\nNội dung.")
    long = make_draft(hanoi, V1)
    client.get(f"/api/v1/drafts/{short.pk}/", HTTP_HOST=HANOI)
    counts = []
    for draft in (short, long):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/drafts/{draft.pk}/", HTTP_HOST=HANOI).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_another_sites_or_an_unpublished_draft_is_a_404(client, hanoi, danang, make_draft):
    draft = make_draft(hanoi, V1)
    response = client.get(f"/api/v1/drafts/{draft.pk}/", HTTP_HOST=DANANG)
    assert response.status_code == 404 and response["Content-Type"] == "application/problem+json"
    assert client.get(f"/api/v1/drafts/{draft.pk}/", {"site": DANANG}, HTTP_HOST=HANOI).status_code == 404
    assert client.get(f"/api/v1/drafts/{draft.pk}/", {"site": HANOI}, HTTP_HOST=DANANG).status_code == 200

    draft.unpublish()
    assert client.get(f"/api/v1/drafts/{draft.pk}/", HTTP_HOST=HANOI).status_code == 404
    assert api_list(client).json()["count"] == 0


# Demo


def test_the_demo_drafts_are_built_once(db, national, hanoi):
    class Report:
        def __init__(self):
            self.changes, self.warnings = [], []

        def change(self, message):
            self.changes.append(message)

    first, second = Report(), Report()
    load_draft_demo(first)
    load_draft_demo(second)

    drafts = list(demo_drafts().order_by("slug", "pk"))
    assert len(first.changes) == 4 and second.changes == [] and first.warnings == []
    assert {(draft.slug, draft.get_site()) for draft in drafts} == {
        (slug, site) for slug in (OPEN_SLUG, CLOSED_SLUG) for site in (national, hanoi)
    }
    for draft in drafts:
        expected = ("open", 2) if draft.slug == OPEN_SLUG else ("closed", 1)
        assert (draft.state(), draft.versions.count()) == expected
    opened = next(draft for draft in drafts if draft.slug == OPEN_SLUG)
    changes = dict(opened.latest_version().articles.filter(kind="article").values_list("label", "change"))
    assert changes["Điều 6"] == "renumbered" and changes["Điều 4"] == "changed"
    assert QA_GUIDE.split("\n")[0] in next(d for d in drafts if d.slug == CLOSED_SLUG).draft_text
