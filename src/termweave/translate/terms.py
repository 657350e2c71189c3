"""Glossary-aware choice among the model's hypotheses.

All scoring goes through :func:`score_hypotheses`, which uses the same term matcher as the
checks (``termweave.glossary.match.matcher_for``): a term is *triggered* when the source
contains one of its source-language variants, and *satisfied* by a hypothesis that contains
an approved rendering in any inflected form; a forbidden variant counts against it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termweave.glossary import Glossary, Term, match
from termweave.glossary.match import Matcher, triggered_terms


@dataclass(frozen=True)
class TermScore:
    """How one hypothesis treats the glossary terms its source triggers."""

    satisfied: tuple[Term, ...] = ()
    missing: tuple[Term, ...] = ()
    forbidden: tuple[tuple[Term, str], ...] = ()  # (term, variant found)

    @property
    def key(self) -> tuple[int, int]:
        """Higher is better: fewer forbidden variants first, then more satisfied terms."""
        return (-len(self.forbidden), len(self.satisfied))


@dataclass
class TermSet:
    """The glossary terms for one language pair, with the matchers that find them."""

    source_lang: str
    target_lang: str
    terms: list[Term] = field(default_factory=list)  # triggerable in source, renderable in target
    banned: list[Term] = field(default_factory=list)  # with forbidden variants in target
    source_matcher: Matcher | None = None
    target_matcher: Matcher | None = None

    @classmethod
    def for_pair(cls, glossary: Glossary | None, source_lang: str, target_lang: str) -> TermSet:
        if glossary is None:
            return cls(source_lang, target_lang)
        return cls(
            source_lang,
            target_lang,
            terms=glossary.for_pair(source_lang, target_lang),
            banned=[t for t in glossary.terms if t.banned(target_lang)],
            source_matcher=match.matcher_for(source_lang),
            target_matcher=match.matcher_for(target_lang),
        )

    def __bool__(self) -> bool:
        return bool(self.terms or self.banned)

    def forbidden_variants(self) -> list[str]:
        return [variant for term in self.banned for variant in term.banned(self.target_lang)]


def score_hypotheses(source: str, hypotheses: list[str], terms: TermSet) -> list[TermScore]:
    """Score each hypothesis of ``source`` against the glossary (the one place scoring happens)."""
    if not terms:
        return [TermScore() for _ in hypotheses]
    source_matcher, target_matcher = terms.source_matcher, terms.target_matcher
    assert source_matcher is not None and target_matcher is not None  # for_pair sets both when there are terms
    # Triggered as term-missing sees it: a term nested in a longer one does not count.
    hits = triggered_terms(source_matcher, source, terms.terms, terms.source_lang)
    triggered: list[Term] = []
    for hit in hits:
        if all(hit.term.id != t.id for t in triggered):
            triggered.append(hit.term)
    scores = []
    for hypothesis in hypotheses:
        # Always the same term list, so the matcher reuses its index; filter the hits instead.
        found = (
            {
                hit.term.id
                for hit in target_matcher.find(hypothesis, terms.terms, kind="allowed", source_lang=terms.source_lang)
            }
            if triggered
            else set()
        )
        bad = target_matcher.find(hypothesis, terms.banned, kind="forbidden", source_lang=terms.source_lang)
        forbidden: dict[tuple[str, str], tuple[Term, str]] = {}
        for hit in bad:
            forbidden.setdefault((hit.term.id, hit.variant), (hit.term, hit.variant))
        scores.append(
            TermScore(
                satisfied=tuple(t for t in triggered if t.id in found),
                missing=tuple(t for t in triggered if t.id not in found),
                forbidden=tuple(forbidden.values()),
            )
        )
    return scores
