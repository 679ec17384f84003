"""Read the parts of an administrative document (Nghị định 30/2020 layout) from its repaired text.

The header gives the number ("Số: 07/BHXH-PC"), the subject ("V/v …") or a type heading ("KẾ HOẠCH"),
the place and date ("Hà Nội, ngày 02 tháng 01 năm 2020") and the addressees ("Kính gửi: …"); the foot
gives the recipients ("Nơi nhận:") and the signature (title lines in capitals, then the name). Whatever
is not found is listed in ``warnings`` and left empty: a wrong number or date is worse than none.
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
    result.issuer = issuer_from_number(result.number) or issuer_from_header(lines)
    body_start = read_addressees(lines, result)
    body_end = recipients_index(lines)
    result.paragraphs = paragraphs(lines[body_start:body_end])
    read_signature(lines[body_end:] if body_end < len(lines) else lines[-12:], result)
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
    ("signer_name", "người ký"),
    ("signer_title", "chức vụ người ký"),
]


def note_missing(result):
    result.warnings.extend(f"không tìm thấy {label}" for name, label in FIELD_LABELS if not getattr(result, name))
