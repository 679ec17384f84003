"""The repair of extraction damage: fragments joined into words, glued words split, nothing guessed."""

from legal.importer import SEED_DIRECTORY as SEEDS
from legal.parsing import parse
from legal.repair import LETTERS, known_syllables, repair, repair_lines, split_glued
from legal.syllables import is_syllable

KNOWN = known_syllables("")


def seed(prefix):
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_one_fragment_per_line_is_joined_into_words():
    assert repair_lines(["t", "h", "ự", "c", "  hi", "ệ", "n cải cách ho", "ạ", "t động"], KNOWN) == [
        "thực hiện cải cách hoạt động"
    ]


def test_a_complete_word_at_a_line_end_is_not_glued_to_the_next():
    assert repair_lines(["và thủ", "tục hành chính"], KNOWN) == ["và thủ", "tục hành chính"]


def test_the_cheapest_reading_wins_over_the_first_that_fits():
    assert " ".join(repair_lines(["ba", "ng", "ày"], KNOWN)) == "ba ngày"


def test_glued_words_are_split_but_acronyms_and_foreign_words_are_kept():
    assert split_glued("thủtục", KNOWN) == "thủ tục"
    assert split_glued("II", KNOWN) == "II"
    assert split_glued("Internet", KNOWN) == "Internet"


def test_markdown_emphasis_glued_to_text_becomes_line_breaks():
    assert repair("*Hà Nội, ngày 3 tháng 8 năm 2010.***KẾ HOẠCH****Thực hiện.**\n\n**2.3.** Đảm bảo") == [
        "Hà Nội, ngày 3 tháng 8 năm 2010.",
        "",
        "KẾ HOẠCH",
        "",
        "Thực hiện.",
        "",
        "2.3. Đảm bảo",
    ]


def test_seed_001_is_readable_after_repair():
    parsed = parse(seed("001"))
    text = " ".join(parsed.paragraphs)
    assert "thực hiện cải cách hoạt động kiểm tra chuyên ngành" in parsed.subject
    assert "thủ tục hành chính" in parsed.subject and "thủtục" not in parsed.subject
    assert "nâng cao chất lượng giải quyết TTHC theo cơ chế một cửa, một cửa liên thông" in text
    assert "Thủ tướng Chính phủ có Công văn số 320/TTg - KSTT" in text
    assert "Nghị quyết số 01/NQ-CP" in text and "Chỉ thị số 30/CT-TTg" in text
    assert "trực thuộc Trung ương" in parsed.addressees
    not_words = {word for word in LETTERS.findall(text) if not (is_syllable(word) or word.isupper())}
    assert not_words == {"TTg"}
