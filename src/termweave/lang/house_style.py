"""Edition typography per language: the ``[house_style.<lang>]`` tables of ``termweave.toml``.

    [house_style.uk]
    quotes = "«»„“"          # outer pair, then the nested pair; straight "…" become the outer pair
    dash = "–"               # the spaced dash between words ("—" for an em dash; "" leaves it)
    range = "–"              # the mark between two numbers of a range (ko: "~"; "" leaves it)
    nbsp_before_dash = true  # a no-break space before a spaced dash: it never starts a line
    nbsp_after = ["а", "в", "з", "і", "й", "о", "у"]  # one-letter words kept on the next word's line
    keywords_period = "keep" # the keywords line's final period: keep | omit | add

Every key is optional; a language without a table gets :data:`DEFAULTS` (or leaves its text
alone). :func:`typeset` applies a style to one edition text; it is idempotent, so rendering
twice gives the same bytes. The DOI and the copyright line are never typeset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from termweave.config import Config, parse_toml
from termweave.errors import InputError
from termweave.fsutil import read_text
from termweave.patterns import find_protected

NBSP = "\u00a0"
DASHES = "\u2013\u2014"  # en dash, em dash: the spaced dash between words
RANGE_MARKS = "\u2012\u2013\u2014~"  # figure dash, en dash, em dash, tilde; never the hyphen
KEYWORDS_PERIOD = ("keep", "omit", "add")


@dataclass(frozen=True)
class HouseStyle:
    quotes: str = ""  # "" | 2 chars (outer) | 4 chars (outer, nested)
    dash: str = ""
    range: str = ""
    nbsp_before_dash: bool = False
    nbsp_after: tuple[str, ...] = ()
    keywords_period: str = "keep"


DEFAULTS: dict[str, HouseStyle] = {
    # Ukrainian: «…» with „…“ inside; spaced en dash as in the seed, bound to the word before;
    # one-letter prepositions and conjunctions kept with the next word (ДСТУ 3772 typesetting).
    "uk": HouseStyle(
        quotes="«»„“", dash="–", range="–", nbsp_before_dash=True, nbsp_after=("а", "в", "з", "і", "й", "о", "у")
    ),
    # Korean academic journals: ‘…’ / “…”, ranges with the 물결표 ~, keywords without a period.
    "ko": HouseStyle(quotes="“”‘’", range="~", keywords_period="omit"),
}
_KEYS = {"quotes", "dash", "range", "nbsp_before_dash", "nbsp_after", "keywords_period"}


def default_style(lang: str) -> HouseStyle:
    return DEFAULTS.get(lang.replace("-", "_").split("_")[0], HouseStyle())


def project_house_styles(config: Config) -> dict[str, HouseStyle]:
    return load_house_styles(config.path) if config.path else dict(DEFAULTS)


def load_house_styles(path: Path) -> dict[str, HouseStyle]:
    """The house style of every language: the defaults, overridden key by key by the
    ``[house_style.<lang>]`` tables of ``path`` (a missing file keeps the defaults)."""
    styles = dict(DEFAULTS)
    if not path.exists():
        return styles
    text = read_text(path)
    tables = parse_toml(path, text).get("house_style", {})
    for lang, table in tables.items():
        line = _line_of(text, f"[house_style.{lang}]")
        if not isinstance(table, dict):
            raise InputError(f"house_style.{lang} must be a table", path, line)
        styles[lang] = _parse_table(table, default_style(lang), path, line, lang)
    return styles


def _parse_table(table: dict, base: HouseStyle, path: Path, line: int | None, lang: str) -> HouseStyle:
    def fail(message: str):
        raise InputError(f"house_style.{lang}: {message}", path, line)

    unknown = sorted(set(table) - _KEYS)
    if unknown:
        fail(f"unknown key(s): {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})")
    for key in ("quotes", "dash", "range", "keywords_period"):
        if key in table and not isinstance(table[key], str):
            fail(f"{key} must be a string")
    if len(table.get("quotes", "")) not in (0, 2, 4):
        fail("quotes must hold 2 characters (outer pair) or 4 (outer and nested pair)")
    if table.get("dash", "") not in ("", *DASHES):
        fail("dash must be '–', '—' or '' (leave as written)")
    if table.get("range", "") not in ("", "-", *RANGE_MARKS):
        fail("range must be '–', '—', '‒', '~', '-' or '' (leave as written)")
    if table.get("keywords_period", "keep") not in KEYWORDS_PERIOD:
        fail(f"keywords_period must be one of {', '.join(KEYWORDS_PERIOD)}")
    if "nbsp_before_dash" in table and not isinstance(table["nbsp_before_dash"], bool):
        fail("nbsp_before_dash must be true or false")
    words = table.get("nbsp_after", list(base.nbsp_after))
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() == w and w for w in words):
        fail("nbsp_after must be a list of words")
    values = {k: table[k] for k in ("quotes", "dash", "range", "keywords_period", "nbsp_before_dash") if k in table}
    return replace(base, nbsp_after=tuple(words), **values)


def _line_of(text: str, header: str) -> int | None:
    compact = header.replace(" ", "")
    return next((n for n, line in enumerate(text.splitlines(), 1) if line.replace(" ", "").startswith(compact)), None)


# --------------------------------------------------------------------------------------------
# Applying a style

# Compiled on first use (re's cache): only where a style is applied.
_RANGE = rf"(?<=\d)\s?[{RANGE_MARKS}]\s?(?=\d)"
_SPACED_DASH = rf"(?<=\S)[ {NBSP}]([{DASHES}])(?= )"
_STRAIGHT_QUOTES = r'"([^"\n]+)"'


def typeset(text: str, style: HouseStyle, keywords: bool = False) -> str:
    """``text`` with the house style applied outside DOIs, URLs and e-mail addresses;
    applying it twice changes nothing."""
    if not any((style.quotes, style.range, style.dash, style.nbsp_before_dash, style.nbsp_after)):
        return keywords_with_period(text, style) if keywords else text
    out, at = [], 0
    for span in find_protected(text):
        out += [_typeset_plain(text[at : span.start], style), span.text]
        at = span.end
    text = "".join(out) + _typeset_plain(text[at:], style)
    return keywords_with_period(text, style) if keywords else text


def _typeset_plain(text: str, style: HouseStyle) -> str:
    if style.quotes:
        text = re.sub(_STRAIGHT_QUOTES, lambda m: f"{style.quotes[0]}{m.group(1)}{style.quotes[1]}", text)
    if style.range:
        text = re.sub(_RANGE, style.range, text)
    if style.dash or style.nbsp_before_dash:
        space = NBSP if style.nbsp_before_dash else " "
        text = re.sub(_SPACED_DASH, lambda m: space + (style.dash or m.group(1)), text)
    if style.nbsp_after:
        text = _short_words_re(style.nbsp_after).sub(lambda m: m.group(1) + NBSP, text)
    return text


def keywords_with_period(text: str, style: HouseStyle) -> str:
    if style.keywords_period == "omit":
        return text[:-1] if text.endswith(".") and not text.endswith("..") else text
    if style.keywords_period == "add" and not text.endswith((".", "…", "?", "!")):
        return text + "."
    return text


def _short_words_re(words: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w\u02bc'’-])((?i:{alternation})) (?=[\w«„“‘(])")
