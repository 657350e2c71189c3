"""Spans that translation must carry over unchanged: DOIs, URLs, e-mail addresses, numbers.

Shared by the checks (``protected-altered``, ``number-mismatch``) and by machine translation,
which masks these spans before decoding and verifies them afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A URL ends before trailing sentence punctuation or a closing bracket/quote.
_URL = r"(?:https?://|www\.)[^\s<>\"«»]+?(?=[.,;:!?)\]}’”»]*(?:\s|$))"
_DOI = r"\b10\.\d{4,9}/[^\s<>\"«»]+?(?=[.,;:!?)\]}’”»]*(?:\s|$))"
_EMAIL = r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
PROTECTED_RE = re.compile(f"{_URL}|{_DOI}|{_EMAIL}", re.IGNORECASE)

# Digits with optional grouping (space, NBSP, thin space, comma, dot) and decimals.
NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[ \u00a0\u202f\u2009]\d{3})*(?:[.,]\d+)*(?![\w])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def find_protected(text: str) -> list[Span]:
    """DOIs, URLs and e-mail addresses in ``text``, in order, non-overlapping."""
    return [Span(m.start(), m.end(), m.group()) for m in PROTECTED_RE.finditer(text)]


def find_numbers(text: str) -> list[Span]:
    """Numbers written with digits (outside protected spans), in order."""
    blocked = [(s.start, s.end) for s in find_protected(text)]
    return [
        Span(m.start(), m.end(), m.group())
        for m in NUMBER_RE.finditer(text)
        if not any(a <= m.start() < b for a, b in blocked)
    ]
