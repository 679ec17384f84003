"""Ids that come from a request: the one rule for reading them.

An id is ASCII digits, at most 18 of them (below 10^18, inside every SQL integer type, so no backend
overflows comparing it). Anything else is no id of ours: callers answer as for a missing record.
"""

MAX_ID_DIGITS = 18


def as_id(value):
    """The integer id ``value`` spells, or None."""
    text = str(value)
    if text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS:
        return int(text)
    return None
