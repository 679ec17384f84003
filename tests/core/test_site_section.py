"""``core.site_section.SiteSection``: each section type finds a site's section, serves its own site's content
even when requested from another host, and allows one section per home page."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, Site

from contacts.models import ContactPage
from faq.models import QuestionIndexPage
from home.models import NewsIndexPage
from legal.models import LegalDocumentIndexPage

SECTIONS = {
    NewsIndexPage: "tin-tuc-su-kien",
    LegalDocumentIndexPage: "van-ban-thu-tuc-hanh-chinh",
    QuestionIndexPage: "hoi-dap",
    ContactPage: "lien-he",
}


def request_to(host):
    return RequestFactory().get("/", HTTP_HOST=host)


@pytest.mark.parametrize("model", SECTIONS)
def test_of_site_is_the_sites_own_section_of_that_type_in_one_query(model, hanoi, danang, django_assert_num_queries):
    hanoi = Site.objects.select_related("root_page").get(pk=hanoi.pk)
    with django_assert_num_queries(1):
        section = model.of_site(hanoi)
    assert type(section) is model and section.slug == SECTIONS[model]
    assert section.get_parent().pk == hanoi.root_page_id
    assert model.of_site(danang).pk != section.pk


def test_of_site_is_none_when_the_site_has_no_such_section(hanoi):
    NewsIndexPage.of_site(hanoi).delete()
    assert NewsIndexPage.of_site(hanoi) is None


@pytest.mark.parametrize("model", SECTIONS)
def test_a_home_page_takes_one_section_of_each_type(model, hanoi):
    home = hanoi.root_page.specific
    assert model in home.specific_class.allowed_subpage_models()
    assert not model.can_create_at(home)
    model.of_site(hanoi).delete()
    assert model.can_create_at(Page.objects.get(pk=home.pk).specific)


@pytest.mark.parametrize("model", SECTIONS)
def test_site_for_is_the_requests_site_without_a_query(model, hanoi, django_assert_num_queries):
    request = request_to("hanoi.localhost")
    site = Site.find_for_request(request)
    section = model.of_site(site)
    with django_assert_num_queries(0):
        assert section.site_for(request) is site


@pytest.mark.parametrize("model", SECTIONS)
def test_site_for_a_section_requested_from_another_host_is_its_own_site(model, hanoi, national):
    """As when the board previews Hà Nội's section from the admin on the national host."""
    section = model.of_site(hanoi)
    site = section.site_for(request_to("localhost"))
    assert site == hanoi
    assert site.root_page.path == hanoi.root_page.path


def test_site_for_a_section_under_no_site_is_a_404(hanoi):
    section = NewsIndexPage.of_site(hanoi)
    Site.objects.filter(pk=hanoi.pk).delete()
    with pytest.raises(Http404):
        section.site_for(request_to("hanoi.localhost"))
