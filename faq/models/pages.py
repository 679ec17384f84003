"""The "Hỏi đáp" section of each site: published questions and answers, the question form, tracking."""
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page


class QuestionIndexPage(RoutablePageMixin, Page):
    """One per site, at ``/hoi-dap/``; its routes serve the list, each answer, the form and tracking.

    Questions are records, not pages: they are written by the public and moved through their states in
    the inbox, so only this page (its introduction) is edited in the page tree.
    """

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang hỏi đáp")
        verbose_name_plural = _("trang hỏi đáp")
