"""Record ids and tracking codes that come from a request: the one rule for reading them, in paths, query strings,
forms, admin searches and the API.

An id is a positive integer written in ASCII digits. One beyond ``MAX_ID`` (the widest SQL integer, PostgreSQL's
``bigint`` and SQLite's integer) cannot name a record, however well formed: it is a record that does not exist,
never a number sent to the database, where some backends overflow comparing it. The paths of public pages read
their ids with ``<id:…>`` (``RecordIdConverter``, registered by ``core.apps``), the API with ``RecordId``.
"""

MAX_ID = 2**63 - 1
# A tracking code (questions, information requests, complaint cases: ``faq.models.tracking``) is stored as ten
# characters, ``ABCDEFGHJK``, and shown everywhere, to citizens and in the admin, as ``ABCDE-FGHJK``.
CODE_LENGTH = 10
CODE_HALF = CODE_LENGTH // 2


def is_id_text(value: object) -> bool:
    """Whether ``value`` spells a positive integer in ASCII digits, whatever its size."""
    text = str(value)
    return text.isascii() and text.isdigit() and text.strip("0") != ""


def as_id(value: object) -> int | None:
    """The id ``value`` spells, or None when it spells no positive integer or one no record can carry."""
    if not is_id_text(value):
        return None
    digits = str(value).lstrip("0")
    if len(digits) > len(str(MAX_ID)) or int(digits) > MAX_ID:
        return None
    return int(digits)


class RecordIdConverter:
    """``<id:name>`` in the URL patterns of public pages: the same rule for their ids. An id no record can carry
    does not match, so it is a 404 like a record that does not exist, without a lookup that some querysets
    (a share's ``pk__in``) would send to the database as a number it overflows on."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        found = as_id(value)
        if found is None:
            raise ValueError(value)
        return found

    def to_url(self, value: int) -> str:
        return str(value)


def normalise_code(text: object) -> str:
    """What a person typed (``abcde-fghjk ``, ``ABCDE FGHJK``) as the stored code (``ABCDEFGHJK``)."""
    return "".join(ch for ch in str(text or "").upper() if ch.isalnum())


def display_code(code: str) -> str:
    """A stored code as people read it out: ``ABCDE-FGHJK``; anything that is not a whole code, unchanged."""
    if len(code) != CODE_LENGTH:
        return code
    return f"{code[:CODE_HALF]}-{code[CODE_HALF:]}"
