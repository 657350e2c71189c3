"""Text normalised for term matching, with an offset map back to the original text.

NFC, the apostrophes ``' ’ ʼ`` made one, non-breaking and soft hyphens, no-break and thin spaces
(see :func:`normalize`); every matcher works on the normalised text and reports offsets into
the original.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

_REPLACE = {
    0x00AD: "",  # soft hyphen
    0x200B: "",  # zero-width space
    0x2060: "",  # word joiner
    0xFEFF: "",  # zero-width no-break space
    0x00A0: " ",
    0x2007: " ",
    0x2009: " ",
    0x200A: " ",
    0x202F: " ",
    0x2002: " ",
    0x2003: " ",
    0x2004: " ",
    0x2005: " ",
    0x2006: " ",
    0x2008: " ",
    0x2010: "-",  # hyphen
    0x2011: "-",  # non-breaking hyphen
    0x2019: "'",  # right single quotation mark used as apostrophe
    0x02BC: "'",  # modifier letter apostrophe (the Ukrainian standard one)
}
# Looked for with ``in``, one character at a time: five times faster than a regex character class
# on long texts (a batch of a thousand), and nothing to compile at import.
_SPECIAL = tuple(chr(c) for c in _REPLACE)
_DELETED = frozenset(chr(c) for c, r in _REPLACE.items() if not r)


class Normalized(NamedTuple):  # a NamedTuple: defined in an eighth of a frozen dataclass's time, and cheaper to make
    """``text`` normalised for matching; ``span()`` maps its offsets back to ``original``."""

    original: str
    text: str
    starts: tuple[int, ...] | None = None  # None: offsets are the same in both
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]


def _continues_cluster(ch: str) -> bool:
    # Combining marks and Hangul medial/final jamo compose with what precedes them under NFC.
    return unicodedata.combining(ch) != 0 or "\u1160" <= ch <= "\u11ff"


def normalize(text: str) -> Normalized:
    """NFC, one apostrophe, plain hyphens and spaces; soft hyphens and zero-width marks dropped."""
    if text.isascii():
        return Normalized(text, text)
    special = [ch for ch in _SPECIAL if ch in text]
    if unicodedata.is_normalized("NFC", text) and _DELETED.isdisjoint(special):
        # One character for one: the offsets stay as they are. (str.replace per distinct
        # character is much faster than str.translate on non-ASCII text.)
        normalized = text
        for ch in special:
            normalized = normalized.replace(ch, _REPLACE[ord(ch)])
        return Normalized(text, normalized)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and _continues_cluster(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j]).translate(_REPLACE)
        for ch in piece:
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return Normalized(text, "".join(out), tuple(starts), tuple(ends))


def lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
