"""How right is term-missing? Precision and recall on the labelled pairs, against exact matching.

    .venv/bin/python benchmarks/term_accuracy.py [--data tests/data/check]

Reads ``term_pairs.uk.tsv`` and ``term_pairs.ko.tsv`` (own sentences: inflected terms, true
omissions, forbidden variants, near-miss traps; see termweave.check.evaluate for the format)
with their glossary ``term_glossary.csv``, and prints, per language, precision and recall of
``term-missing`` for termweave and for a Weblate-style baseline that accepts a term only if an
approved variant occurs letter for letter (ignoring case), plus termweave's term-forbidden.
Target: >= 0.97 precision and recall for termweave in both languages. Nothing is asserted.
Two sets are read by default: the development set the matcher was built against
(``tests/data/check``) and a held-out set written blind by a translator who never saw the
matcher (``tests/data/check-heldout``): the second shows how the matcher generalises.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from termweave.check.evaluate import Score, evaluate, load_pairs
from termweave.glossary import load_glossary

ROOT = Path(__file__).resolve().parents[1]


def row(name: str, score: Score) -> str:
    return (
        f"  {name:<26}{score.precision:>10.3f}{score.recall:>8.3f}"
        f"{score.tp:>6}{score.fp:>5}{score.fn:>5}{score.tn:>5}   {' '.join(score.wrong[:12])}"
        + (" …" if len(score.wrong) > 12 else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        action="append",
        help="folder with term_glossary.csv and term_pairs.{uk,ko}.tsv (repeatable; default: the "
        "development set tests/data/check and the blind held-out set tests/data/check-heldout)",
    )
    args = parser.parse_args()
    for folder in args.data or [ROOT / "tests" / "data" / "check", ROOT / "tests" / "data" / "check-heldout"]:
        report(folder)


def report(folder: Path) -> None:
    glossary = load_glossary(folder / "term_glossary.csv", required_languages=("en", "uk", "ko"))
    print(f"\n== {folder.name}: glossary {folder / 'term_glossary.csv'} ({len(glossary)} terms)")
    for lang in ("uk", "ko"):
        pairs = load_pairs(folder / f"term_pairs.{lang}.tsv")
        labels = {label: sum(p.label == label for p in pairs) for label in ("ok", "missing", "forbidden")}
        start = time.perf_counter()
        result = evaluate(pairs, glossary, lang)
        seconds = time.perf_counter() - start
        print(f"\n{lang}: {len(pairs)} pairs {labels} ({seconds:.2f} s, analyser load included)")
        print(
            f"  {'term-missing':<26}{'precision':>10}{'recall':>8}{'TP':>6}{'FP':>5}{'FN':>5}{'TN':>5}   misclassified"
        )
        print(row("termweave", result.termweave))
        print(row("exact match (Weblate-like)", result.baseline))
        print(row("termweave term-forbidden", result.forbidden))


if __name__ == "__main__":
    main()
