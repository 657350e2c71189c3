"""Sentence splitting, one :class:`SentenceSplitter` per language.

Each language gets the maintained library that scored best on the labelled abstracts in
``tests/data/sentences/`` (``benchmarks/sentence_split.py`` prints the comparison with pysbd,
the splitter used before): tokenize-uk (LanguageTool's SRX rules) for Ukrainian, Kiwi for
Korean, and sentencex (about 300 languages) for English, which is also the general splitter
every other language falls back to. A wrong split breaks a segment while a
missed one only makes it longer, so after the engine a split is undone where the next piece
cannot start a sentence: it begins with a lower-case letter, or the piece before ends in an
abbreviation that never ends a sentence (``т. зв.``, ``напр.``, ``e.g.``).
"""

from __future__ import annotations

import importlib
import re
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from termweave.lang.analysers import korean_kiwi

DEDICATED = {"uk": "tokenize-uk", "ko": "kiwi"}  # languages with their own splitter; others: sentencex

# Abbreviations that stand before what they qualify, so a sentence never ends on them.
NEVER_FINAL = {
    "uk": (
        "т. зв.",
        "напр.",
        "див.",
        "пор.",
        "проф.",
        "акад.",
        "д-р",
        "ст.",
        "розд.",
        "підрозд.",
        "рис.",
        "табл.",
        "с.",
        "п.",
        "вип.",
        "№",
        "січ.",
        "лют.",
        "берез.",
        "квіт.",
        "трав.",
        "черв.",
        "лип.",
        "серп.",
        "верес.",
        "жовт.",
        "листоп.",
        "груд.",
    ),
    "en": (
        "e.g.",
        "i.e.",
        "cf.",
        "viz.",
        "Dr.",
        "Prof.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "St.",
        "No.",
        "Art.",
        "Fig.",
        "Figs.",
        "pp.",
        "p.",
        "Vol.",
        "approx.",
        "ca.",
        "Jan.",
        "Feb.",
        "Aug.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
    ),
}


@dataclass
class SentenceSplitter:
    """Splits a paragraph into sentences for one language; the engine loads on first use."""

    lang: str
    engine: str  # "tokenize-uk" | "kiwi" | "sentencex" | "pysbd:<rules>" (the benchmark's baseline)
    never_final: tuple[str, ...] = ()
    _split: Callable[[str], list[str]] | None = field(default=None, repr=False, compare=False)

    def split(self, paragraph: str) -> list[str]:
        if self.engine == "tokenize-uk" and not srx_may_break_re().search(paragraph):
            return [paragraph.strip()] if paragraph.strip() else []  # what the engine would return
        if self._split is None:
            self._split = _load_engine(self.engine, self.lang)
        pieces = [s.strip() for s in self._split(paragraph) if s.strip()]
        return _undo_false_splits(paragraph, pieces, self.never_final)


def splitter_for(lang: str) -> SentenceSplitter:
    """The splitter of ``lang`` (:func:`termweave.lang.language` keeps one per language)."""
    base = lang.replace("-", "_").split("_")[0].lower()
    engine = DEDICATED.get(base, "sentencex")
    return SentenceSplitter(base, engine, NEVER_FINAL.get(base, ()))


def _load_engine(engine: str, lang: str) -> Callable[[str], list[str]]:
    if engine == "tokenize-uk":
        return _srx_ukrainian()
    if engine == "kiwi":
        kiwi = korean_kiwi()  # the term matcher's Kiwi: one per process
        return lambda text: [s.text for s in kiwi.split_into_sents(text)]
    if engine == "sentencex":
        import sentencex

        return lambda text: list(sentencex.segment(lang, text))
    import pysbd

    return pysbd.Segmenter(language=engine.split(":", 1)[1], clean=False).segment


# Every break rule that tokenize-uk's SRX rules apply to Ukrainian (``uk_two``: the Ukrainian,
# default and two-line-break rules) needs one of: [.!?…] with a space, a capital or a narrow
# no-break space after it; a line or paragraph break; or a ``{0>``/``<0}`` tag. A paragraph with
# none of these (its only [.!?…] in a closing run of punctuation and quotes at the very end) is
# one sentence whatever the rules say, so the engine is neither called nor loaded for it.
# (The regexes of this module are compiled on first use: most commands split no sentence.)
@cache
def srx_may_break_re() -> re.Pattern[str]:
    return re.compile(
        r"[\n\x0b\x0c\r\x85\u2028\u2029{}]|[.!?…](?![.!?…'»\"„“”)\]›]*[^\S\n\x0b\x0c\r\x85\u2028\u2029]*\Z)"
    )


def _srx_ukrainian() -> Callable[[str], list[str]]:
    """tokenize-uk's sentence engine without the rest of tokenize-uk: ``tokenize_uk.tokenize_sents``
    is choppa's ``SrxTextIterator`` over LanguageTool's SRX rules (language ``uk_two``), the pieces
    stripped, so calling choppa the same way gives the same boundaries without compiling
    tokenize-uk's word tokenizer. choppa imports xmlschema only to validate a ruleset on request
    (never here), so it is bound lazily: loaded only if an attribute of it is ever used."""
    stub = "xmlschema" not in sys.modules
    if stub:
        sys.modules["xmlschema"] = _ImportedOnUse("xmlschema")
    try:
        from choppa import DEFAULT_SRX_RULESET, SrxDocument, SrxTextIterator
    finally:
        if stub:
            del sys.modules["xmlschema"]  # choppa keeps the stand-in; any other import gets the real one
    document = SrxDocument(ruleset=DEFAULT_SRX_RULESET)
    return lambda text: [s.strip() for s in SrxTextIterator(document, "uk_two", text) if s.strip()]


class _ImportedOnUse(types.ModuleType):
    """Stands in for a module that an importer binds but may never use: the first attribute read
    imports the real module and answers from it."""

    def __getattr__(self, name: str) -> object:
        return getattr(importlib.import_module(self.__name__), name)


def _undo_false_splits(paragraph: str, pieces: list[str], never_final: tuple[str, ...]) -> list[str]:
    """Join a piece to the one before when it cannot start a sentence; the text between two
    joined pieces is taken from the paragraph, so nothing is lost or respaced."""
    offsets = sentence_offsets(paragraph, pieces)
    starts = offsets[:1]
    for prev, piece, prev_at, at in zip(pieces, pieces[1:], offsets, offsets[1:]):
        if _continues(prev, piece, paragraph[prev_at + len(prev) : at], never_final):
            continue
        starts.append(at)
    ends = starts[1:] + [len(paragraph)]
    return [paragraph[a:b].strip() for a, b in zip(starts, ends)]


def _continues(prev: str, piece: str, gap: str, never_final: tuple[str, ...]) -> bool:
    """Whether ``piece`` goes on the sentence ``prev`` began: no space between them (‘동맹’|은),
    a lower-case start, an initial before it (М. Дж.|Кім), an abbreviation that never ends a
    sentence (напр., e.g.), or a number after an abbreviation (3 жовт. 2024 р., approx. 12)."""
    if not gap.isspace():
        return True
    first_letter_re, initial_end_re, abbreviation_end_re = _continuation_res()
    letter = first_letter_re.search(piece)
    if letter and letter.start() == len(letter.group(1)) and letter.group(2).islower():
        return True
    initial = initial_end_re.search(prev)
    if initial and initial.group()[0].isupper() and not initial.group()[1:-1].isupper():
        return True
    folded = prev.casefold()
    if any(folded == a.casefold() or folded.endswith(" " + a.casefold()) for a in never_final):
        return True
    short_word = abbreviation_end_re.search(prev)
    return piece[0].isdigit() and short_word is not None and short_word.group().islower()


@cache
def _continuation_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The first letter of a piece; an initial at the end of one (В., Дж., J.: a sentence almost
    never ends on one, a name often continues after it); a short word and a full stop there."""
    return (
        re.compile(r"^([«„“‘\"'(]*)([^\W\d_])"),
        re.compile(r"(?<![\w.])[^\W\d_][^\W\d_]?\.$"),
        re.compile(r"(?<![\w.])[^\W\d_]{1,6}\.$"),
    )


def sentence_offsets(paragraph: str, sentences: list[str]) -> list[int]:
    """Where each sentence starts in ``paragraph`` (the splitters return substrings)."""
    offsets, at = [], 0
    for sentence in sentences:
        sentence = sentence.strip()
        found = paragraph.find(sentence, at)
        if found < 0:
            raise ValueError(f"splitter changed the text: {sentence[:40]!r}")
        offsets.append(found)
        at = found + len(sentence)
    return offsets


def load_labelled(path: Path) -> list[tuple[str, set[int]]]:
    """Labelled paragraphs: one a line, `` || `` between sentences, ``#`` comments. Returns
    (paragraph, offsets where a sentence other than the first starts)."""
    corpus = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentences = line.split(" || ")
        text = " ".join(sentences)
        corpus.append((text, set(sentence_offsets(text, sentences)[1:])))
    return corpus
