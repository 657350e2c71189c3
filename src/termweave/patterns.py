"""Spans that translation must carry over unchanged: DOIs, URLs, e-mail addresses, numbers.

Shared by the checks (``protected-altered``, ``number-mismatch``) and by machine translation,
which masks these spans before decoding and verifies them afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from termweave.lang.numbers import IMPLIED_WORDS, KO_UNITS, SCALE_WORDS, ZERO_WORDS_RE, number_words

# A URL or DOI ends at whitespace, a bracket of markup (<…>), a quote (an HTML attribute's
# "…", typographic “…” ‘…’ «…»), or before trailing sentence punctuation: "see
# <https://x.org/a>." gives https://x.org/a.
_URL_END = r"[^\s<>\"'«»`“”‘’]*[^\s<>\"'«»`“”‘’.,;:!?)\]}]"
_URL = rf"(?:https?://|www\.){_URL_END}"
_DOI = rf"\b10\.\d{{4,9}}/{_URL_END}"
# An e-mail address has RFC-bounded parts (local part <= 64, labels <= 63): a line of
# "1.1.1.1..." then costs a bounded scan per position instead of one to the end of the line.
_EMAIL = r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,126}\b"
# The target of an HTML link or image, whatever it is ("#s2b", "/admin/", "//creativecommons.org").
_HREF = r"(?<=\bhref=\")[^\"]+(?=\")|(?<=\bsrc=\")[^\"]+(?=\")|(?<=\bhref=')[^']+(?=')"
PROTECTED_RE = re.compile(f"{_URL}|{_DOI}|{_EMAIL}|{_HREF}", re.IGNORECASE)
_WITHOUT_EMAIL_RE = re.compile(f"{_URL}|{_DOI}|{_HREF}", re.IGNORECASE)  # the same where no '@' can match

# Markup that is not prose: HTML/XML tags (attributes and all), character references,
# reST/Markdown inline code and roles. Blanked before language identification and quote checks.
MARKUP_RE = re.compile(
    r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>"  # <a href="…">
    r"|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]\w{1,7});"  # &#8212; &mdash;
    r"|(?::[\w-]+:)?``?[^`\n]+``?"  # ``code``, `code`, :role:`target`
)

# "A number", the one definition that segmenting, checks and MT drafting share: digits with
# optional grouping and a decimal part. Letters may follow (Korean counters "2024년", English
# ordinals "21st") and non-ASCII letters may precede ("제2차"); an ASCII letter or digit before
# the digits ("G7", "A4") hides them.
_SPACES = " \u00a0\u202f\u2009"
# (The look-behind comes after the first digit so that the regex engine can scan for digits.)
NUMBER_RE = re.compile(
    rf"\d(?<![A-Za-z0-9.,]\d)(?:\d{{0,2}}(?:[{_SPACES}]\d{{3}})+(?!\d)(?:[.,]\d+)?|\d*(?:[.,]\d+)*)(?!\d)"
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def find_protected(text: str) -> list[Span]:
    """DOIs, URLs and e-mail addresses in ``text``, in order, non-overlapping."""
    return [Span(m.start(), m.end(), m.group()) for m in _protected(text)]


def _protected(text: str) -> Iterator[re.Match[str]]:
    return (PROTECTED_RE if "@" in text else _WITHOUT_EMAIL_RE).finditer(text)


def count_number(text: str, number: str) -> int:
    """How often ``number`` occurs in ``text`` as a whole number ("2024" in "2024년", not in "20245")."""
    return sum(1 for m in NUMBER_RE.finditer(text) if m.group() == number)


def find_numbers(text: str) -> list[Span]:
    """Numbers written with digits (outside protected spans), in order."""
    blocked = [(s.start, s.end) for s in find_protected(text)]
    return [
        Span(m.start(), m.end(), m.group())
        for m in NUMBER_RE.finditer(text)
        if not any(a <= m.start() < b for a, b in blocked)
    ]


# --------------------------------------------------------------------------------------------
# Numbers as values (the number-mismatch check)
#
# A number token is a NUMBER_RE match with its value(s).
# "2024–25": the second year written short.
_SHORT_RANGE_RE = re.compile(r"(\d{4})\s*[-–—]\s*$")
_SCALE_WORD_RE = re.compile(r"[ \u00a0\u202f]?([^\W\d_]+)")
# A clock time with a.m./p.m. ("6 p.m." → 18:00), noon and midnight. (Here and below a look-behind
# comes after the first character, so that the regex engine can scan for that character.)
_CLOCK_RE = re.compile(r"(\d(?<!\w\d)\d?)(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?", re.I)
_AM_PM_RE = re.compile(r"\s?([ap])\.?\s?m\b", re.I)
_ROMAN_RE = re.compile(r"[IVXLC](?<![^\W\d_][IVXLC])[IVXLC]{0,6}(?![^\W\d_])")
_ROMAN_CYRILLIC = str.maketrans({"І": "I", "Х": "X", "С": "C"})  # look-alikes used in Ukrainian
# compiled on first use (re's cache): only for a Ukrainian translation missing a source number
_ROMAN_UK = r"[IVXLCІХС](?<![^\W\d_][IVXLCІХС])[IVXLCІХС]{0,6}(?=\s*(?:ст|сторіч|століт|тис))"
_WORD_RE = re.compile(r"[^\W\d_]+")
_IMPLIED_VALUES = {word: frozenset(map(Decimal, values)) for word, values in IMPLIED_WORDS.items()}
_DIGIT_RE = re.compile(r"\d")


class NumberToken(NamedTuple):
    """A number in text: its span and every value it can be read as (usually one)."""

    start: int
    end: int
    text: str
    values: frozenset


_MISSING = object()


# CLDR's decimal and group symbols of the languages termweave ships catalogs for, so that a
# check run need not load babel's locale data (tests compare them with babel).
CLDR_NUMBER_SYMBOLS = {"en": (".", ","), "uk": (",", "\u00a0"), "ko": (".", ",")}


@dataclass(frozen=True)
class NumberFormat:
    """How a language writes numbers (from CLDR via babel); caches the tokens it has read."""

    decimal: str
    groups: frozenset[str]
    cache: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    @classmethod
    def for_language(cls, lang: str) -> NumberFormat:
        code = lang.replace("-", "_")
        if code in CLDR_NUMBER_SYMBOLS:
            decimal, group = CLDR_NUMBER_SYMBOLS[code]
        else:
            from babel.numbers import get_decimal_symbol, get_group_symbol

            try:
                decimal, group = get_decimal_symbol(code), get_group_symbol(code)
            except Exception:  # an unknown locale: English conventions
                decimal, group = ".", ","
        group = " " if group in _SPACES else group
        # Spaces group thousands in every language (SI style); the locale adds its own symbol.
        return cls(decimal, frozenset({" ", group}) - {decimal})

    def value(self, raw: str) -> Decimal | None:
        """:func:`number_value` of ``raw``, remembered (years and small numbers recur)."""
        value = self.cache.get(raw, _MISSING)
        if value is _MISSING:
            value = number_value(raw, self)
            if len(self.cache) < 100_000:  # bounded: a catalog of unique numbers must not grow it forever
                self.cache[raw] = value
        return value

    def values(self, raws: list[str]) -> list[Decimal] | None:
        """The :meth:`value` of each of ``raws``; None when one is no single number."""
        cache, values = self.cache, []
        for raw in raws:
            value = cache.get(raw, _MISSING)
            if value is _MISSING:
                value = self.value(raw)
            if value is None:
                return None
            values.append(value)
        return values

    def swapped(self) -> NumberFormat:
        decimal = "." if self.decimal == "," else ","
        return NumberFormat(decimal, frozenset({" ", "." if decimal == "," else ","}))


_SEPARATOR_RE = re.compile(r"[ ,.]")
_SPACE_VARIANTS_RE = re.compile(f"[{_SPACES[1:]}]")


def _read(raw: str, fmt: NumberFormat) -> Decimal | None:
    """The value of ``raw`` under ``fmt``, or None when ``raw`` is not well formed there."""
    if raw.isdigit():
        return Decimal(raw)
    integer, fraction = raw, ""
    if fmt.decimal in raw:
        if raw.count(fmt.decimal) > 1:
            return None
        integer, fraction = raw.split(fmt.decimal)
    chunks = _SEPARATOR_RE.split(integer)
    if len(chunks) > 1:
        used = set(_SEPARATOR_RE.findall(integer))
        if len(used) > 1 or not used <= fmt.groups:
            return None
        if not (1 <= len(chunks[0]) <= 3 and all(len(c) == 3 for c in chunks[1:])):
            return None
    if not fraction.isdigit() and fraction:
        return None
    return Decimal("".join(chunks) + ("." + fraction if fraction else ""))


def number_value(raw: str, fmt: NumberFormat) -> Decimal | None:
    """The value of one number token: the language's reading, else the other convention's.

    None when it is no single number ("24.02.2022", "1.2.3").
    """
    raw = _SPACE_VARIANTS_RE.sub(" ", raw) if not raw.isdigit() else raw
    value = _read(raw, fmt)
    return value if value is not None else _read(raw, fmt.swapped())


def find_number_values(text: str, lang: str, fmt: NumberFormat | None = None) -> list[NumberToken]:
    """Numbers written with digits (outside URLs/DOIs/e-mails) with their values in ``lang``.

    Besides its own value a token may carry readings that make equal numbers compare equal:
    the full year in "2024–25", the product with a scale word ("5 тис.", "5 million", "5만").
    Numbers made of dot-separated parts that are no number ("24.02.2022") yield one token
    per part.
    """
    if not _DIGIT_RE.search(text):
        return []
    fmt = fmt or NumberFormat.for_language(lang)
    blocked = [(s.start, s.end) for s in find_protected(text)] if maybe_protected(text) else []
    tokens = []
    for m in NUMBER_RE.finditer(text):
        if blocked and any(a <= m.start() < b for a, b in blocked):
            continue
        raw = m.group()
        value = fmt.value(raw)
        if value is None:
            # Parts of a date or section number: one token each.
            for part in re.finditer(r"\d+", raw):
                tokens.append(
                    NumberToken(
                        m.start() + part.start(),
                        m.start() + part.end(),
                        part.group(),
                        frozenset({Decimal(part.group())}),
                    )
                )
            continue
        values = {value}
        end = m.end()
        if end < len(text) and (text[end].isalpha() or text[end] == " " or text[end] == "\u00a0"):
            values |= _scaled(text, end, values, lang)
            if lang.startswith("en") and raw.isdigit() and int(raw) <= 12:
                clock = _AM_PM_RE.match(text, end)
                if clock:  # "6 p.m." is also 18 (18:00), "12 a.m." also 0
                    values.add(Decimal(int(raw) % 12 + (12 if clock.group(1).lower() == "p" else 0)))
        short = len(raw) == 2 and _SHORT_RANGE_RE.search(text, max(0, m.start() - 8), m.start())
        if short and raw.isdigit():
            full = Decimal(short.group(1)[:2] + raw)
            if full > Decimal(short.group(1)):
                values.add(full)
        tokens.append(NumberToken(m.start(), m.end(), raw, frozenset(values)))
    return tokens


def maybe_protected(text: str) -> bool:
    """A cheap test that is true whenever :func:`find_protected` may find something."""
    if "://" in text or "@" in text or "10." in text or "href=" in text or "src=" in text or "www." in text:
        return True
    return "W" in text and "www." in text.lower()  # only "W" lowercases to "w"


# Strings one of which a text stands in when maybe_protected is true ("W": WWW. in any case).
PROTECTED_MARKS = ("://", "@", "10.", "href=", "src=", "www.", "W")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each span :func:`find_protected` finds (no Span objects made)."""
    return [m.span() for m in _protected(text)]


def markup_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each HTML/XML tag, character reference and inline code span of ``text``."""
    if "<" not in text and "&" not in text and "`" not in text:
        return []
    return [m.span() for m in MARKUP_RE.finditer(text)]


_TAG_RE = re.compile(  # not <<placeholder>>
    r"(?<!<)<(/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*(/?)>(?!>)"
)
_ATTR_NAME_RE = re.compile(r"([\w:-]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def find_tags(text: str) -> list[Span]:
    """HTML/XML tags of ``text``, each as its skeleton: name and attribute names ("<a href>",
    "</a>"), since attribute values such as a title may be translated (links are protected spans)."""
    if "<" not in text:
        return []
    tags = []
    for m in _TAG_RE.finditer(text):
        attributes = " ".join(sorted(_ATTR_NAME_RE.findall(m.group(3)))) if m.group(3) else ""
        skeleton = f"<{m.group(1)}{m.group(2).lower()}{' ' + attributes if attributes else ''}{m.group(4)}>"
        tags.append(Span(m.start(), m.end(), skeleton))
    return tags


# Tokens whose digits are part of a name: IPv4, EPUB3, H2O, utf8, Python3.12, G7, A4 (ASCII only:
# "Python3에서" holds the token "Python3").
DIGIT_WORD_RE = re.compile(r"(?<![A-Za-z0-9_.-])[A-Za-z][A-Za-z0-9_-]*(?:\.\d+)*(?![A-Za-z0-9_])")
_HAS_LETTER_RE = re.compile(r"[A-Za-z]")


def digit_words(text: str) -> list[Span]:
    """Tokens that mix ASCII letters and digits ("IPv4", "EPUB3"): compared verbatim, not as numbers."""
    found = []
    for m in DIGIT_WORD_RE.finditer(text):
        token = m.group().rstrip("-")
        if _HAS_LETTER_RE.search(token) and _DIGIT_RE.search(token):
            found.append(Span(m.start(), m.start() + len(token), token))
    return found


def _scaled(text: str, end: int, values: set, lang: str) -> set:
    """Readings of a number multiplied by the scale word after it."""
    factor = 1
    if lang.startswith("ko"):
        at = end
        while at < len(text) and text[at] in KO_UNITS:
            factor *= KO_UNITS[text[at]]
            at += 1
        if at == end and at < len(text) and text[at] == " " and at + 1 < len(text) and text[at + 1] in "만억조":
            factor = KO_UNITS[text[at + 1]]
    elif end < len(text):
        word = _SCALE_WORD_RE.match(text, end)
        if word:
            factor = SCALE_WORDS.get(word.group(1).lower(), 1)
    if factor == 1:
        return set()
    return {v * factor for v in values}


def implied_numbers(text: str, lang: str) -> set:
    """Values a text states without digits, which a translation may write with digits.

    English month names (June → 6, so "2024년 6월" is fine), number and ordinal words up to
    twenty and round tens, and Roman numerals ("World War II"); in Ukrainian, Roman numerals
    before "ст."/"століття" (including Cyrillic look-alike letters, "ХХІ століття") and number
    words, cardinal or ordinal, in any case («три», «двома», «третій»); in Korean, native
    numerals ("세 개", "두 번째", "첫째", "열두 명").
    """
    found: set = set()
    if lang.startswith("en"):
        for m in _CLOCK_RE.finditer(text):
            hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
            found |= {Decimal(hour), Decimal(int(m.group(2) or 0))}
        lowered = text.lower()  # where no letter lowercases to two, its words are the words lowercased
        words = _WORD_RE.findall(lowered) if len(lowered) == len(text) else map(str.lower, _WORD_RE.findall(text))
        for values in filter(None, map(_IMPLIED_VALUES.get, words)):
            found |= values
        for m in _ROMAN_RE.finditer(text):
            value = roman_value(m.group())
            if value and m.group() != "I":  # the pronoun
                found.add(Decimal(value))
    else:
        if ZERO_WORDS_RE.search(text):
            found.add(Decimal(0))  # "0 of 5 selected" → "5 중 아무것도 선택되지 않았습니다"
        for m in _ROMAN_RE.finditer(text):
            value = roman_value(m.group())
            if value and len(m.group()) > 1:
                found.add(Decimal(value))
        if lang.startswith("uk"):
            for m in re.finditer(_ROMAN_UK, text):
                value = roman_value(m.group().translate(_ROMAN_CYRILLIC))
                if value:
                    found.add(Decimal(value))
        found |= set(map(Decimal, number_words(text, lang)))
    return found


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral (I–CCCXCIX), else None."""
    table = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(numeral):
        value = table.get(ch)
        if value is None:
            return None
        if i + 1 < len(numeral) and table.get(numeral[i + 1], 0) > value:
            total -= value
        else:
            total += value
    if total <= 0 or _to_roman(total) != numeral:
        return None
    return total


def _to_roman(value: int) -> str:
    out = []
    for number, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)
