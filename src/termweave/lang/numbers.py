"""Number words of each language, read by the number checks and the MT drafter
(:mod:`termweave.patterns`: "5 тис." is 5000, "five" is 5, "3천만" is 30 million, "noon" is 12)."""

from __future__ import annotations

import re
from functools import cache

# Words after a number that multiply it: "5 тис.", "2,5 млн", "5 million", "5만", "3천만".
SCALE_WORDS = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "тис": 10**3,
    "тисяча": 10**3,
    "тисячі": 10**3,
    "тисяч": 10**3,
    "млн": 10**6,
    "мільйон": 10**6,
    "мільйони": 10**6,
    "мільйонів": 10**6,
    "мільйона": 10**6,
    "млрд": 10**9,
    "мільярд": 10**9,
    "мільярди": 10**9,
    "мільярдів": 10**9,
    "мільярда": 10**9,
}
KO_UNITS = {"십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8, "조": 10**12}

MONTHS = ("january february march april may june july august september october november december").split()
# Abbreviations (with or without a full stop): "Jan.", "Sept.", "sep".
MONTH_ABBREVIATIONS = {name[:3]: n for n, name in enumerate(MONTHS, 1)} | {"sept": 9}
# "-illion" words and their powers of ten ("sextillion" = 10^21, translated "10의 21제곱").
POWERS = {
    "million": 6,
    "billion": 9,
    "trillion": 12,
    "quadrillion": 15,
    "quintillion": 18,
    "sextillion": 21,
    "septillion": 24,
    "octillion": 27,
    "nonillion": 30,
    "decillion": 33,
    "googol": 100,
}
# Number bases named in words ("decimal" → 10진수 in Korean, "hexadecimal" → 16진수).
BASES = {"binary": 2, "octal": 8, "decimal": 10, "hexadecimal": 16}
# Words for "none" that a translation may use for the source's 0.
ZERO_WORDS_RE = re.compile(r"아무것도|아무도|하나도|жод[а-яіїєґ]*|нуль|ніч[ого]+", re.I)
CLOCK_WORDS = {"noon": (12,), "midday": (12,), "midnight": (0, 24)}
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
ORDINAL_WORDS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
TENS = {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}


def _implied_words() -> dict[str, tuple[int, ...]]:
    """Word (lower case) -> the values it states, for patterns.implied_numbers: a month, an
    abbreviated month, an "-illion" (10 and its power), a base, a clock word (and 0), a number
    word, an ordinal, a round ten; the first reading in this order wins ("may" is May, 5)."""
    found: dict[str, tuple[int, ...]] = {}
    for table in (
        {name: (n,) for n, name in enumerate(MONTHS, 1)},
        {name: (n,) for name, n in MONTH_ABBREVIATIONS.items()},
        {name: (10, power) for name, power in POWERS.items()},
        {name: (base,) for name, base in BASES.items()},
        {name: (*values, 0) for name, values in CLOCK_WORDS.items()},
        {name: (n,) for n, name in enumerate(NUMBER_WORDS)},
        {name: (n,) for n, name in enumerate(ORDINAL_WORDS)},
        {name: (value,) for name, value in TENS.items()},
    ):
        for word, values in table.items():
            found.setdefault(word, values)
    return found


IMPLIED_WORDS = _implied_words()


# -- Numbers a Ukrainian or Korean translation writes in words --------------------------------
# A translation may write the source's "3 chapters" as «три розділи» / "세 개의 장" and its "1st"
# as «перший» / "첫 번째"; these words count as the numbers they name (for number-mismatch, only
# where a source number would otherwise be missing).

_APOSTROPHES = str.maketrans({"'": "ʼ", "’": "ʼ"})
# Cardinals: value -> every case form (1-4 decline irregularly; 5-30 follow one pattern).
_UK_CARDINALS = {
    1: "один одна одне одного одної одній одному одним одною одну одні одних одними",
    2: "два дві двох двом двома",
    3: "три трьох трьом трьома",
    4: "чотири чотирьох чотирьом чотирма",
    40: "сорок сорока",
    90: "девʼяносто девʼяноста",
    100: "сто ста",
}
_UK_REGULAR_CARDINALS = {  # nominative; the other forms from the stem (п'ять → пʼяти, пʼятьма, ...)
    5: "пʼять", 6: "шість", 7: "сім", 8: "вісім", 9: "девʼять", 10: "десять", 11: "одинадцять",
    12: "дванадцять", 13: "тринадцять", 14: "чотирнадцять", 15: "пʼятнадцять", 16: "шістнадцять",
    17: "сімнадцять", 18: "вісімнадцять", 19: "девʼятнадцять", 20: "двадцять", 30: "тридцять",
    50: "пʼятдесят", 60: "шістдесят", 70: "сімдесят", 80: "вісімдесят",
}  # fmt: skip
_UK_IRREGULAR_OBLIQUE = {6: "шести шістьох шістьом шістьма шістьома", 7: "семи сімох сімом сьома сімома",
                         8: "восьми вісьмох вісьмом вісьма вісьмома"}  # fmt: skip
# Ordinals: value -> stem, declined as hard adjectives (третій: soft).
_UK_ORDINAL_STEMS = {
    1: "перш", 2: "друг", 4: "четверт", 5: "пʼят", 6: "шост", 7: "сьом", 8: "восьм", 9: "девʼят",
    10: "десят", 11: "одинадцят", 12: "дванадцят", 13: "тринадцят", 14: "чотирнадцят",
    15: "пʼятнадцят", 16: "шістнадцят", 17: "сімнадцят", 18: "вісімнадцят", 19: "девʼятнадцят",
    20: "двадцят", 30: "тридцят", 40: "сороков", 50: "пʼятдесят", 60: "шістдесят", 70: "сімдесят",
    80: "вісімдесят", 90: "девʼяност", 100: "сот",
}  # fmt: skip
_HARD_ENDINGS = "ий ого ому им ім а ої ій у ою е і их ими".split()
# Months, by stem and case ending: "24 лютого 2022" is 24.02.2022, "у червні" is June.
_UK_MONTHS = ("січ берез квіт трав черв лип серп верес жовт лют листопад груд").split()
_MONTH_ENDINGS = {"лют": "ий ого ому им", "листопад": "_ а і ом у ові"}
_THIRD = "третій третього третьому третім третя третьої третю третьою третє треті третіх третіми".split()


@cache
def _uk_number_words() -> dict[str, int]:
    """Built on first need (a missing source number): no cost at start-up."""
    words: dict[str, int] = {}
    for value, forms in _UK_CARDINALS.items():
        words.update(dict.fromkeys(forms.split(), value))
    for value, word in _UK_REGULAR_CARDINALS.items():
        stem = word[:-1] if word.endswith("ь") else word
        declined = [word] + ([stem + end for end in ("и", "ьох", "ьом", "ьма", "ьома")] if word.endswith("ть") else [])
        declined += [stem + "и"] if word.endswith("ят") else []  # пʼятдесят → пʼятдесяти
        words.update(dict.fromkeys(declined, value))
    for value, forms in _UK_IRREGULAR_OBLIQUE.items():
        words.update(dict.fromkeys(forms.split(), value))
    for value, stem in _UK_ORDINAL_STEMS.items():
        words.update({stem + end: value for end in _HARD_ENDINGS if stem + end not in words})
    words.update(dict.fromkeys(_THIRD, 3))
    for stem, value in zip(_UK_MONTHS, (1, 3, 4, 5, 6, 7, 8, 9, 10, 2, 11, 12)):
        endings = _MONTH_ENDINGS.get(stem, "ень ня ні нем ню").split()
        words.update({stem + end.strip("_"): value for end in endings})
    return words


def uk_number_words(text: str) -> set[int]:
    """Values of the Ukrainian number words (cardinal or ordinal, any case, 1-20, tens, 100) and
    month names (any case: лютого = 2) in ``text``."""
    words = re.findall(r"[^\W\d_]+(?:[ʼ'’][^\W\d_]+)?", text.lower().translate(_APOSTROPHES))
    known = _uk_number_words()
    return {known[word] for word in words if word in known}


_KO_TENS = {
    "열": 10,
    "스물": 20,
    "스무": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
    "예순": 60,
    "일흔": 70,
    "여든": 80,
    "아흔": 90,
}
_KO_UNITS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4, "넉": 4,
             "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}  # fmt: skip
_KO_NUMERALS = (*_KO_TENS, *_KO_UNITS, "첫")  # the words of _ko_number_re's tens and unit
_KO_DETERMINERS = frozenset({"한", "두", "세", "석", "네", "넉", "스무"})  # only before a counter: "세 개", "두 번째"


# A native Korean numeral standing alone: tens and/or units ("열두", "스물셋", "다섯"), or the
# ordinal 첫; then 째 ("둘째"), a particle, or nothing. A determiner (한, 두, 세, ...) must be
# followed by a space (its counter), so 한국, 세계 and 네가 are not numbers.
@cache
def _ko_number_re() -> re.Pattern:
    """Compiled on first need (2 ms: its Hangul classes)."""
    return re.compile(
        r"(?<![가-힣])(?P<tens>열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)?"
        r"(?P<unit>하나|한|둘|두|셋|세|석|넷|네|넉|다섯|여섯|일곱|여덟|아홉|첫)?"
        r"(?P<tail>째|[이가은는을를의도만과와])?(?P<end>(?=\s)|(?![가-힣]))"
    )


def ko_number_words(text: str) -> set[int]:
    """Values of the native Korean numerals ("세 개", "두 번째", "첫째", "열두 명", "다섯의") in ``text``."""
    found: set[int] = set()
    if not any(word in text for word in _KO_NUMERALS):
        return found  # a value needs one of the pattern's words (and the pattern takes 2 ms to compile)
    for m in _ko_number_re().finditer(text):
        tens, unit, tail = m.group("tens"), m.group("unit"), m.group("tail")
        if not tens and not unit:
            continue
        last = unit or tens
        if last in _KO_DETERMINERS or last == "첫":
            # a determiner needs its counter after a space; 첫 also makes "첫째"
            if tail and not (last == "첫" and tail == "째"):
                continue
            if not tail and not text[m.end() : m.end() + 1].isspace():
                continue
        found.add((_KO_TENS[tens] if tens else 0) + (1 if unit == "첫" else _KO_UNITS.get(unit or "", 0)))
    return found


def number_words(text: str, lang: str) -> set[int]:
    """Values of the number words of ``text`` in a language that has them here (uk, ko)."""
    if lang.startswith("uk"):
        return uk_number_words(text)
    if lang.startswith("ko"):
        return ko_number_words(text)
    return set()
