"""Vietnamese alphabetical order for lists of places and people (the site directory, issuers, fields).

Python's and the database's order compare code points, which puts "Đà Nẵng" (đ is U+0111) after every other
letter; folding to ASCII first is no better, since it makes a, ă and â (or d and đ) one letter and so puts
"Cần Thơ" ("can") before "Cao Bằng" ("cao"). A Vietnamese dictionary orders by the 29 letters of the Vietnamese alphabet
(a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), letter by letter, with the tones only breaking
ties (ngang, huyền, hỏi, ngã, sắc, nặng) and then case. ``vietnamese_key`` gives that order as a sort key.
"""

import unicodedata

# The letters of the Vietnamese alphabet in order, with f, j, w and z of foreign names at their Latin places.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Combining marks that make a new letter (ă, â, ê, ô, ơ, ư) rather than a tone.
LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# The five tone marks, after the level tone (0): huyền, hỏi, ngã, sắc, nặng.
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
# Spaces and punctuation sort before digits, digits before letters, anything else after the letters.
_DIGITS_BASE = 10
_LETTERS_BASE = 100
_OTHER_BASE = 1000


def _letters(text: str) -> list[tuple[int, int, int]]:
    """(primary rank, tone, case) for each letter of ``text``, with tone marks separated from their letter."""
    letters: list[tuple[int, int, int]] = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tone = next((TONES[mark] for mark in marks if mark in TONES), 0)
        letter = unicodedata.normalize("NFC", base + "".join(mark for mark in marks if mark in LETTER_MARKS))
        lower = letter.lower()
        if lower in _LETTER_RANK:
            primary = _LETTERS_BASE + _LETTER_RANK[lower]
        elif lower.isdigit():
            primary = _DIGITS_BASE + int(lower) if lower in "0123456789" else _OTHER_BASE
        elif lower.isspace() or unicodedata.category(lower).startswith("P"):
            primary = 0
        else:
            primary = _OTHER_BASE + ord(lower)
        letters.append((primary, tone, int(letter != lower)))
    return letters


def vietnamese_key(text: str | None) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]:
    """Sort key: letters in alphabet order first, then tones, then lower case before upper, then the text.

    ``sorted(names, key=vietnamese_key)`` gives Cà Mau, Cao Bằng, Cần Thơ, Điện Biên, Đồng Nai, Gia Lai.
    """
    letters = _letters(" ".join((text or "").split()))
    return (
        tuple(primary for primary, _tone, _case in letters),
        tuple(tone for _primary, tone, _case in letters),
        tuple(case for _primary, _tone, case in letters),
        text or "",
    )
