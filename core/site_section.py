"""``SiteSection``: a page type of which each site has one section, right under its home page.

News, documents, Q&A and contacts each need the same answers: which page of their type is a given site's
section (``of_site``: API, importer, demo and scale seeding look it up by site), where it lies in the tree
(``place_in``: the lists of the API, kept per site), and which site a request for the section is served for
(``site_for``: the section lists that site's articles, questions or contacts). They live here so every
section answers them alike, with the same queries.
"""

from collections.abc import Callable
from typing import Self

from django.http import Http404, HttpRequest
from wagtail.models import PageManager, Site

from .response_cache import fragments, tags
from .tree import TreePlace, children_q


class SiteSection:
    """Mixed into a ``Page`` type, before ``Page`` and Wagtail's mixins: one such section per home page."""

    max_count_per_parent = 1
    # What the Page type provides, declared for type checkers only: no value, so nothing here hides it.
    objects: PageManager
    path: str
    get_url_parts: Callable[[HttpRequest | None], tuple[int, str, str] | None]

    @classmethod
    def of_site(cls, site: Site) -> Self | None:
        """The site's section of this type, or None: one query, by its page type (an indexed column) among
        the children of the site's home page (a range of the path index), where ``descendant_of`` read every
        page of every site with ``LIKE``. ``site.root_page`` should be loaded already (``select_related``)."""
        return cls.objects.exact_type(cls).filter(children_q(site.root_page)).first()

    @classmethod
    def place_in(cls, site: Site) -> TreePlace | None:
        """Where the site's section of this type lies in the tree, for lists of the pages under it.

        Kept per site as a response cache fragment under the site's layout tag, which any write to a page right
        under a home page purges (a section published, renamed or deleted), and its site tag, which a move into or
        out of the site purges: a list reads no section at all.
        """

        def read() -> TreePlace | None:
            tags.shows(tags.layout(site.pk), tags.site(site.pk))
            found = cls.objects.exact_type(cls).filter(children_q(site.root_page)).values_list("path", "depth")
            place = found.first()
            return TreePlace(*place) if place else None

        return fragments.fragment(f"section-{cls.__name__.lower()}-{site.pk}", read)

    def site_for(self, request: HttpRequest) -> Site:
        """The site whose content this section shows for ``request``, with its root page loaded.

        The request's site, which Wagtail has already read with its root page, whenever the section lies
        under it: no query. Otherwise (an editor previewing another site's section from the admin's host)
        the site the section belongs to, so a preview never shows the admin host's content.
        """
        site = Site.find_for_request(request)
        if site is not None and self.path.startswith(site.root_page.path):
            return site
        url_parts = self.get_url_parts(request)
        if url_parts is None:
            raise Http404("Chuyên mục này không thuộc trang thông tin nào.")
        return Site.objects.select_related("root_page").get(pk=url_parts[0])
