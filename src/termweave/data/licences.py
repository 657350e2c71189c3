"""The Creative Commons licences and their official titles (``cc_licences.json``).

The titles come from Creative Commons' own translations (the cc-legal-tools-data repository;
each title records where it comes from). :func:`named_licences` finds which licences a text
names — by code ("CC BY-NC-SA 4.0"), by official title in the text's language or in English
("Із Зазначенням Авторства 4.0 Міжнародна", "저작자표시 4.0 국제"), or by the URL of the deed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class CcLicence:
    code: str  # "CC BY-NC-SA 4.0", "CC0 1.0"
    id: str  # "by-nc-sa", "zero"
    version: str
    url: str
    titles: tuple[tuple[str, str], ...]  # (language, official title)

    def title(self, lang: str) -> str | None:
        return dict(self.titles).get(lang)


@lru_cache(maxsize=1)
def cc_licences() -> tuple[CcLicence, ...]:
    from importlib import resources  # 8 ms to import: only when a licence entry is checked

    raw = json.loads(resources.files("termweave.data").joinpath("cc_licences.json").read_text(encoding="utf-8"))
    return tuple(
        CcLicence(e["code"], e["id"], e["version"], e["url"], tuple(sorted(e["titles"].items())))
        for e in raw["licences"]
    )


def by_code(code: str) -> CcLicence | None:
    return next((lic for lic in cc_licences() if lic.code == code), None)


_DASHES_RE = re.compile(r"\s*[-‐‑‒–—]\s*")
_SPACES_RE = re.compile(r"\s+")
_CODE_RE = re.compile(
    r"\bCC[\s-]*(BY(?:[\s-]*(?:NC|ND|SA)\b)*)[\s-]*(\d\.\d)|\bCC[\s-]?(?:0|Zero)\b(?:[\s-]*1\.0)?", re.I
)
_URL_RE = re.compile(r"creativecommons\.org/(?:licenses/([a-z-]+)/(\d\.\d)|publicdomain/zero/1\.0)", re.I)
VERSION_RE = re.compile(r"(?<![\d.])\d+\.\d+(?!\d|\.\d)")  # "4.0", also before a full stop
_EDITION_WORDS = (
    "international",
    "unported",
    "universal",
    "міжнародна",
    "неадаптована",
    "універсальна",
    "국제",
    "공통",
)


def normalise(text: str) -> str:
    """Case, dashes and spacing made uniform, so a title matches however it is typeset."""
    return _SPACES_RE.sub(" ", _DASHES_RE.sub("-", text.casefold().replace("\u00a0", " ")))


def _core(title: str) -> str:
    """A title without its edition word: the licence is named by its elements and version."""
    words = normalise(title).split(" ")
    return " ".join(words[:-1]) if words[-1] in _EDITION_WORDS else " ".join(words)


@lru_cache(maxsize=16)
def _title_patterns(lang: str) -> tuple[tuple[re.Pattern, str], ...]:
    found = []
    for lic in cc_licences():
        for code in {lang, "en"}:
            title = lic.title(code)
            if title:
                found.append((re.compile(r"(?<![\w-])" + re.escape(_core(title)) + r"(?![\w.-]*\d)"), lic.code))
    return tuple(found)


def named_licences(text: str, lang: str) -> list[str]:
    """Codes of the CC licences ``text`` names, in order of first mention, without repeats."""
    found: dict[int, str] = {}
    for m in _CODE_RE.finditer(text):
        if m.group(1):
            elements = "-".join(re.split(r"[\s-]+", m.group(1).upper()))
            found.setdefault(m.start(), f"CC {elements} {m.group(2)}")
        else:
            found.setdefault(m.start(), "CC0 1.0")
    for m in _URL_RE.finditer(text):
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
    ("BY", re.compile(r"\battribution\b", re.I)),
    ("NC", re.compile(r"\bnon-?commercial\b", re.I)),
    ("ND", re.compile(r"\bno-?deriv(?:ative)?s\b", re.I)),
    ("SA", re.compile(r"\bshare-?\s?alike\b", re.I)),
)
_CC_CODE_RE = re.compile(r"\bCC[\s-]*(BY(?:[\s-]+(?:NC|ND|SA))*)(?:[\s-]+(\d+\.\d+))?", re.I)


def licence_code(source: str, lang: str = "en") -> str | None:
    """The code of the Creative Commons licence a text names: "CC BY 4.0", "CC BY-NC-SA 3.0" --
    by code, official title or URL (:func:`named_licences`), else by its elements in words
    ("Creative Commons Attribution ...", "CC BY" without a version)."""
    named = named_licences(source, lang)
    if named:
        return named[0]
    version = VERSION_RE.search(source)
    suffix = f" {version.group()}" if version else ""
    code = _CC_CODE_RE.search(source)
    if code:
        elements = re.split(r"[\s-]+", code.group(1).upper())
        return "CC " + "-".join(elements) + (f" {code.group(2)}" if code.group(2) else suffix)
    if not re.search(r"creative\s+commons", source, re.I):
        return None
    elements = [name for name, pattern in _CC_ELEMENTS if pattern.search(source)]
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
