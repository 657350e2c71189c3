"""What termweave knows about each language, in one object per language (:func:`language`).

A :class:`Language` gives its term matcher (:mod:`termweave.lang.en`, ``uk``, ``ko``: morphology
and name rules; any other language matches case-insensitive words), its sentence splitter
(:mod:`termweave.lang.split`), its quotation marks (:mod:`termweave.lang.quotes`), the page
chrome labels of its journal pages (:mod:`termweave.lang.labels`) and its English name. The rest
of termweave's language knowledge lives beside it: number words (:mod:`termweave.lang.numbers`),
Ukrainian euphony (:mod:`termweave.lang.uk_euphony`), the wrong-language detector
(:mod:`termweave.lang.detect`) and edition typography (:mod:`termweave.lang.house_style`). The
analysers (pymorphy3 for Ukrainian, Kiwi for Korean) exist once per process
(:mod:`termweave.lang.analysers`): the Korean matcher and the Korean sentence splitter share one Kiwi.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from termweave.glossary.index import Matcher, WordMatcher
from termweave.lang.detect import language_name
from termweave.lang.en import EnglishMatcher
from termweave.lang.ko import KoreanMatcher
from termweave.lang.labels import LABELS, SeedLabels
from termweave.lang.quotes import QuoteStyle, quote_style
from termweave.lang.split import SentenceSplitter, splitter_for
from termweave.lang.uk import UkrainianMatcher

_MATCHERS: dict[str, type[Matcher]] = {"en": EnglishMatcher, "uk": UkrainianMatcher, "ko": KoreanMatcher}


def base_code(lang: str) -> str:
    """``uk-UA``, ``uk_UA``, ``UK`` -> ``uk``."""
    return lang.replace("-", "_").split("_")[0].lower()


@dataclass(eq=False)
class Language:
    """One language's rules; get it from :func:`language` (one object per language and process)."""

    code: str  # the base code: "uk"

    @property
    def labels(self) -> SeedLabels:
        return LABELS.get(self.code, LABELS["en"])

    @property
    def name(self) -> str:
        return language_name(self.code)

    @property
    def quotes(self) -> QuoteStyle | None:
        return quote_style(self.code)

    @cached_property
    def splitter(self) -> SentenceSplitter:
        return splitter_for(self.code)

    def matcher(self, lang: str | None = None) -> Matcher:
        """A new term matcher (it owns its word cache; the analyser behind it is shared)."""
        return _MATCHERS.get(self.code, WordMatcher)(lang or self.code)


@cache
def _language(code: str) -> Language:
    return Language(code)


def language(lang: str) -> Language:
    """The shared :class:`Language` of ``lang`` (any spelling of the code: ``uk``, ``uk-UA``)."""
    return _language(base_code(lang))


__all__ = ["Language", "base_code", "language"]
