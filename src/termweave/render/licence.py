"""Recognise a Creative Commons licence named in prose: its short code and URL."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ELEMENTS = {"attribution": "BY", "noncommercial": "NC", "sharealike": "SA", "noderivatives": "ND", "noderivs": "ND"}
_CC_RE = re.compile(
    r"Creative\s+Commons\s+(?P<elements>Attribution(?:[\s-]+(?:Non-?Commercial|Share-?Alike|No-?Deriv(?:ative)?s))*)"
    r"\s+(?P<version>\d\.\d)",
    re.IGNORECASE,
)
_CC0_RE = re.compile(r"\bCC0\b|Public\s+Domain\s+Dedication", re.IGNORECASE)


@dataclass(frozen=True)
class Licence:
    code: str  # e.g. "CC BY 4.0"
    url: str  # the legal code's canonical URL

    def deed_url(self, lang: str) -> str:
        """The human-readable deed in ``lang`` (Creative Commons publishes deed.<lang> pages)."""
        return self.url if lang == "en" else f"{self.url}deed.{lang}"


def detect_licence(text: str) -> Licence | None:
    match = _CC_RE.search(text)
    if match:
        squashed = re.sub(r"(Non|Share|No)[\s-]+", r"\1", match.group("elements"), flags=re.IGNORECASE)
        parts = [_ELEMENTS[w.lower()] for w in re.split(r"[\s-]+", squashed)]
        version = match.group("version")
        slug = "-".join(p.lower() for p in parts)
        return Licence(f"CC {'-'.join(parts)} {version}", f"https://creativecommons.org/licenses/{slug}/{version}/")
    if _CC0_RE.search(text):
        return Licence("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/")
    return None
