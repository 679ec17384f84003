"""The page tree's rules as they stand: for each page type of the project, where it may go and what it may hold.

A change to a model's ``parent_page_types``, ``subpage_types`` or ``max_count_per_parent`` fails here
until the table below says the same, so a new rule is decided, not slipped in. A page type added to one of
the project's apps without a row fails ``test_every_project_page_type_has_its_rules``.
"""

from wagtail.models import Page, Site, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from contacts.models import ContactPage
from faq.models import QuestionIndexPage
from home.models import HomePage, NewsIndexPage, NewsPage, SectionPage
from legal.models import AdministrativeProcedurePage, DraftDocumentPage, LegalDocumentIndexPage, LegalDocumentPage
from tests.support.sites import HANOI

PROJECT_APPS = {"cms", "multisite_config", "contacts", "faq", "home", "legal", "portal"}
LEGAL_PAGES = {LegalDocumentPage, DraftDocumentPage, AdministrativeProcedurePage}

# page type: (its allowed parents, its allowed children)
RULES = {
    HomePage: ({Page}, {SectionPage, NewsIndexPage, QuestionIndexPage, LegalDocumentIndexPage, ContactPage}),
    SectionPage: ({HomePage, SectionPage}, {SectionPage}),
    NewsIndexPage: ({HomePage}, {NewsPage}),
    NewsPage: ({NewsIndexPage}, set()),
    QuestionIndexPage: ({HomePage}, set()),
    ContactPage: ({HomePage}, set()),
    LegalDocumentIndexPage: ({HomePage}, LEGAL_PAGES),
    LegalDocumentPage: ({LegalDocumentIndexPage}, set()),
    DraftDocumentPage: ({LegalDocumentIndexPage}, set()),
    AdministrativeProcedurePage: ({LegalDocumentIndexPage}, set()),
}
# The sections a site has at most one of, under its home page.
ONE_PER_SITE = [NewsIndexPage, QuestionIndexPage, LegalDocumentIndexPage, ContactPage]


class PageTreeRulesTests(WagtailPageTestCase):
    def test_every_project_page_type_has_its_rules(self):
        project = {model for model in get_page_models() if model._meta.app_label in PROJECT_APPS}
        self.assertEqual(project, set(RULES))

    def test_allowed_parents(self):
        for model, (parents, _children) in RULES.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, parents)

    def test_allowed_children(self):
        for model, (_parents, children) in RULES.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedSubpageTypes(model, children)

    def test_each_type_can_be_created_exactly_where_the_rules_say(self):
        for parent in RULES:
            for child, (parents, _children) in RULES.items():
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if parent in parents:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_a_site_holds_one_of_each_index_section_and_any_number_of_content_pages(self):
        home = Site.objects.get(hostname=HANOI).root_page.specific
        for model in ONE_PER_SITE:
            with self.subTest(model=model.__name__):
                self.assertTrue(model.objects.child_of(home).exists())
                self.assertFalse(model.can_create_at(home))
        self.assertTrue(SectionPage.can_create_at(home))
        self.assertTrue(HomePage.can_create_at(Page.get_first_root_node()))
