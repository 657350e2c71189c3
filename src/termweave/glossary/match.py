"""Term matching: find glossary variants in text, in any inflected form.

The language-neutral index lives in :mod:`termweave.glossary.index`, each language's morphology
and name rules in :mod:`termweave.lang` (``en``, ``uk``, ``ko``); this module is the entry point.

``matcher_for(lang)`` gives one :class:`Matcher` per language; ``Matcher.find(text, terms,
kind)`` returns :class:`TermHit` objects whose ``start``/``end`` are character offsets into the
*original* text (the HTML report highlights with them), sorted by position.

How each language matches (all after :func:`normalize`: NFC, the apostrophes ``' ’ ʼ`` made
one, non-breaking and soft hyphens, no-break and thin spaces):

- **English** (source side): case-insensitive word sequences; each word may carry a plural or
  possessive ending (``missiles``, ``allies``, ``DPRK's``, ``DPRK’s``). A variant written in
  capitals (``US``, ``UN``, ``DPRK``) is an acronym and matches only in capitals, so the
  pronoun "us" is not the United States. A hyphen in a variant equals a space.
- **Ukrainian**: every word is reduced to the set of its lemmas with pymorphy3 (dictionary
  ``uk``), a variant matches a run of words whose lemma sets meet the variant words' lemma sets
  one for one, so "Російська Федерація" is found in "Російської Федерації" but not in
  "Російська імперія". Hyphenated words are one word ("військово-політичного"); a second pass
  over their parts finds "КНДР" in "КНДР-Росія". Euphonic alternants (у/в, і/й, з/із/зі) are
  one word.
- **Korean**: spaces do not count ("세계 질서" ≡ "세계질서"). A cheap test settles most cases
  without loading Kiwi: if the variant (spaces removed) is not a substring, it is absent; if
  it starts a word (or follows a prefix such as 반/친/탈: "반서방") and is followed by nothing,
  a particle, copula or predicate ending ("북한의", "북한이다", "파병된") or a bound suffix
  ("북한군", "지정학적"), it is present. Only the rest goes to Kiwi: the variant must then
  begin and end on morpheme boundaries, so "한국어" (one lexicalised noun) and "대한민국" do
  not contain "한국", while "러시아연방의" contains "러시아 연방".
- **Other languages**: case-insensitive word sequences without morphology.

Each Matcher caches the analysis of every distinct word and takes its analyser (pymorphy3,
Kiwi: one per process, :mod:`termweave.lang.analysers`) on first use only, so checking a
Ukrainian catalog never loads Kiwi. ``find_many`` matches many texts at once (the checks use it
for whole batches of catalog entries).
"""

from __future__ import annotations

from termweave.glossary import Term
from termweave.glossary.hits import TermHit, outermost
from termweave.glossary.index import Matcher, WordMatcher
from termweave.glossary.normalize import Normalized, normalize
from termweave.lang import language
from termweave.lang.en import EnglishMatcher
from termweave.lang.ko import KoreanMatcher
from termweave.lang.uk import UkrainianMatcher


def matcher_for(lang: str) -> Matcher:
    """The matcher for ``lang`` (a fresh object owning its word cache; the analyser is the process's)."""
    return language(lang).matcher(lang)


def triggered_terms(matcher: Matcher, source: str, terms: list[Term], source_lang: str) -> list[TermHit]:
    """The one definition of which terms a source triggers (term-missing and the MT drafter):
    every allowed source variant found, less those nested inside a longer hit of another term
    ("Korea" inside "North Korea")."""
    return outermost(matcher.find(source, terms, "allowed", source_lang))


__all__ = [
    "EnglishMatcher",
    "KoreanMatcher",
    "Matcher",
    "Normalized",
    "TermHit",
    "UkrainianMatcher",
    "WordMatcher",
    "matcher_for",
    "normalize",
    "outermost",
    "triggered_terms",
]
