"""The scale seeder: right counts per site, a valid page tree, routable pages, top-up instead of doubling."""

from io import StringIO

from django.core.management import call_command
from wagtail.models import Page, Site

from faq.models import Question, QuestionStatus
from home.models import NewsPage
from legal.models import LegalDocumentPage

SITES = 35


def seed(pages):
    call_command("seed_scale", pages=pages, stdout=StringIO(), stderr=StringIO())


def scale_pages(model, site):
    return model.objects.descendant_of(site.root_page).filter(slug__contains="-quy-mo-")


def test_seed_fills_every_site_with_routable_pages_and_every_question_state(db, client):
    seed(SITES * 10)
    assert Site.objects.count() == SITES
    for site in Site.objects.select_related("root_page"):
        assert scale_pages(NewsPage, site).live().count() == 7
        assert scale_pages(LegalDocumentPage, site).live().count() == 3
        assert set(Question.objects.filter(site=site).values_list("status", flat=True)) == set(QuestionStatus.values)
        assert site.units.count() >= 12
    assert Page.find_problems() == ([], [], [], [], [])

    hanoi = Site.objects.get(hostname="hanoi.localhost")
    article = scale_pages(NewsPage, hanoi).last()
    response = client.get(article.relative_url(hanoi), HTTP_HOST=hanoi.hostname)
    assert response.status_code == 200
    assert article.title in response.content.decode()
    document = scale_pages(LegalDocumentPage, hanoi).last()
    assert client.get(document.relative_url(hanoi), HTTP_HOST=hanoi.hostname).status_code == 200
    assert LegalDocumentPage.objects.filter(pk=document.pk).search("cong van").exists()


def test_second_run_tops_up_instead_of_doubling(db):
    seed(SITES * 10)
    seed(SITES * 10)
    assert NewsPage.objects.filter(slug__contains="-quy-mo-").count() == SITES * 7
    seed(SITES * 20)
    assert NewsPage.objects.filter(slug__contains="-quy-mo-").count() == SITES * 14
    assert LegalDocumentPage.objects.filter(slug__contains="-quy-mo-").count() == SITES * 6
    assert Page.find_problems() == ([], [], [], [], [])


def test_seeded_search_text_is_what_save_stores(db):
    """The seeder writes rows in bulk, past ``save``: the folded text it stores must still be save's own."""
    call_command("seed_scale", pages=10, sites="hanoi.localhost", stdout=StringIO(), stderr=StringIO())
    seeded = [
        *NewsPage.objects.filter(slug__contains="-quy-mo-"),
        *LegalDocumentPage.objects.filter(slug__contains="-quy-mo-"),
        *Question.objects.filter(site__hostname="hanoi.localhost"),
    ]
    assert {type(record) for record in seeded} == {NewsPage, LegalDocumentPage, Question}
    for record in seeded:
        stored = record.search_text
        assert stored and "<p>" not in stored
        record.search_text = ""
        record.save(**({"clean": False} if isinstance(record, Page) else {}))
        record.refresh_from_db()
        assert record.search_text == stored, type(record)
    documents = [record for record in seeded if isinstance(record, LegalDocumentPage)]
    assert all("can cu luat bao hiem xa hoi" in document.search_text for document in documents)  # the body
