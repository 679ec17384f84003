"""The sections a site shows in its menu and as the cards of its home page, read once per site.

Both are the live children of the site's home page marked "show in menus". Every page of the site shows the
menu, so they are kept as a response cache fragment (``core/response_cache/fragments.py``) under the site's
layout tag, which a write to any page right under a home page purges (publishing, unpublishing, changing its
title, lead or slug), and the site's own tag, which a page moved into or out of the site purges.
"""

from dataclasses import dataclass

from django.db.models import F

from core.response_cache import fragments, tags

# What a link to a page needs: its title, and the tree and URL paths its URL is computed from.
LINK_FIELDS = ("id", "title", "path", "depth", "url_path")


@dataclass(frozen=True)
class MenuSection:
    pk: int
    path: str
    title: str
    url: str
    # A section page's lead, shown on its card; None for the other section types (news, documents, Q&A, …).
    lead: str | None


def menu_sections(request, site):
    """The site's menu sections in menu order, with their URLs on this site, kept until one of them changes."""

    def read():
        tags.shows(tags.layout(site.pk), tags.site(site.pk))
        return sections_under(request, site.root_page)

    return fragments.fragment(f"menu-{site.pk}", read)


def sections_under(request, home_page):
    """One query: the lead comes from a join, where ``.specific()`` read the page types and then the rows of
    each type."""
    sections = home_page.get_children().live().in_menu().annotate(lead=F("sectionpage__lead")).only(*LINK_FIELDS)
    return tuple(
        MenuSection(section.pk, section.path, section.title, section.get_url(request), section.lead)
        for section in sections
    )
