"""Whole responses of anonymous public GETs (pages, feeds, sitemaps and the API), kept until content changes.

A page view costs a dozen queries and a template render; the same bytes are then served to every visitor of
that URL on that site until an editor changes something. ``middleware`` serves and stores them,
``generation`` holds the token that every key carries (a new token makes every stored answer unreachable at
once), ``invalidation`` draws a new token after each committed write that may show publicly.
"""
