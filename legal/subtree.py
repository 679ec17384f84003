"""Lists and detail lookups of legal pages, read by tree-path ranges (core/tree.py) rather than Wagtail's LIKE."""

from core.tree import children_q, descendants_q, published_q


def listed(model, section, published):
    """The ``published`` pages of ``model`` right under ``section`` (a page, or just its place in the tree),
    without the long texts a list never shows (``model.full_text_fields``)."""
    return model.objects.filter(children_q(section), published).defer(*model.full_text_fields)


def published_under(model, page, pk):
    """The live, public page ``pk`` of ``model`` if it is under ``page``: one row found by its id, where
    looking up the section first would only add a query."""
    return model.objects.filter(descendants_q(page), published_q(), pk=pk)
