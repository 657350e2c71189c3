"""Number words of each language, read by the number checks and the MT drafter
(:mod:`termweave.patterns`: "5 тис." is 5000, "five" is 5, "3천만" is 30 million, "noon" is 12)."""

from __future__ import annotations

import re

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
