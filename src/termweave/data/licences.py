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
    return tuple(CcLicence(e["code"], e["id"], e["version"], e["url"], tuple(sorted(e["titles"].items())))
                 for e in raw["licences"])


def by_code(code: str) -> CcLicence | None:
    return next((lic for lic in cc_licences() if lic.code == code), None)


_DASHES_RE = re.compile(r"\s*[-‐‑‒–—]\s*")
_SPACES_RE = re.compile(r"\s+")
_CODE_RE = re.compile(
    r"\bCC[\s-]*(BY(?:[\s-]*(?:NC|ND|SA)\b)*)[\s-]*(\d\.\d)|\bCC[\s-]?(?:0|Zero)\b(?:[\s-]*1\.0)?", re.I
)
_URL_RE = re.compile(r"creativecommons\.org/(?:licenses/([a-z-]+)/(\d\.\d)|publicdomain/zero/1\.0)", re.I)
_EDITION_WORDS = ("international", "unported", "universal", "міжнародна", "неадаптована", "універсальна", "국제", "공통")


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
