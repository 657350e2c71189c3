"""The labelled term sets: termweave's term-missing must reach 0.97 precision and recall."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from termweave.check.context import Resources
from termweave.check.evaluate import evaluate, load_pairs

DATA = Path(__file__).resolve().parents[1] / "data" / "check"


@pytest.mark.parametrize("lang", ["uk", "ko"])
def test_labelled_set_is_large_and_varied(lang):
    pairs = load_pairs(DATA / f"term_pairs.{lang}.tsv")
    labels = Counter(p.label for p in pairs)
    assert len(pairs) >= 60
    assert labels["ok"] >= 30 and labels["missing"] >= 10 and labels["forbidden"] >= 3
    assert len({p.id for p in pairs}) == len(pairs)


@pytest.mark.parametrize("lang", ["uk", "ko"])
def test_term_missing_precision_and_recall(lang, glossary, ko_matcher):
    pairs = load_pairs(DATA / f"term_pairs.{lang}.tsv")
    result = evaluate(pairs, glossary, lang, Resources(glossary=glossary, matchers={"ko": ko_matcher}))
    score = result.termweave
    assert score.precision >= 0.97 and score.recall >= 0.97, f"misclassified: {score.wrong}"
    assert result.forbidden.precision >= 0.97 and result.forbidden.recall >= 0.97, result.forbidden.wrong
    # The exact-match baseline is measurably worse on the same set.
    assert result.baseline.precision < score.precision
