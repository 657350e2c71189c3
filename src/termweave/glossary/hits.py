"""Term hits: :class:`TermHit` (a variant found in a text) and what the matchers and checks do
with lists of them (order, nesting, the terms wanted)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import NamedTuple

from termweave.glossary import Term


class TermHit(NamedTuple):
    """A variant of ``term`` found at ``text[start:end]`` (offsets into the original text)."""

    term: Term
    variant: str
    start: int
    end: int


class HitCache(dict[tuple[Hashable, int, int], TermHit]):
    """(variant, start, end) -> its TermHit: one object for the many texts with a variant at the
    same place (a dense catalog has 150,000 hits and 2,000 distinct ones: less work, less GC).
    The variant is any key that stands for one (term, variant) pair."""

    LIMIT = 50_000  # entries kept at most (cleared when past it)

    def make(self, key: tuple[Hashable, int, int], term: Term, variant: str) -> TermHit:
        hit = self[key] = TermHit(term, variant, key[1], key[2])
        return hit

    def trim(self) -> None:
        if len(self) > self.LIMIT:
            self.clear()


def outermost(hits: Iterable[TermHit]) -> list[TermHit]:
    """Drop hits lying inside a longer hit of another term ("Korea" inside "North Korea")."""
    hits = list(hits)
    if len(hits) < 2 or all(a.end <= b.start for a, b in zip(hits, hits[1:])):
        return hits  # sorted and disjoint: the usual case
    kept = []
    for hit in hits:
        start, end = hit.start, hit.end
        for other in hits:  # a longer hit of another term around it?
            if other.start <= start and end <= other.end and other.end - other.start > end - start:
                if other.term.id != hit.term.id:
                    break
        else:
            kept.append(hit)
    return kept


def variants_of(term: Term, lang: str, kind: str, source_lang: str) -> tuple[str, ...]:
    if kind == "allowed":
        return term.allowed(lang, source_lang)
    if kind == "forbidden":
        return term.banned(lang)
    raise ValueError(f"kind must be 'allowed' or 'forbidden', not {kind!r}")


def keep_wanted(hits: list[TermHit], ids: frozenset[str]) -> list[TermHit]:
    return [hit for hit in hits if hit.term.id in ids] if hits else hits


def sorted_unique(hits: list[TermHit]) -> list[TermHit]:
    if len(hits) < 2 or all(a.start < b.start for a, b in zip(hits, hits[1:])):
        return hits  # already in order, no two at one place
    seen: set[tuple[str, int, int]] = set()
    out = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), h.term.id)):
        key = (hit.term.id, hit.start, hit.end)
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out
