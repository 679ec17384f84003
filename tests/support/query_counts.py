"""Query counts that more than one test module pins: a page view's base and a province's home page.

Every page view pays the site (1), the view restrictions of the page and its ancestors (2, Wagtail's check), the
layout (4: site profiles with their sites, menu sections, shared links, notices) and the home page (1).
"""

PAGE_BASE = 1 + 2 + 4 + 1  # site, view restrictions, layout, home page

# The home page of a province: its menu sections with the lead of each section page (1); its latest news (the
# news section, the restricted sections, the articles: 3); the open drafts (the documents section, the restricted
# sections, the drafts: 3); the hotline and reception (the phones, the reception settings, the next reception day:
# 3); the board's quick links (1) and featured documents (1, none chosen: the documents are not read).
HOME_PAGE = PAGE_BASE + 1 + 3 + 3 + 3 + 1 + 1
