"""Sentence splitters compared on the labelled paragraphs in ``tests/data/sentences/``.

    .venv/bin/python benchmarks/sentence_split.py

For each language (en, uk, ko) every candidate splits every paragraph; a boundary is the offset
where a sentence other than the first starts. Precision, recall and F1 on boundaries are summed
over the corpus and printed beside pysbd's (the baseline: the splitter termweave used before,
with its rule set for the language or the nearest it has: uk → ru, ko → en). ``termweave`` is
:func:`termweave.lang.split.splitter_for`, the per-language choice made from these figures.
Candidates: pysbd, sentencex, tokenize-uk (uk), Kiwi's ``split_into_sents`` (ko).
``heldout.<lang>.txt`` (25 paragraphs each) were written after termweave's rules were fixed
from the main files, so their figures show how the choice carries to text it was not tuned on.
Nothing is asserted; the figures are printed, with each candidate's wrong splits (FP) and missed
ones (FN) on request (``--show``).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from termweave.lang.split import NEVER_FINAL, SentenceSplitter, load_labelled, sentence_offsets, splitter_for

# pysbd's rule set for a language it lacks, as termweave used it: Russian rules know Cyrillic
# abbreviations; Korean went through the English rules.
PYSBD_RULES = {"uk": "ru", "ko": "en"}
DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "sentences"
LANGS = ("en", "uk", "ko")


def pysbd_split(lang: str) -> Callable[[str], list[str]]:
    import pysbd

    segmenter = pysbd.Segmenter(language=PYSBD_RULES.get(lang, lang), clean=False)
    return segmenter.segment


def sentencex_split(lang: str) -> Callable[[str], list[str]]:
    import sentencex

    return lambda text: list(sentencex.segment(lang, text))


def tokenize_uk_split(lang: str) -> Callable[[str], list[str]]:
    import tokenize_uk

    return tokenize_uk.tokenize_sents


def kiwi_split(lang: str) -> Callable[[str], list[str]]:
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    return lambda text: [s.text for s in kiwi.split_into_sents(text)]


def termweave_split(lang: str) -> Callable[[str], list[str]]:
    return splitter_for(lang).split


ENGINES = {
    "pysbd": lambda lang: f"pysbd:{PYSBD_RULES.get(lang, lang)}",
    "sentencex": lambda lang: "sentencex",
    "tokenize-uk": lambda lang: "tokenize-uk",
    "kiwi": lambda lang: "kiwi",
}


def with_rules(name: str) -> Callable[[str], Callable[[str], list[str]]]:
    """The engine behind termweave's own undo-a-false-split rules (what splitter_for would be
    with that engine)."""
    return lambda lang: SentenceSplitter(lang, ENGINES[name](lang), NEVER_FINAL.get(lang, ())).split


CANDIDATES: dict[str, Callable[[str], Callable[[str], list[str]]]] = {
    "pysbd": pysbd_split,
    "sentencex": sentencex_split,
    "tokenize-uk": tokenize_uk_split,
    "kiwi": kiwi_split,
    **{f"{name}+rules": with_rules(name) for name in ENGINES},
    "termweave": termweave_split,
}
APPLIES = {"tokenize-uk": {"uk"}, "kiwi": {"ko"}, "tokenize-uk+rules": {"uk"}, "kiwi+rules": {"ko"}}


def score(split: Callable[[str], list[str]], corpus, show: bool) -> tuple[float, float, float, float]:
    tp = fp = fn = 0
    started = time.perf_counter()
    for text, gold in corpus:
        found = set(sentence_offsets(text, split(text))[1:])
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        if show:
            for at in sorted(found - gold):
                print(f"      FP …{text[max(0, at - 30) : at]}|{text[at : at + 20]}…")
            for at in sorted(gold - found):
                print(f"      FN …{text[max(0, at - 30) : at]}|{text[at : at + 20]}…")
    seconds = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print every wrong and missed boundary")
    args = parser.parse_args()
    for lang, name in [(lang, f"{lang}.txt") for lang in LANGS] + [(lang, f"heldout.{lang}.txt") for lang in LANGS]:
        corpus = load_labelled(DATA / name)
        boundaries = sum(len(gold) for _, gold in corpus)
        print(f"\n{lang} ({name}): {len(corpus)} paragraphs, {boundaries} boundaries")
        print(f"  {'splitter':<24} {'P':>7} {'R':>7} {'F1':>7}  {'F1 − pysbd':>10}  {'time':>7}")
        baseline = None
        for name, make in CANDIDATES.items():
            if lang not in APPLIES.get(name, {lang}):
                continue
            if args.show:
                print(f"    {name}:")
            precision, recall, f1, seconds = score(make(lang), corpus, args.show)
            baseline = f1 if baseline is None else baseline
            label = name if name != "termweave" else f"termweave ({splitter_for(lang).engine})"
            print(f"  {label:<24} {precision:7.3f} {recall:7.3f} {f1:7.3f}  {f1 - baseline:+10.3f}  {seconds:6.2f}s")


if __name__ == "__main__":
    main()
