"""The public side of questions: published answers, the question form, the confirmation and tracking.

Every page is served under one site's hostname and must show that site's records only, never an asker's
e-mail or phone, and the name only with consent.
"""

import datetime as dt
import re
import time
from unittest import mock
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import abuse
from faq import transitions
from faq.models import OutboundEmail, Question
from faq.models import QuestionStatus as S
from tests.contacts.factories import UnitFactory
from tests.faq.factories import ANSWER, ASKER, AskedQuestionFactory
from tests.multisite_config.factories import TopicFactory
from tests.support.sites import DANANG, HANOI

FORM_URL = "/hoi-dap/dat-cau-hoi/"
TRACK_URL = "/hoi-dap/tra-cuu/"
EMAIL, PHONE = ASKER["email"], ASKER["phone"]


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate-limit counters live in the cache, which outlives a test's rolled-back transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def browser(db):
    return Client(HTTP_HOST=HANOI)


@pytest.fixture
def pension(db):
    return TopicFactory(slug="luong-huu-thu-nghiem", name="Lương hưu (thử nghiệm)")


@pytest.fixture
def health(db):
    return TopicFactory(slug="bhyt-thu-nghiem", name="Bảo hiểm y tế (thử nghiệm)")


def text(tag):
    return " ".join(tag.get_text(" ").split())


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def get(client, path, status=200, **params):
    response = client.get(path, params)
    assert response.status_code == status, (path, response.status_code)
    return soup_of(response)


def ask(site, title, **fields):
    return AskedQuestionFactory(site=site, title=title, **fields)


def published(site, title, answer=ANSWER, **fields):
    return AskedQuestionFactory(site=site, title=title, answer=answer, **fields)


def answer_url(question):
    return f"/hoi-dap/{question.pk}/"


def listed_titles(soup):
    return [text(item.h3) for item in soup.select(".qa-list .qa-item")]


def aged_token(seconds):
    """A timing token issued ``seconds`` ago, as if the person had spent that long on the form."""
    issued = time.time() - seconds
    with mock.patch("core.abuse.time.time", return_value=issued):
        return abuse.form_token()


def form_data(**overrides):
    data = {
        "name": "Trần Thị Bình",
        "email": "binh@example.vn",
        "phone": "0912 345 678",
        "topic": "",
        "title": "Cách tính lương hưu khi nghỉ hưu trước tuổi",
        "body": "Tôi đóng bảo hiểm xã hội 22 năm, nay muốn nghỉ hưu trước tuổi thì lương hưu tính thế nào?",
        "publish_name": "on",
        abuse.HONEYPOT_FIELD: "",
        abuse.TIMING_FIELD: aged_token(60),
    }
    return {**data, **overrides}


# -- the list ----------------------------------------------------------------------------------------------


def test_list_shows_only_this_sites_published_questions(browser, hanoi, danang):
    published(hanoi, "Hà Nội: thủ tục hưởng chế độ thai sản")
    published(danang, "Đà Nẵng: cấp lại thẻ bảo hiểm y tế")
    ask(hanoi, "Hà Nội: câu hỏi chưa trả lời")
    soup = get(browser, "/hoi-dap/")
    assert listed_titles(soup) == ["Hà Nội: thủ tục hưởng chế độ thai sản"]
    assert "Đà Nẵng" not in text(soup.main) and "chưa trả lời" not in text(soup.main)
    question = Question.objects.get(title__startswith="Hà Nội: thủ tục")
    assert soup.select_one(".qa-list a")["href"] == answer_url(question)
    assert EMAIL not in soup.decode() and PHONE not in soup.decode()


def test_search_ignores_diacritics_including_d_stroke(browser, hanoi):
    published(hanoi, "Mức đóng bảo hiểm xã hội tự nguyện")
    published(
        hanoi,
        "Thủ tục cấp lại thẻ y tế",
        body="Thẻ của tôi bị mất, tôi cần làm gì để được cấp lại?",
        answer="Ông/Bà nộp tờ khai TK1-TS tại cơ quan gần nhất.",
    )
    assert listed_titles(get(browser, "/hoi-dap/", q="bao hiem")) == ["Mức đóng bảo hiểm xã hội tự nguyện"]
    assert listed_titles(get(browser, "/hoi-dap/", q="DONG tu nguyen")) == ["Mức đóng bảo hiểm xã hội tự nguyện"]
    assert listed_titles(get(browser, "/hoi-dap/", q="bi mat")) == ["Thủ tục cấp lại thẻ y tế"]  # in the body
    assert listed_titles(get(browser, "/hoi-dap/", q="“Thẻ y tế”, cấp lại?")) == ["Thủ tục cấp lại thẻ y tế"]
    soup = get(browser, "/hoi-dap/", q="hoc phi")
    assert listed_titles(soup) == [] and "Chưa có câu hỏi nào phù hợp" in text(soup.main)


def test_topic_filter_by_slug_or_id_and_an_unknown_topic_is_a_400_naming_it(browser, hanoi, pension, health):
    published(hanoi, "Điều kiện hưởng lương hưu", topic=pension)
    published(hanoi, "Khám chữa bệnh trái tuyến", topic=health)
    assert listed_titles(get(browser, "/hoi-dap/", **{"chu-de": pension.slug})) == ["Điều kiện hưởng lương hưu"]
    assert listed_titles(get(browser, "/hoi-dap/", **{"chu-de": str(health.pk)})) == ["Khám chữa bệnh trái tuyến"]
    unknown = get(browser, "/hoi-dap/", status=400, **{"chu-de": "khong-co"})
    assert listed_titles(unknown) == []
    assert text(unknown.find(id="loi-chu-de")) == "Không có chủ đề “khong-co”."
    assert unknown.find(id="qa-topic")["aria-invalid"] == "true"
    selected = get(browser, "/hoi-dap/", **{"chu-de": pension.slug}).select_one("#qa-topic option[selected]")
    assert selected["value"] == pension.slug


def test_pagination_survives_bad_page_numbers_and_keeps_the_filters(browser, hanoi, monkeypatch):
    monkeypatch.setattr("faq.models.pages.PER_PAGE", 2)
    for number in range(3):
        published(hanoi, f"Câu hỏi về bảo hiểm số {number}")
    assert len(listed_titles(get(browser, "/hoi-dap/", trang="abc"))) == 2
    assert len(listed_titles(get(browser, "/hoi-dap/", trang="999"))) == 1
    assert len(listed_titles(get(browser, "/hoi-dap/", trang="-1"))) == 1
    next_link = get(browser, "/hoi-dap/", q="bao hiem").select_one(".pagination a[rel=next]")["href"]
    assert "q=bao+hiem" in next_link and "trang=2" in next_link


def test_list_query_count_does_not_grow_with_the_number_of_answers(browser, hanoi, pension):
    published(hanoi, "Câu hỏi đầu tiên về lương hưu", topic=pension)
    browser.get("/hoi-dap/")
    with CaptureQueriesContext(connection) as one:
        browser.get("/hoi-dap/")
    for number in range(4):
        published(hanoi, f"Câu hỏi tiếp theo số {number}", topic=pension)
    with CaptureQueriesContext(connection) as five:
        assert len(listed_titles(soup_of(browser.get("/hoi-dap/")))) == 5
    assert len(five) == len(one)


@pytest.mark.parametrize(
    ("path", "heading"), [("/hoi-dap/", "Hỏi đáp"), (FORM_URL, "Đặt câu hỏi"), (TRACK_URL, "Tra cứu câu hỏi")]
)
def test_each_route_has_one_h1_in_main_and_a_breadcrumb_back_to_the_section(browser, path, heading):
    soup = get(browser, path)
    assert [text(h1) for h1 in soup.find_all("h1")] == [heading] and soup.h1.find_parent("main") is not None
    trail = soup.find("nav", attrs={"aria-label": "Đường dẫn"})
    assert trail.find("a", href="/") is not None
    assert text(trail.find(attrs={"aria-current": "page"})) == heading
    assert soup.title.string.startswith(heading)


# -- one answer --------------------------------------------------------------------------------------------


def test_answer_page_shows_question_answer_dates_and_never_contact_details(browser, hanoi, pension):
    question = published(hanoi, "Hưởng bảo hiểm xã hội một lần", topic=pension, publish_name=False)
    soup = get(browser, answer_url(question))
    assert text(soup.h1) == "Hưởng bảo hiểm xã hội một lần"
    main = text(soup.main)
    assert "Tôi muốn hỏi về điều kiện và mức hưởng" in main and "Luật Bảo hiểm xã hội 2024" in main
    assert pension.name in main
    for label in ("Ngày gửi câu hỏi", "Ngày trả lời", "Rà soát lần cuối"):
        assert label in main
    assert timezone.localtime(question.published_at).strftime("%d/%m/%Y") in main
    page = soup.decode()
    assert EMAIL not in page and PHONE not in page and "Nguyễn Văn An" not in page
    assert question.tracking_code not in page and question.display_code not in page


def test_answer_page_shows_the_name_only_with_consent(browser, hanoi):
    question = published(hanoi, "Đổi nơi khám chữa bệnh ban đầu", publish_name=True)
    soup = get(browser, answer_url(question))
    assert "Người hỏi Nguyễn Văn An" in text(soup.find("dl"))
    assert EMAIL not in soup.decode() and PHONE not in soup.decode()


def test_answers_of_another_site_or_not_yet_published_are_not_found(browser, hanoi, danang):
    elsewhere = published(danang, "Câu hỏi của Đà Nẵng")
    unpublished = ask(hanoi, "Câu hỏi đang xử lý")
    refused = ask(hanoi, "Câu hỏi ngoài phạm vi")
    transitions.refuse(refused, None, reason="Không thuộc phạm vi")
    for question in (elsewhere, unpublished, refused):
        get(browser, answer_url(question), status=404)
    get(browser, "/hoi-dap/999999/", status=404)
    get(Client(HTTP_HOST=DANANG), answer_url(elsewhere))


def test_related_questions_share_the_topic_and_site(browser, hanoi, danang, pension, health):
    question = published(hanoi, "Cách tính lương hưu", topic=pension)
    published(hanoi, "Thời điểm hưởng lương hưu", topic=pension)
    published(hanoi, "Thẻ bảo hiểm y tế điện tử", topic=health)
    published(danang, "Lương hưu ở Đà Nẵng", topic=pension)
    ask(hanoi, "Lương hưu chưa trả lời", topic=pension)
    related = get(browser, answer_url(question)).find(attrs={"aria-labelledby": "qa-related-heading"})
    assert [text(link) for link in related.find_all("a")] == ["Thời điểm hưởng lương hưu"]


# -- the rating --------------------------------------------------------------------------------------------


def rate(client, question, value="co"):
    return client.post(answer_url(question), {"huu-ich": value})


def test_rating_counts_once_per_browser_session_and_per_address(browser, hanoi):
    question = published(hanoi, "Đăng ký bảo hiểm y tế hộ gia đình")
    response = rate(browser, question)
    assert response.status_code == 303 and response["Location"] == answer_url(question) + "#danh-gia"
    assert rate(browser, question, "khong").status_code == 303
    question.refresh_from_db()
    assert (question.helpful_yes, question.helpful_no) == (1, 0)
    assert "Cảm ơn" in text(get(browser, answer_url(question)).find(id="danh-gia"))

    assert rate(Client(HTTP_HOST=HANOI), question, "khong").status_code == 303  # a new session, same address
    question.refresh_from_db()
    assert (question.helpful_yes, question.helpful_no) == (1, 0)
    elsewhere = Client(HTTP_HOST=HANOI, REMOTE_ADDR="192.0.2.10")  # another citizen
    assert rate(elsewhere, question, "khong").status_code == 303
    question.refresh_from_db()
    assert (question.helpful_yes, question.helpful_no) == (1, 1)


def test_forty_two_sessions_from_one_address_vote_once(hanoi):
    question = published(hanoi, "Cấp lại thẻ bảo hiểm y tế")
    for _ in range(42):
        rate(Client(HTTP_HOST=HANOI), question)
    question.refresh_from_db()
    assert question.helpful_yes == 1


def test_rating_needs_a_valid_choice_and_a_csrf_token(hanoi):
    question = published(hanoi, "Tra cứu quá trình đóng bảo hiểm")
    assert rate(Client(HTTP_HOST=HANOI), question, "rat-tot").status_code == 400
    assert rate(Client(HTTP_HOST=HANOI, enforce_csrf_checks=True), question).status_code == 403
    question.refresh_from_db()
    assert (question.helpful_yes, question.helpful_no) == (0, 0)


def test_rating_is_rate_limited(hanoi, settings):
    settings.PUBLIC_RATE_LIMITS = {"rating": (1, 600)}
    first, second = published(hanoi, "Câu hỏi một"), published(hanoi, "Câu hỏi hai")
    client = Client(HTTP_HOST=HANOI)
    assert rate(client, first).status_code == 303
    response = rate(client, second)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    second.refresh_from_db()
    assert second.helpful_yes == 0


# -- the question form -------------------------------------------------------------------------------------


def test_form_is_accessible_with_a_hidden_honeypot_and_a_timing_token(browser):
    soup = get(browser, FORM_URL)
    assert text(soup.h1) == "Đặt câu hỏi" and len(soup.find_all("h1")) == 1
    form = soup.find("form", class_="qa-form")
    for field in ("name", "email", "phone", "topic", "title", "body", "publish_name"):
        control = form.find(attrs={"name": field})
        assert form.find("label", attrs={"for": control["id"]}) is not None, field
    honeypot = form.find("input", attrs={"name": abuse.HONEYPOT_FIELD})
    assert honeypot["tabindex"] == "-1" and honeypot.find_parent(attrs={"aria-hidden": "true"}) is not None
    assert form.find("input", attrs={"name": abuse.TIMING_FIELD, "type": "hidden"})["value"]
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None


def test_a_valid_question_is_saved_once_mailed_and_confirmed_with_code_and_deadline(browser, hanoi, pension):
    response = browser.post(FORM_URL, form_data(topic=str(pension.pk)))
    assert response.status_code == 303 and response["Location"] == "/hoi-dap/da-gui/"
    question = Question.objects.get()
    assert (question.site, question.status, question.topic) == (hanoi, S.RECEIVED, pension)
    assert (question.name, question.email, question.phone, question.publish_name) == (
        "Trần Thị Bình",
        "binh@example.vn",
        "0912345678",
        True,
    )
    assert OutboundEmail.objects.filter(subject_ref=question.tracking_code, kind="received").count() == 1
    assert OutboundEmail.objects.count() == 1

    soup = get(browser, "/hoi-dap/da-gui/")
    assert text(soup.find(class_="tracking-code")) == question.display_code
    local_due = timezone.localtime(question.routing_due_at, dt.timezone(dt.timedelta(hours=7)))
    assert local_due.strftime("%H:%M %d/%m/%Y") in text(soup.main)
    assert soup.main.find("a", href=f"{TRACK_URL}?ma={question.display_code}") is not None
    assert "binh@example.vn" not in soup.decode()


def test_confirmation_is_only_for_the_browser_that_asked(browser, hanoi):
    browser.post(FORM_URL, form_data())
    response = Client(HTTP_HOST=HANOI).get("/hoi-dap/da-gui/")
    assert response.status_code == 302 and response["Location"] == TRACK_URL


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda: {abuse.HONEYPOT_FIELD: "http://spam.example"}, "Biểu mẫu không hợp lệ"),
        (lambda: {abuse.TIMING_FIELD: aged_token(abuse.MIN_FILL_SECONDS - 2)}, "quá nhanh"),
        (lambda: {abuse.TIMING_FIELD: aged_token(abuse.MAX_FORM_AGE_SECONDS + 60)}, "hết hạn"),
        (lambda: {abuse.TIMING_FIELD: "1700000000:forged"}, "Biểu mẫu không hợp lệ"),
    ],
    ids=["honeypot", "too-fast", "expired-token", "forged-token"],
)
def test_automated_looking_forms_are_refused_and_nothing_is_saved(browser, tamper, message):
    response = browser.post(FORM_URL, form_data(**tamper()))
    assert response.status_code == 400
    assert message in text(soup_of(response).find(class_="error-summary"))
    assert not Question.objects.exists() and not OutboundEmail.objects.exists()


def test_a_burst_of_questions_gets_429_with_retry_after(browser, settings):
    settings.PUBLIC_RATE_LIMITS = {"question": (1, 600)}
    assert browser.post(FORM_URL, form_data()).status_code == 303
    response = browser.post(FORM_URL, form_data(title="Một câu hỏi khác gửi ngay sau đó"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    assert "Quá nhiều yêu cầu" in text(soup_of(response).h1)
    assert [template.name for template in response.templates][0] == "too_many_requests.html"
    assert Question.objects.count() == 1


def field_error(soup, name):
    """The error text tied to a field by aria-describedby, or None."""
    control = soup.find(attrs={"name": name})
    if control.get("aria-invalid") != "true":
        return None
    described = [soup.find(id=ref) for ref in control["aria-describedby"].split()]
    return " ".join(text(tag) for tag in described if tag is not None and "errorlist" in tag.get("class", []))


def test_invalid_email_gets_400_with_the_error_next_to_the_field_and_values_kept(browser):
    response = browser.post(FORM_URL, form_data(email="khong-phai-email"))
    assert response.status_code == 400
    soup = soup_of(response)
    assert "Thư điện tử không hợp lệ" in field_error(soup, "email")
    assert field_error(soup, "name") is None
    assert soup.find(attrs={"name": "title"})["value"] == "Cách tính lương hưu khi nghỉ hưu trước tuổi"
    assert "22 năm" in soup.find("textarea", attrs={"name": "body"}).get_text()
    assert soup.find(attrs={"name": "email"})["value"] == "khong-phai-email"
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Vui lòng nhập họ và tên"),
        ("phone", "12345", "Số điện thoại không hợp lệ"),
        ("title", "x" * 201, "không quá 200 ký tự"),
        ("body", "Quá ngắn", "ít nhất 30 ký tự"),
        ("body", "x" * 5001, "không quá 5.000 ký tự"),
        ("topic", "999999", "Chủ đề đã chọn không có"),
    ],
)
def test_each_field_is_checked_in_vietnamese(browser, field, value, message):
    response = browser.post(FORM_URL, form_data(**{field: value}))
    assert response.status_code == 400
    assert message in field_error(soup_of(response), field)
    assert not Question.objects.exists()


def test_other_methods_are_not_allowed(browser):
    assert browser.put(FORM_URL).status_code == 405
    assert browser.post(TRACK_URL).status_code == 405


# -- tracking ----------------------------------------------------------------------------------------------


def track(client, code, status=200):
    return get(client, TRACK_URL, status=status, ma=code)


def test_tracking_shows_state_dates_and_deadline_without_personal_data(browser, hanoi):
    question = ask(hanoi, "Hỏi về trợ cấp thất nghiệp", publish_name=True)
    code = question.tracking_code
    for typed in (question.display_code, f" {code[:5].lower()} {code[5:].lower()} "):
        soup = track(browser, typed)
        status = text(soup.find(class_="qa-status"))
        assert "Đã tiếp nhận" in status
        assert timezone.localtime(question.due_at).strftime("%H:%M %d/%m/%Y") in status
        assert timezone.localtime(question.received_at).strftime("%H:%M %d/%m/%Y") in status
        page = soup.decode()
        assert EMAIL not in page and PHONE not in page and "Nguyễn Văn An" not in page


def test_tracking_shows_a_pause_a_refusal_and_the_answer_once_published(browser, hanoi):
    paused = ask(hanoi, "Câu hỏi cần bổ sung")
    transitions.pause(paused, None, reason="Chờ bổ sung mã số bảo hiểm xã hội")
    assert "Chờ bổ sung mã số bảo hiểm xã hội" in text(track(browser, paused.tracking_code).main)

    refused = ask(hanoi, "Câu hỏi ngoài phạm vi")
    transitions.refuse(refused, None, reason="Nội dung không thuộc lĩnh vực bảo hiểm xã hội")
    assert "Nội dung không thuộc lĩnh vực" in text(track(browser, refused.tracking_code).main)

    answered = ask(hanoi, "Câu hỏi đã có trả lời")
    transitions.assign(answered, None, unit=UnitFactory(site=hanoi, name="Phòng Thu"))
    transitions.answer(answered, None, text="Nội dung trả lời chưa gửi")
    assert "Nội dung trả lời chưa gửi" not in text(track(browser, answered.tracking_code).main)
    transitions.publish(answered, None)
    soup = track(browser, answered.tracking_code)
    assert "Nội dung trả lời chưa gửi" in text(soup.main)
    assert soup.main.find("a", href=answer_url(answered)) is not None


def test_tracking_results_are_never_cached(browser, hanoi):
    question = ask(hanoi, "Câu hỏi về thời hạn trả lời")
    response = browser.get(TRACK_URL, {"ma": question.tracking_code})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    browser.post(FORM_URL, form_data())
    assert "no-store" in browser.get("/hoi-dap/da-gui/")["Cache-Control"]


def test_unknown_or_other_site_code_is_not_found(browser, danang):
    soup = track(browser, "ABCDE-FGHJK", status=404)
    assert "Không tìm thấy câu hỏi" in text(soup.main)
    elsewhere = ask(danang, "Câu hỏi của Đà Nẵng")
    assert "Câu hỏi của Đà Nẵng" not in text(track(browser, elsewhere.tracking_code, status=404).main)
    track(Client(HTTP_HOST=DANANG), elsewhere.tracking_code)


def test_tracking_page_without_a_code_shows_the_form_and_an_empty_code_is_a_400(browser):
    soup = get(browser, TRACK_URL)
    assert soup.find("label", attrs={"for": "id_ma"}) is not None
    assert "Vui lòng nhập mã tra cứu" in field_error(track(browser, "", status=400), "ma")


def test_code_guessing_is_rate_limited(browser, settings):
    settings.PUBLIC_RATE_LIMITS = {"track": (2, 600)}
    track(browser, "AAAAA-AAAAA", status=404)
    track(browser, "AAAAA-AAAAB", status=404)
    response = browser.get(TRACK_URL, {"ma": "AAAAA-AAAAC"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0


# -- sitemap -----------------------------------------------------------------------------------------------


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [loc.text for loc in ElementTree.fromstring(response.content).findall("sm:url/sm:loc", namespace)]


def test_sitemap_lists_this_sites_published_answers_in_flat_queries(browser, hanoi, danang):
    first = published(hanoi, "Câu hỏi đã đăng")
    ask(hanoi, "Câu hỏi chưa đăng")
    elsewhere = published(danang, "Câu hỏi của Đà Nẵng")
    locations = sitemap_locations(browser)
    answers = [url for url in locations if re.search(r"/hoi-dap/\d+/$", url)]
    assert answers == [f"http://{HANOI}{answer_url(first)}"]
    assert f"http://{DANANG}{answer_url(elsewhere)}" not in locations
    with CaptureQueriesContext(connection) as one:
        sitemap_locations(browser)
    published(hanoi, "Câu hỏi đăng thêm 1")
    published(hanoi, "Câu hỏi đăng thêm 2")
    with CaptureQueriesContext(connection) as three:
        assert len([url for url in sitemap_locations(browser) if "/hoi-dap/" in url]) == 4
    assert len(three) == len(one)
