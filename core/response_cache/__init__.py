"""Whole responses of anonymous public GETs (pages, feeds, sitemaps and the API), kept until what they show changes.

A page view costs a dozen queries and a template render; the same bytes are then served to every visitor of
that URL on that site until an editor changes something it shows. ``tags`` names what an answer shows and
collects it while the answer renders; ``middleware`` serves and stores answers with their tags; ``store``
keeps them with the versions of their tags in the cache all nodes share; ``invalidation`` decides which
tags a committed write purges; ``purgers`` sends the same purges to the shared HTTP cache in front
(Varnish); ``clock`` caps how long an answer is kept by the moments content changes without a write.
"""
