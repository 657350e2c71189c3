"""The Creative Commons licences and their official titles (``cc_licences.json``).

The titles come from Creative Commons' own translations (the cc-legal-tools-data repository;
each title records where it comes from; ``scripts/cc_titles.py`` regenerates the file), in every
language CC publishes the 4.0 legal code in. :func:`named_licences` finds which licences a text
names — by code ("CC BY-NC-SA 4.0"), by official title in the text's language or in English
("Із Зазначенням Авторства 4.0 Міжнародна", "저작자표시 4.0 국제", "表示 - 非営利 - 継承 4.0 国際"),
or by the URL of the deed. A catalog's language finds its titles by its full code or its base
language (:func:`data_languages`: ``pt_BR`` → pt-br, pt; ``zh_TW`` → zh-tw, zh-hant).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class CcLicence:
    code: str  # "CC BY-NC-SA 4.0", "CC0 1.0"
    id: str  # "by-nc-sa", "zero"
    version: str
    url: str
    titles: tuple[tuple[str, str], ...]  # (language, official title)

    def title(self, lang: str | None) -> str | None:
        """The official title in ``lang`` (a catalog's Language: "uk", "pt_BR", "zh_TW")."""
        titles = dict(self.titles)
        return next((titles[code] for code in data_languages(lang) if code in titles), None)


@lru_cache(maxsize=1)
def cc_licences() -> tuple[CcLicence, ...]:
    # Package data beside this module (pyproject's package-data): importlib.resources would cost
    # ~5 ms of imports (zipfile, threading) for a path that a regular package already knows.
    raw = json.loads(Path(__file__).with_name("cc_licences.json").read_text(encoding="utf-8"))
    return tuple(
        CcLicence(e["code"], e["id"], e["version"], e["url"], tuple(sorted(e["titles"].items())))
        for e in raw["licences"]
    )


def by_code(code: str) -> CcLicence | None:
    return next((lic for lic in cc_licences() if lic.code == code), None)


# The patterns below are compiled on first use (re's cache): most catalogs name no licence.
_DASHES = r"\s*[-‐‑‒–—―─]\s*"  # ─ (U+2500) joins the zh-hant elements
_APOSTROPHES = str.maketrans("’‘ʼ", "'''")  # one character for another: offsets stay comparable
_CODE = r"(?i)\bCC[\s-]*(BY(?:[\s-]*(?:NC|ND|SA)\b)*)[\s-]*(\d\.\d)|\bCC[\s-]?(?:0|Zero)\b(?:[\s-]*1\.0)?"
_URL = r"(?i)creativecommons\.org/(?:licenses/([a-z-]+)/(\d\.\d)|publicdomain/zero/1\.0)"
VERSION_RE = re.compile(r"(?<![\d.])\d+\.\d+(?!\d|\.\d)")  # "4.0", also before a full stop
# Codes catalogs use that CC's data keys otherwise: Chinese by script (both when only "zh" is
# known, as the check's base language is), Norwegian Bokmål and Nynorsk as "no".
_LANGUAGE_ALIASES = {
    "zh": ("zh-hans", "zh-hant"),
    "zh-cn": ("zh-hans",),
    "zh-sg": ("zh-hans",),
    "zh-tw": ("zh-hant",),
    "zh-hk": ("zh-hant",),
    "zh-mo": ("zh-hant",),
    "nb": ("no",),
    "nn": ("no",),
}
# Kana and CJK ideographs: scripts written without spaces, where a title may follow a letter directly.
_UNSPACED = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_ARABIC_LETTERS = ((0x0620, 0x064A), (0x066E, 0x06D3), (0x06FA, 0x06FF))
# Arabic vowel marks and tatweel, often left out (a pattern string: compiled on first use, not at import).
_ARABIC_MARKS = "[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]"
_BIDI_MARKS = "[\u200e\u200f\u061c]*"  # LRM, RLM, ALM: right-to-left text may put them around "4.0"
_GAP = f"{_BIDI_MARKS} ?{_BIDI_MARKS}"


@lru_cache(maxsize=64)
def data_languages(lang: str | None) -> tuple[str, ...]:
    """The keys a catalog's language may have in the data, most specific first: "pt_BR" → pt-br, pt;
    "de_AT" → de-at, de; "zh_TW" → zh-tw, zh-hant, zh, zh-hans; "sr@latin" → sr-latn, sr."""
    if not lang:
        return ()
    code, _, modifier = lang.split(".")[0].lower().replace("_", "-").partition("@")
    if modifier == "latin":
        code = code.split("-")[0] + "-latn"
    parts = code.split("-")
    found = [code, *_LANGUAGE_ALIASES.get(code, ()), "-".join(parts[:2]), parts[0]]
    return tuple(dict.fromkeys([*found, *_LANGUAGE_ALIASES.get(parts[0], ())]))


def normalise(text: str) -> str:
    """Case, dashes, apostrophes and spacing made uniform, so a title matches however it is typeset."""
    plain = text.casefold().replace("\u00a0", " ").translate(_APOSTROPHES)
    return re.sub(r"\s+", " ", re.sub(_DASHES, "-", plain))


def _core(title: str) -> str:
    """A title up to its version: the licence is named by its elements and version, whatever
    edition word follows ("Міжнародна", "国際", "tarptautinė licencija"), and without a leading
    "Creative Commons" (the Greek titles carry one)."""
    plain = normalise(title)
    version = VERSION_RE.search(plain)
    return (plain[: version.end()] if version else plain).removeprefix("creative commons ")


def _in(char: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= ord(char) <= high for low, high in ranges)


def _title_pattern(core: str) -> re.Pattern:
    """A title core's pattern: after no letter or hyphen, spaces optional and bidi marks allowed
    (right-to-left text), Arabic vowel marks and tatweel optional, and not followed by more of a
    version number. Chinese and Japanese do not space words: there the title may follow a letter
    and be followed by one."""
    parts = []
    for char in re.sub(_ARABIC_MARKS, "", core):
        if char == " ":
            parts.append(_GAP)
        elif char == "،":
            parts.append("[،,]")
        else:
            parts.append(re.escape(char) + (f"{_ARABIC_MARKS}*" if _in(char, _ARABIC_LETTERS) else ""))
    if core and _in(core[0], _UNSPACED):  # the next word may follow "4.0" directly: only "4.0.1", "4.0b1" differ
        return re.compile(r"(?<!-)" + "".join(parts) + r"(?![a-z.-]*\d)")
    return re.compile(r"(?<![\w-])" + "".join(parts) + r"(?![\w.-]*\d)")


@lru_cache(maxsize=16)
def _title_patterns(lang: str | None) -> tuple[tuple[re.Pattern, str], ...]:
    """The title patterns of ``lang`` and of English only: compiled once per language in play."""
    codes = dict.fromkeys((*data_languages(lang), "en"))
    found = []
    for lic in cc_licences():
        titles = dict(lic.titles)
        for core in dict.fromkeys(_core(titles[code]) for code in codes if code in titles):
            found.append((_title_pattern(core), lic.code))
    return tuple(found)


def named_licences(text: str, lang: str | None) -> list[str]:
    """Codes of the CC licences ``text`` names, in order of first mention, without repeats."""
    found: dict[int, str] = {}
    for m in re.finditer(_CODE, text):
        if m.group(1):
            elements = "-".join(re.split(r"[\s-]+", m.group(1).upper()))
            found.setdefault(m.start(), f"CC {elements} {m.group(2)}")
        else:
            found.setdefault(m.start(), "CC0 1.0")
    for m in re.finditer(_URL, text):
        found.setdefault(m.start(), f"CC {m.group(1).upper()} {m.group(2)}" if m.group(1) else "CC0 1.0")
    plain = normalise(text)
    if len(plain) == len(text):  # offsets comparable only when normalising kept the length
        for pattern, code in _title_patterns(lang):
            for m in pattern.finditer(plain):
                found.setdefault(m.start(), code)
    else:
        for pattern, code in _title_patterns(lang):
            if pattern.search(plain):
                found.setdefault(len(text) + len(found), code)
    return list(dict.fromkeys(code for _, code in sorted(found.items())))


_CC_ELEMENTS = (
    ("BY", r"(?i)\battribution\b"),
    ("NC", r"(?i)\bnon-?commercial\b"),
    ("ND", r"(?i)\bno-?deriv(?:ative)?s\b"),
    ("SA", r"(?i)\bshare-?\s?alike\b"),
)
_CC_CODE = r"(?i)\bCC[\s-]*(BY(?:[\s-]+(?:NC|ND|SA))*)(?:[\s-]+(\d+\.\d+))?"


def licence_code(source: str, lang: str = "en") -> str | None:
    """The code of the Creative Commons licence a text names: "CC BY 4.0", "CC BY-NC-SA 3.0" --
    by code, official title or URL (:func:`named_licences`), else by its elements in words
    ("Creative Commons Attribution ...", "CC BY" without a version)."""
    named = named_licences(source, lang)
    if named:
        return named[0]
    version = VERSION_RE.search(source)
    suffix = f" {version.group()}" if version else ""
    code = re.search(_CC_CODE, source)
    if code:
        elements = re.split(r"[\s-]+", code.group(1).upper())
        return "CC " + "-".join(elements) + (f" {code.group(2)}" if code.group(2) else suffix)
    if not re.search(r"creative\s+commons", source, re.I):
        return None
    elements = [name for name, pattern in _CC_ELEMENTS if re.search(pattern, source)]
    return ("CC " + "-".join(elements) + suffix) if elements else None


def licence_url(code: str) -> str | None:
    """The legal code's canonical URL for a licence code ("CC BY-NC 4.0"); None without a version."""
    known = by_code(code)
    if known is not None:
        return known.url
    parts = code.split(" ")
    if len(parts) != 3 or parts[0] != "CC" or not VERSION_RE.fullmatch(parts[2]):
        return None
    return f"https://creativecommons.org/licenses/{parts[1].lower()}/{parts[2]}/"
