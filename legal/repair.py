"""Repair text damaged by PDF extraction: words split across lines and words glued together.

Seed 001 breaks words one fragment per line ("t / h / ự / c") and glues words ("thủtục"). At every line
break between two letters we decide "same word" or "new word" by choosing, over the whole run of
fragments, the reading whose words are syllables (see ``syllables``) and preferably syllables already seen
intact in the document or in the bundled list of common syllables (a best-path search, so "ba / ng / ày"
reads "ba ngày", not "bang ày"). A line that starts with white space always begins a new word. Glued words
are split only when the token is not a syllable and splits into exactly two known syllables, so a name or
a foreign word is left alone.

``common_syllables.txt`` holds the syllables written intact (``intact_words``) in the clean seed documents
000, 002, 003 and 004: everyday administrative vocabulary, so a short damaged document still has a guide.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .syllables import has_onset, is_syllable, may_begin_syllable

COMMON_SYLLABLES_FILE = Path(__file__).with_name("common_syllables.txt")
LETTERS = re.compile(r"[^\W\d_]+")
LEADING_LETTERS = re.compile(r"^[^\W\d_]+")
TRAILING_LETTERS = re.compile(r"[^\W\d_]+$")
ATTACHES_LEFT = tuple(",.;:)!?%")
MARKDOWN_EMPHASIS = re.compile(r"\*+(?![\s*])")
MARKDOWN_REST = re.compile(r"\*+|^#+\s*", re.MULTILINE)
# A lost horn: "Trung u / ơ / ng" is "Trung ương".
LOST_HORN = re.compile(r"uơ(?=[cmnptiu])")
KNOWN, UNKNOWN, NO_ONSET, INVALID = 1.0, 2.2, 0.3, 8.0


@lru_cache(maxsize=1)
def common_syllables():
    return frozenset(COMMON_SYLLABLES_FILE.read_text(encoding="utf-8").split())


def known_syllables(text):
    """Syllables the document itself writes intact (white space on both sides), plus the common list."""
    return common_syllables() | set(intact_words(text))


def intact_words(text):
    """Lower-cased syllables and acronyms that have white space on both sides somewhere in ``text``."""
    for line in text.splitlines():
        for token in line.split()[1:-1]:
            for word in LETTERS.findall(token):
                if is_syllable(word) or (word.isupper() and len(word) > 1):
                    yield word.lower()


def word_cost(word, known):
    """How unlikely ``word`` is as a whole word: cheap if known, dear if it is no syllable at all."""
    if not word:
        return 0.0
    if word.lower() in known:
        return KNOWN
    if is_syllable(word):
        return UNKNOWN + (0 if has_onset(word) else NO_ONSET)
    if word.isupper() and len(word) > 1:
        return UNKNOWN + 1
    return INVALID


def forced_join(left, right):
    """For a break next to a non-letter: True to join, False for a new word, None when letters decide."""
    last, first = left[-1], right[0]
    if last.isalpha() and first.isalpha():
        return None
    return first in ATTACHES_LEFT or last in "(/" or (last.isdigit() and (first.isdigit() or first == "/"))


def repair_lines(lines, known):
    """Join the lines of one block, returning logical lines (a new word at a break starts a new line).

    Keeps, for each reading of the current unfinished word, the cheapest text so far (best-path search).
    """
    first, *rest = lines
    paths = {_trailing(first.strip()): (0.0, [first.strip()])}  # unfinished word -> (cost, text parts)
    for raw in rest:
        paths = _advance(paths, raw.strip(), raw[:1].isspace(), known)
    _, (_, parts) = min(paths.items(), key=lambda item: item[1][0] + word_cost(item[0], known))
    return "".join(parts).split("\n")


def _advance(paths, line, soft, known):
    head = LEADING_LETTERS.match(line)
    head = head.group() if head else ""
    whole_line_is_word = head == line
    tail = _trailing(line)
    following = {}
    for partial, (cost, parts) in paths.items():
        previous = parts[-1] if parts else ""
        decision = None if soft else (forced_join(previous, line) if previous else False)
        options = []  # a new word first: on a tie it is kept, so ambiguity never glues two words
        if decision is not True:
            separator = " " if soft else "\n"
            new_cost = cost + word_cost(partial, known)
            # a letter before "/" ("V/v") is part of a code, not a word of its own
            if not whole_line_is_word and not line[len(head) :].startswith("/"):
                new_cost += word_cost(head, known)
            options.append((head if whole_line_is_word else tail, new_cost, parts + [separator, line]))
        if decision is not False and not soft:
            joined = partial + head
            if (partial and head and may_begin_syllable(joined)) or decision is True:
                rest_cost = 0.0 if whole_line_is_word else word_cost(joined, known)
                new_partial = joined if whole_line_is_word else tail
                options.append((new_partial, cost + rest_cost, parts + [line]))
        for new_partial, new_cost, new_parts in options:
            if new_partial not in following or new_cost < following[new_partial][0]:
                following[new_partial] = (new_cost, new_parts)
    return following


def _trailing(line):
    match = TRAILING_LETTERS.search(line)
    return match.group() if match else ""


def split_glued(token, known):
    """``thủtục`` -> ``thủ tục``: only for a word (not an acronym) that is no syllable and splits one way
    into two known syllables."""
    if is_syllable(token) or not token.isalpha() or token.isupper():
        return token
    splits = [
        (token[:cut], token[cut:])
        for cut in range(1, len(token))
        if token[:cut].lower() in known
        and token[cut:].lower() in known
        and is_syllable(token[:cut])
        and is_syllable(token[cut:])
    ]
    return " ".join(splits[0]) if len(splits) == 1 else token


def strip_markdown(text):
    """Emphasis markers glued to text in seed 004 ("2010.***KẾ HOẠCH****Thực hiện") become line breaks."""
    return MARKDOWN_REST.sub("", MARKDOWN_EMPHASIS.sub("\n\n", text))


def repair(text):
    """The document as logical lines, fragments joined, glued words split; blank lines separate blocks."""
    text = strip_markdown(unicodedata.normalize("NFC", text).replace("\r\n", "\n"))
    known = known_syllables(text)
    blocks, block = [], []
    for raw in text.split("\n") + [""]:
        if raw.strip():
            block.append(raw.rstrip())
        elif block:
            blocks.append(block)
            block = []
    result = []
    for block in blocks:
        for line in repair_lines(block, known):
            line = " ".join(_fix_words(token, known) for token in line.split())
            if line:
                result.append(line)
        result.append("")
    return result[:-1]


def _fix_words(token, known):
    token = LOST_HORN.sub("ươ", token)
    return LETTERS.sub(lambda match: split_glued(match.group(), known), token)
