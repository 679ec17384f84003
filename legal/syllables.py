"""What a Vietnamese syllable may look like, so that broken or glued extracted text can be repaired safely.

Vietnamese writes one syllable per word: an optional onset, a rhyme from a closed list and at most one tone
mark, and a rhyme ending in p, t, c or ch only takes the sắc or nặng tone. Those rules tell a real syllable
("thực") from a fragment ("thự", "c") or from two glued syllables ("thủtục"), without a dictionary.
"""

import unicodedata
from functools import lru_cache

ONSETS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "tr",
    "th",
    "ph",
    "kh",
    "gh",
    "gi",
    "qu",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
    "",
)
RHYMES = frozenset(
    """
a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
e ec ech em en eng eo ep et ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot ooc oong oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oe oen oeo oet ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
u uc ui um un ung up ut ua uân uâng uât uây uê uênh uêch uơ uy uya uych uyên uyêt uynh uyt uyu
uôc uôi uôm uôn uông uôt ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêt yêu
uơc uơi uơm uơn uơng uơp uơt uơu
""".split()
)  # the last line: "ươ" that lost its horn in extraction ("Trung u / ơ / ng"); repair restores it
BASES = frozenset(onset + rhyme for onset in ONSETS for rhyme in RHYMES)
PREFIXES = frozenset(base[:end] for base in BASES for end in range(1, len(base) + 1))
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
STOP_TONES = {"\u0301", "\u0323"}
STOP_ENDINGS = ("p", "t", "c", "ch")
VOWELS = set("aăâeêioôơuưy")


@lru_cache(maxsize=20_000)
def split_tone(word):
    """The word in lower case without its tone marks, and the list of tone marks it carried."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [char for char in decomposed if char in TONES]
    base = unicodedata.normalize("NFC", "".join(char for char in decomposed if char not in TONES))
    return base, tones


def well_cased(word):
    return word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())


def tone_fits(base, tones):
    """At most one tone, and a syllable closed by a stop (p, t, c, ch) carries sắc or nặng."""
    if len(tones) > 1:
        return False
    closed = any(base.endswith(end) for end in STOP_ENDINGS) and any(char in VOWELS for char in base)
    return not closed or bool(tones) and tones[0] in STOP_TONES


def is_syllable(word):
    """A complete Vietnamese syllable in lower, Title or UPPER case."""
    if not word or not well_cased(word):
        return False
    base, tones = split_tone(word)
    return base in BASES and any(char in VOWELS for char in base) and tone_fits(base, tones)


def may_begin_syllable(word):
    """Whether more letters could still turn ``word`` into a syllable (or an upper-case acronym)."""
    if not word or not well_cased(word):
        return False
    if word.isupper() and len(word) > 1 and not is_syllable(word):
        return word.isalpha()
    base, tones = split_tone(word)
    if base not in PREFIXES or len(tones) > 1:
        return False
    return (
        base in BASES
        and tone_fits(base, tones)
        or base not in BASES
        or any(other.startswith(base) and other != base for other in _longer(base))
    )


@lru_cache(maxsize=5_000)
def _longer(base):
    return tuple(other for other in BASES if other.startswith(base) and other != base)


def has_onset(word):
    base, _ = split_tone(word)
    return base[:1] not in VOWELS
