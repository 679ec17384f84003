"""One search over the whole of a site, at ``/tim-kiem/`` on every site and at ``/api/v1/search/``.

``kinds``: what is searched and how each kind of record is read and shown; ``results``: the counts and pages of
one search; ``views``: the HTML page; ``api``: the API's router. The matching itself is ``core.search``'s, as
in every section search.
"""
