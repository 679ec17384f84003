"""Personal data a rating's comment must not hold: an e-mail address, a phone number, an ID number.

Ratings are anonymous (API.md: no personal data of the public is stored where it is not needed). A person
who writes their e-mail or phone in the comment expecting a reply would leave personal data in an anonymous
record, so such a comment is refused with a message that says why, rather than stored and masked later.
Numbers are read without their separators (spaces, dots, dashes), so "0912 345 678" is a phone number.
"""

import re

EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# Digits joined by the separators people type inside a number.
DIGIT_RUN = re.compile(r"\+?\d(?:[\d .\-]*\d)?")
SEPARATORS = re.compile(r"[ .\-]")
# Vietnamese phones: 0 or +84 then 9 or 10 digits (mobiles 0xx xxx xxxx, landlines 02x xxxx xxxx).
PHONE = re.compile(r"^(?:\+?84|0)\d{8,10}$")
# CMND (9 digits) or CCCD / personal identification number (12 digits).
ID_LENGTHS = (9, 12)

MESSAGE = (
    "Ý kiến không được chứa thông tin cá nhân (thư điện tử, số điện thoại, số CMND/CCCD); "
    "vui lòng xóa thông tin đó rồi gửi lại."
)


def personal_data_in(text: str) -> str | None:
    """What kind of personal data ``text`` holds ("thư điện tử", "số điện thoại", "số định danh"), or None."""
    if EMAIL.search(text):
        return "thư điện tử"
    for run in DIGIT_RUN.findall(text):
        digits = SEPARATORS.sub("", run)
        if PHONE.match(digits):
            return "số điện thoại"
        if digits.isdigit() and len(digits) in ID_LENGTHS:
            return "số định danh"
    return None
