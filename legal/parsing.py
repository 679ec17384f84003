"""Read the parts of an administrative document (Nghị định 30/2020 layout) from its repaired text.

The header gives the number ("Số: 07/BHXH-PC"), the subject ("V/v …") or a type heading ("KẾ HOẠCH"),
the place and date ("Hà Nội, ngày 02 tháng 01 năm 2020") and the addressees ("Kính gửi: …"); the foot
gives the recipients ("Nơi nhận:") and the signature (title lines in capitals, then the name), and below
it the footnotes the body refers to. Whatever is not found is listed in ``warnings`` and left empty: a
wrong number or date is worse than none.

Nghị định 30/2020/NĐ-CP (công tác văn thư), Điều 8 khoản 1 lists "Nơi nhận" (điểm i) as a part of an
administrative document's layout of its own, beside the content (điểm e) and the signature (điểm g); it is
printed at the foot, left of the signature, which is why it is kept apart from the body and from "Kính gửi".

A footnote marker is kept in the paragraph text as ``[^N]`` (the plain-text footnote notation), glued to the
word it follows, and the footnote's text is ``footnotes[N - 1]``; the importer turns both into links.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from core.text import fold

from .repair import repair

NUMBER = re.compile(r"\bSố\s*:\s*(\S+)")
DATE = re.compile(r",\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
SUBJECT = re.compile(r"\bV/v\s+")
LIST_ITEM = re.compile(r"^(?:[-+](?:\s|$)|[0-9IVX]+(?:\.[0-9]+)*\.?\s|[a-zđ]\)\s)")
DOWNLOAD_LINE = re.compile(r"^Tải Văn bản")
# Codes in a number ("…/QĐ-BHXH", "…/2018/NĐ-CP", "…/2016/QH13") and headings that name the type.
TYPE_CODES = {
    "QĐ": "Quyết định",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "KH": "Kế hoạch",
    "HD": "Hướng dẫn",
    "QC": "Quy chế",
    "QH": "Luật",
}
TYPE_HEADINGS = {fold(name): name for name in TYPE_CODES.values()}
LETTER_TYPE = "Công văn"  # a letter has no type code in its number and carries a "V/v" subject
ISSUERS = {"BHXH": "Bảo hiểm xã hội Việt Nam"}
# How the body names an issuer when neither the header nor the number does (seed 004, a plan without either):
# as the one who acts in the opening sentence ("…, Bảo hiểm xã hội Việt Nam xây dựng kế hoạch…") or as the
# owner of the plan in the closing one ("Trên đây là … kế hoạch của Bảo hiểm xã hội Việt Nam …"). A body that
# only mentions the agency (as an addressee, a recipient of reports) names no issuer.
ISSUER_NAMES = {fold(name): name for name in ISSUERS.values()} | {"bhxh viet nam": "Bảo hiểm xã hội Việt Nam"}
ISSUER_ALTERNATIVES = "|".join(re.escape(name) for name in ISSUER_NAMES)
ISSUER_ACTS = re.compile(
    rf"(?:^|[,;] )({ISSUER_ALTERNATIVES}) (?:xay dung|ban hanh|huong dan|yeu cau|thong bao|de nghi)\b"
)
ISSUER_CLOSES = re.compile(rf"^tren day la [^.]*\bcua ({ISSUER_ALTERNATIVES})\b")
FOOTNOTE_MARK = "[^{}]"
# A marker the extraction left at the start of a line: "1" alone, or "1" before punctuation or a word that
# goes on the sentence ("1; rà soát…"); never "1." (a list item).
MARKER_LINE = re.compile(r"^(\d{1,2})(?:$|(?=[;,:)])|\s+(?=[a-zà-ỹđ]))")
STATE_HEADER = "cong hoa xa hoi chu nghia viet nam"
MAX_PLACE_WORDS = 3


@dataclass
class ParsedDocument:
    number: str = ""
    document_type: str = ""
    issuer: str = ""
    place: str = ""
    issued_on: date | None = None
    subject: str = ""
    addressees: str = ""
    paragraphs: list = field(default_factory=list)
    recipients: list = field(default_factory=list)  # "Nơi nhận", one entry each, without the list dash
    footnotes: list = field(default_factory=list)  # the text of footnote N is footnotes[N - 1]
    signer_name: str = ""
    signer_title: str = ""
    warnings: list = field(default_factory=list)


def parse(text):
    """A ParsedDocument from raw extracted text (repaired first)."""
    lines = [line for line in repair(text) if not DOWNLOAD_LINE.match(line)]
    flat = " ".join(line for line in lines if line)
    result = ParsedDocument()
    dated = DATE.search(flat)
    read_number(flat[: dated.start()] if dated else flat, result)
    read_date_and_place(flat, dated, result)
    read_subject(flat, dated, lines, result)
    result.document_type = (
        type_from_number(result.number) or type_from_heading(lines) or (LETTER_TYPE if SUBJECT.search(flat) else "")
    )
    body_start = read_addressees(lines, result)
    body_end = recipients_index(lines)
    tail = lines[body_end:] if body_end < len(lines) else lines[-12:]
    notes_start = read_footnotes(tail, result)
    body = mark_footnotes(lines[body_start:body_end], len(result.footnotes), result)
    result.paragraphs = paragraphs(body)
    result.issuer = issuer_from_number(result.number) or issuer_from_header(lines) or issuer_from_body(result)
    read_recipients(tail[:notes_start] if body_end < len(lines) else [], result)
    read_signature(tail[:notes_start], result)
    note_missing(result)
    return result


def read_number(header, result):
    match = NUMBER.search(header)
    result.number = match.group(1).rstrip(".,;") if match else ""


def read_date_and_place(flat, dated, result):
    if not dated:
        return
    day, month, year = (int(part) for part in dated.groups())
    try:
        result.issued_on = date(year, month, day)
    except ValueError:
        result.warnings.append(f"ngày ban hành không hợp lệ: {day}/{month}/{year}")
    place = []
    for word in reversed(flat[: dated.start()].split()):
        if not (word[:1].isupper() and word.isalpha()) or len(place) == MAX_PLACE_WORDS:
            break
        place.insert(0, word)
    result.place = " ".join(place)


def read_subject(flat, dated, lines, result):
    """The "V/v …" line up to the place and date, or else the line under a type heading."""
    marker = SUBJECT.search(flat)
    if marker and dated and marker.start() < dated.start():
        before = flat[: dated.start()].rstrip()
        result.subject = "V/v " + before[marker.end() : len(before) - len(result.place)].strip()
        return
    heading = next((index for index, line in enumerate(lines) if fold(line) in TYPE_HEADINGS and line.isupper()), None)
    following = [line for line in lines[heading + 1 :] if line] if heading is not None else []
    if following:
        result.subject = following[0].rstrip(".")


def type_from_number(number):
    """The type code after the serial (and year): "110/QĐ-BHXH" is a decision; "07/BHXH-PC" has none."""
    parts = number.split("/")[1:]
    if parts and parts[0].isdigit():
        parts = parts[1:]
    code = parts[0].split("-")[0] if parts else ""
    return TYPE_CODES.get(re.sub(r"\d+$", "", code), "")


def type_from_heading(lines):
    return next((TYPE_HEADINGS[fold(line)] for line in lines if line.isupper() and fold(line) in TYPE_HEADINGS), "")


def issuer_from_number(number):
    codes = re.split(r"[/-]", number)
    return next((ISSUERS[code] for code in codes if code in ISSUERS), "")


def issuer_from_header(lines):
    """The capitals above the national motto ("BẢO HIỂM XÃ HỘI VIỆT NAM"), as printed."""
    header = []
    for line in lines:
        if fold(line).startswith(STATE_HEADER[:8]):
            return " ".join(header)
        if line.isupper() and not line.startswith("-"):
            header.append(line)
    return ""


def issuer_from_body(result):
    """The issuer the opening or closing sentence of the body names as the one acting (see ``ISSUER_ACTS``)."""
    paragraphs = result.paragraphs
    opening = fold(paragraphs[0]) if paragraphs else ""
    closing = fold(paragraphs[-1]) if paragraphs else ""
    match = ISSUER_ACTS.search(opening) or ISSUER_CLOSES.search(closing)
    return ISSUER_NAMES[match.group(1)] if match else ""


def read_addressees(lines, result):
    """Fill ``addressees`` and return where the body starts."""
    start = next((index for index, line in enumerate(lines) if fold(line).startswith("kinh gui")), None)
    if start is None:
        return first_body_line(lines, result)
    inline = lines[start].split(":", 1)[1].strip() if ":" in lines[start] else ""
    if inline:
        result.addressees = inline
        return start + 1
    items, index = [], start + 1
    while (
        index < len(lines)
        and lines[index]
        and (lines[index].startswith("-") or (items and not items[-1].endswith((";", "."))))
    ):
        if lines[index].startswith("-") and (not items or items[-1].endswith((";", "."))):
            items.append(lines[index])
        else:
            items[-1] = f"{items[-1]} {lines[index]}"
        index += 1
        if items[-1].endswith("."):
            break
    result.addressees = "\n".join(" ".join(item.split()) for item in items)
    return index


def first_body_line(lines, result):
    """Without addressees the body starts after the subject line (or after the date line)."""
    anchors = [result.subject, DATE]
    for anchor in anchors:
        for index, line in enumerate(lines):
            if anchor and (line.rstrip(".") == anchor if isinstance(anchor, str) else anchor.search(line)):
                return index + 1
    return 0


def recipients_index(lines):
    return next((index for index, line in enumerate(lines) if fold(line).startswith("noi nhan")), len(lines))


def read_footnotes(tail, result):
    """Fill ``footnotes`` from the foot and return where they start in ``tail`` (its length if none).

    Below the signature the extraction prints each footnote as its number alone on a line, then its text;
    numbering starts at 1 and goes up by one, so a stray number in the recipients is not taken for one.
    """
    start = next((index for index, line in enumerate(tail[:-1]) if line == "1" and tail[index + 1]), len(tail))
    notes, expected = [], 1
    for line in tail[start:]:
        if line == str(expected):
            notes.append([])
            expected += 1
        elif line and not DOWNLOAD_LINE.match(line) and notes:
            notes[-1].append(line)
    result.footnotes = [" ".join(" ".join(words).split()) for words in notes if words]
    return start


def mark_footnotes(lines, count, result):
    """The body lines with footnote N's marker written ``[^N]`` after the word it follows.

    Markers are looked for in order (1, then 2…), each at the start of a line that goes on a sentence the
    line above left open (ending in a letter, a digit or a closing quote or bracket).
    """
    lines, wanted = list(lines), 1
    index = 1
    while index < len(lines) and wanted <= count:
        match = MARKER_LINE.match(lines[index])
        above = lines[index - 1]
        if match and match.group(1) == str(wanted) and above and (above[-1].isalnum() or above[-1] in ')"”'):
            rest = lines[index][match.end() :].strip()
            glued = rest[:1] if rest[:1] in ";,:)" else ""
            lines[index - 1] = above + FOOTNOTE_MARK.format(wanted) + glued
            lines[index] = rest[len(glued) :].strip()
            if not lines[index]:
                del lines[index]
            wanted += 1
        index += 1
    result.warnings.extend(f"không tìm thấy vị trí chú thích {number}" for number in range(wanted, count + 1))
    return lines


def read_recipients(tail, result):
    """The "Nơi nhận" list: one entry per dash, continued over broken lines, up to the signature."""
    if not tail:
        return
    inline = tail[0].split(":", 1)[1].strip() if ":" in tail[0] else ""
    items = []
    for line in ([inline] if inline else []) + tail[1:]:
        if is_title(line) or is_name(line):
            break
        if not line:
            continue
        if line.startswith("-") or not items or items[-1].endswith((";", ".")):
            items.append(line.lstrip("-").strip())
        else:
            items[-1] = f"{items[-1]} {line}".strip()
    result.recipients = [item for item in items if item]


def paragraphs(lines):
    """Reflow logical lines into paragraphs: a blank line, a list item, or a finished sentence ends one."""
    result, after_blank = [], True
    for line in lines:
        if not line:
            after_blank = True
            continue
        if after_blank or LIST_ITEM.match(line) or (result[-1].endswith((".", ":")) and line[:1].isupper()):
            result.append(line)
        else:
            result[-1] = f"{result[-1]} {line}"
        after_blank = False
    return [" ".join(paragraph.split()) for paragraph in result]


def read_signature(tail, result):
    """From the end: the first line that reads as a person's name, and the capitals just above it."""
    for index in range(len(tail) - 1, -1, -1):
        if is_name(tail[index]):
            result.signer_name = tail[index]
            titles = []
            for line in reversed(tail[:index]):
                if not is_title(line):
                    break
                titles.insert(0, line)
            result.signer_title = " – ".join(titles)
            return


def is_name(line):
    words = line.split()
    return 2 <= len(words) <= 5 and all(word.isalpha() and word[0].isupper() and word[1:].islower() for word in words)


def is_title(line):
    return bool(line) and line.isupper() and not line.startswith("-") and not line.endswith((".", ";", ","))


FIELD_LABELS = [
    ("number", "số hiệu"),
    ("document_type", "loại văn bản"),
    ("issuer", "cơ quan ban hành"),
    ("place", "nơi ban hành"),
    ("issued_on", "ngày ban hành"),
    ("subject", "trích yếu"),
    ("addressees", "nơi nhận (kính gửi)"),
    ("paragraphs", "nội dung"),
    ("recipients", "nơi nhận (nơi nhận văn bản)"),
    ("signer_name", "người ký"),
    ("signer_title", "chức vụ người ký"),
]


def note_missing(result):
    result.warnings.extend(f"không tìm thấy {label}" for name, label in FIELD_LABELS if not getattr(result, name))
