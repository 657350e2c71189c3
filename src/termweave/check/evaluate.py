"""Measure the glossary checks on a labelled set of translation pairs.

A labelled set is a UTF-8 TSV file (``#`` lines are comments) with the columns
``id, term, label, source, translation``: ``label`` is ``ok`` (the term is rendered, or the
source does not trigger it), ``missing`` (term-missing must fire for ``term``) or
``forbidden`` (a forbidden variant stands in for the term: term-missing and term-forbidden
must both fire). :func:`evaluate` scores termweave's ``term-missing`` against that, next to
a Weblate-style exact-match baseline (the term counts as present only if an approved variant
occurs letter for letter, ignoring case).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from termweave.check.catalog import Catalog, Entry
from termweave.check.context import EntryContext, Resources
from termweave.check.runner import check_catalog, select_checks
from termweave.errors import InputError
from termweave.fsutil import read_text
from termweave.glossary import Glossary

LABELS = ("ok", "missing", "forbidden")


@dataclass(frozen=True)
class Pair:
    id: str
    term: str
    label: str
    source: str
    translation: str
    line: int


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)  # ids of misclassified pairs

    def add(self, pair_id: str, predicted: bool, expected: bool) -> None:
        if predicted and expected:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.wrong.append(pair_id)
        elif expected:
            self.fn += 1
            self.wrong.append(pair_id)
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Evaluation:
    lang: str
    pairs: int
    termweave: Score
    baseline: Score
    forbidden: Score  # term-forbidden of termweave (positives: label "forbidden")


def load_pairs(path: str | Path) -> list[Pair]:
    path = Path(path)
    text = read_text(path)
    pairs: list[Pair] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE))
        if not header_seen:
            header_seen = True
            if cells[:5] == ["id", "term", "label", "source", "translation"]:
                continue
        if len(cells) != 5:
            raise InputError(f"expected 5 tab-separated fields, found {len(cells)}", path, number)
        if cells[2] not in LABELS:
            raise InputError(f"label must be one of {', '.join(LABELS)}, not {cells[2]!r}", path, number)
        pair_id, term, label, source, translation = cells
        pairs.append(Pair(pair_id, term, label, source, translation, line=number))
    return pairs


def baseline_missing(pair: Pair, glossary: Glossary, lang: str, triggered: bool) -> bool:
    """Weblate-style: the term is missing unless a variant occurs exactly (ignoring case)."""
    if not triggered:
        return False
    term = glossary.get(pair.term)
    variants = term.allowed(lang, "en") if term else ()
    target = pair.translation.casefold()
    return not any(v.casefold() in target for v in variants)


def evaluate(pairs: list[Pair], glossary: Glossary, lang: str, resources: Resources | None = None) -> Evaluation:
    """Run term-missing and term-forbidden over ``pairs`` (as one catalog in ``lang``)."""
    for pair in pairs:
        if glossary.get(pair.term) is None:
            raise InputError(f"pair {pair.id}: term {pair.term!r} is not in the glossary", glossary.path)
    resources = resources or Resources(glossary=glossary)
    catalog = Catalog(
        path=Path(f"<pairs.{lang}>"),
        language=lang,
        source_lang="en",
        entries=[Entry(line=p.line, msgctxt=p.id, msgid=p.source, msgstr=p.translation) for p in pairs],
    )
    findings = check_catalog(catalog, select_checks({"term-missing", "term-forbidden"}), resources)
    missing = {(f.context, f.term) for f in findings if f.check == "term-missing"}
    forbidden = {(f.context, f.term) for f in findings if f.check == "term-forbidden"}

    # The baseline is given the same source-side triggers, so the comparison is about the
    # translation side, where morphology matters.
    result = Evaluation(lang, len(pairs), Score(), Score(), Score())
    for pair, entry in zip(pairs, catalog.entries):
        expected = pair.label in ("missing", "forbidden")
        ctx = EntryContext(catalog, entry, entry.msgid, entry.msgstr, resources)
        triggered = pair.term in ctx.triggered
        result.termweave.add(pair.id, (pair.id, pair.term) in missing, expected)
        result.baseline.add(pair.id, baseline_missing(pair, glossary, lang, triggered), expected)
        result.forbidden.add(pair.id, (pair.id, pair.term) in forbidden, pair.label == "forbidden")
    return result
