"""Quotation marks per language: CLDR's delimiters (``quotationStart``/``End`` and the
alternate pair for quotes inside quotes), with the project's house rules for Ukrainian and
Korean on top.

babel does not carry CLDR's ``delimiters`` (its ``Locale`` has no quotation attributes), so the
table below is CLDR's ``main/<lang>/delimiters.json`` for the languages listed; a language CLDR
data is not given for here has no :class:`QuoteStyle` and its quotes are not checked (better
silent than flagging correct „…“ with English rules).
"""

from __future__ import annotations

from typing import NamedTuple

# CLDR delimiters: quotationStart, quotationEnd, alternateQuotationStart, alternateQuotationEnd.
CLDR_DELIMITERS: dict[str, str] = {
    "en": "“”‘’",
    "de": "„“‚‘",
    "fr": "«»«»",
    "it": "«»“”",
    "es": "«»“”",
    "pt": "“”‘’",
    "nl": "‘’“”",
    "ru": "«»„“",
    "uk": "«»„“",
    "be": "«»„“",
    "pl": "„”«»",
    "cs": "„“‚‘",
    "sk": "„“‚‘",
    "bg": "„“„“",
    "ro": "„”«»",
    "hu": "„”»«",
    "sv": "””’’",
    "fi": "””’’",
    "el": "«»“”",
    "tr": "“”‘’",
    "ja": "「」『』",
    "zh": "“”‘’",
    "ko": "“”‘’",
}


class QuoteStyle(NamedTuple):  # a NamedTuple: defined in an eighth of a frozen dataclass's time
    """Which quotation marks a language writes: ``allowed`` anywhere, ``nested`` only inside «…»."""

    described: str  # for messages: "«…», with „…“ inside"
    allowed: str
    nested: str = ""


HOUSE_RULES: dict[str, QuoteStyle] = {
    # Ukrainian: «…», with „…“ only inside «…» (CLDR's pair, made strict).
    "uk": QuoteStyle("«…», with „…“ inside", "«»", "„“"),
    # Korean academic writing: ‘…’ for quoted/emphasised expressions, “…” for direct speech;
    # 「」『』 (titles) are left alone.
    "ko": QuoteStyle("‘…’ or “…”", "‘’“”「」『』"),
}


def quote_style(lang: str) -> QuoteStyle | None:
    """The quotation marks of ``lang`` (a base language code); None when unknown."""
    if lang in HOUSE_RULES:
        return HOUSE_RULES[lang]
    marks = CLDR_DELIMITERS.get(lang)
    if marks is None:
        return None
    outer, inner = marks[:2], marks[2:]
    if outer == "«»" and inner != outer:
        return QuoteStyle(f"«…», with {inner[0]}…{inner[1]} inside", outer, inner)
    return QuoteStyle(f"{outer[0]}…{outer[1]}", outer + inner)
