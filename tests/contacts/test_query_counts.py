"""Each public endpoint of the contacts app costs an exact number of queries, however many units, leaders or
reception days a site has, and however many sites there are."""

import pytest

from tests.support.growth import grow, queries_for
from tests.support.sites import HANOI

# Site; home page, the section and its specific row (3); view restrictions (2); layout (4: site profiles, menu
# sections, shared links, notices). A ContactPage has no child pages to list.
SECTION = 1 + 3 + 2 + 4
# Units with their leaders (2); reception settings (1); upcoming reception days with their leader (1).
CONTACTS = 2 + 1 + 1

ENDPOINTS = {
    "contact page": ("/lien-he/", SECTION + CONTACTS),
    # Site; layout (4); units with their leaders (2). Its English menu marks the current entry by its path, so
    # it no longer asks Wagtail for a page at /en/contact/ (2 queries that found none).
    "English contact page": ("/en/contact/", 1 + 4 + 2),
    # Site; units with their leaders (2); no count (they fit in one page).
    "API contacts": ("/api/v1/contacts/", 1 + 2),
    # Site; reception settings; upcoming days with their leader.
    "API reception": ("/api/v1/reception/", 1 + 1 + 1),
}


@pytest.mark.parametrize("name", ENDPOINTS)
def test_an_endpoint_costs_the_same_queries_however_much_the_portal_holds(client, hanoi, national, name):
    path, expected = ENDPOINTS[name]
    grow(hanoi, national)
    assert queries_for(client, HANOI, path) == expected

    grow(hanoi, national)
    grow(hanoi, national)

    assert queries_for(client, HANOI, path) == expected
