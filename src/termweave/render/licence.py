"""The Creative Commons licence an edition links to: the licence the segmenter placed and the
checks read (one parser: :func:`termweave.data.licences.licence_code`), with its URL."""

from __future__ import annotations

from dataclasses import dataclass

from termweave.data.licences import licence_code, licence_url


@dataclass(frozen=True)
class Licence:
    code: str  # e.g. "CC BY 4.0"
    url: str  # the legal code's canonical URL

    def deed_url(self, lang: str) -> str:
        """The human-readable deed in ``lang`` (Creative Commons publishes deed.<lang> pages)."""
        return self.url if lang == "en" else f"{self.url}deed.{lang}"


def detect_licence(text: str, lang: str = "en") -> Licence | None:
    code = licence_code(text, lang)
    url = licence_url(code) if code else None
    return Licence(code, url) if code and url else None
