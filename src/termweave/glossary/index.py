"""The language-neutral term index: :class:`Matcher`, :class:`TermHit`, and :class:`WordMatcher`,
which matches variants as word sequences whose words meet on their keys. What a word's keys
are (lemmas, endings, name rules) is each language's business: the subclasses in
:mod:`termweave.lang` (``en``, ``uk``, ``ko``) supply it; any other language uses
:class:`WordMatcher` as it is (case-insensitive words without morphology).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, count

from termweave.glossary import Term
from termweave.glossary.hits import HitCache, TermHit, keep_wanted, outermost, sorted_unique, variants_of
from termweave.glossary.normalize import Normalized, normalize

__all__ = [
    "HitCache",
    "Matcher",
    "Pattern",
    "TermHit",
    "TermIndex",
    "WordMatcher",
    "Words",
    "sorted_unique",
    "variants_of",
]


class Matcher:
    """Finds glossary variants of one language in text. Subclasses supply the morphology."""

    lang: str

    def __init__(self, lang: str):
        self.lang = lang

    def find(self, text: str, terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en") -> list[TermHit]:
        raise NotImplementedError

    def find_many(
        self,
        texts: list[str],
        terms: Iterable[Term],
        kind: str = "allowed",
        source_lang: str = "en",
        wanted: list[frozenset[str]] | None = None,
    ) -> list[list[TermHit]]:
        """``find`` for each text (word matchers batch the work); with ``wanted``, only the hits
        of the terms whose ids are in ``wanted[i]`` are kept for ``texts[i]``."""
        terms = list(terms)
        found = [self.find(text, terms, kind, source_lang) for text in texts]
        return found if wanted is None else [keep_wanted(hits, ids) for hits, ids in zip(found, wanted)]

    def triggered_many(self, texts: list[str], terms: list[Term], source_lang: str = "en") -> list[list[TermHit]]:
        """What each source triggers: its allowed hits less those nested inside a longer hit of
        another term (:func:`termweave.glossary.match.triggered_terms` for each text)."""
        return [outermost(hits) for hits in self.find_many(texts, terms, "allowed", source_lang)]

    def may_occur(
        self, texts: list[str], terms: list[Term], kind: str = "allowed", source_lang: str = "en"
    ) -> list[bool] | None:
        """A cheap test before the analyser: False proves a text holds no variant of ``terms``;
        None when the matcher has no such test (everything must be searched)."""
        return None


# --------------------------------------------------------------------------------------------
# Word-sequence matching (English, Ukrainian, any language written with spaces)

_GAP_RE = re.compile(r"\s+|[-–]")


# Compared and hashed by identity: a cheap dictionary key. Never changed (not frozen: a third of the definition time).
@dataclass(eq=False)
class Pattern:
    term: Term
    variant: str
    keys: tuple[frozenset[str], ...]  # one key set per variant word


Plan = tuple[tuple[Pattern, int, bool], ...]


def _plan(patterns: Iterable[Pattern]) -> Plan:
    return tuple((pattern, 2 * len(pattern.keys) - 1, len(pattern.keys) > 2) for pattern in patterns)


class TermIndex:
    """Patterns of one term list, keyed by every key of their first word."""

    def __init__(self, patterns: list[Pattern], terms: Sequence[Term]):
        self.terms = terms  # kept so the id()s in the cache key stay valid
        # How the first words of the patterns begin, in the terms of the matcher's language (set on
        # first use by lang/en.py and lang/uk.py): a word that begins otherwise starts no pattern.
        self.prefixes: set[str] | None = None
        self.by_first: dict[str, list[Pattern]] = {}
        for pattern in patterns:
            for key in pattern.keys[0]:
                self.by_first.setdefault(key, []).append(pattern)
        self.candidates: dict[str, tuple[Pattern, ...]] = {}  # word surface -> patterns
        self.live: set[str] = set()  # surfaces with at least one candidate pattern
        # Live surface -> its plan: (pattern, offset of its end in Words.bounds, more than two
        # words); None for a surface with a candidate of two or more words: see ``ahead``.
        self.plans: dict[str, Plan | None] = {}
        # (surface, separator, next surface) -> the plan of the candidates whose second word (if any) matches there
        self.ahead: dict[tuple[str, str, str], Plan] = {}
        self.made = HitCache()


class Words:
    """The words of a text and the separators around them (``seps[i]`` precedes ``words[i]``)."""

    __slots__ = ("words", "seps", "distinct", "_parts", "_bounds")

    def __init__(self, pattern: re.Pattern, text: str):
        # ``pattern`` has one capturing group around the whole word: split() returns
        # separators and words interleaved, in one pass.
        parts = self._parts = pattern.split(text)
        self.words: list[str] = parts[1::2]
        self.seps: list[str] = parts[0::2]
        self.distinct = set(self.words)
        self._bounds: list[int] | None = None

    def bounds(self) -> list[int]:
        """[start0, end0, start1, end1, ...], computed in C on first need."""
        if self._bounds is None:
            self._bounds = list(accumulate(map(len, self._parts)))
        return self._bounds


class WordMatcher(Matcher):
    """Matches variants as word sequences; a word matches when its key sets meet."""

    # A word: letters and digits, with inner apostrophes ("DPRK's") and decimal points ("4.0").
    word_re = re.compile(r"([^\W_]+(?:['.,][^\W_]+)*)")

    def __init__(self, lang: str):
        super().__init__(lang)
        self._keys: dict[str, frozenset[str]] = {}
        self._indexes: dict[tuple, TermIndex] = {}
        self._by_list: dict[tuple, TermIndex] = {}
        self._last: tuple[str, Normalized, dict] | None = None  # the last text's words
        self._batch: tuple | None = None  # the last batch of find_many

    # -- morphology hooks ----------------------------------------------------------------
    def word_keys(self, word: str) -> frozenset[str]:
        """Keys of a word of running text (lemmas, surface); cached per distinct word."""
        return frozenset({word.lower()})

    def variant_keys(self, word: str) -> frozenset[str]:
        """Keys of a word of a glossary variant (dictionary form)."""
        return self.keys(word)

    def pattern_keys(self, words: list[str]) -> tuple[frozenset[str], ...]:
        """Keys of each word of one variant (a matcher may read a variant as a whole)."""
        return tuple(self.variant_keys(w) for w in words)

    # -- machinery -----------------------------------------------------------------------
    def keys(self, word: str) -> frozenset[str]:
        keys = self._keys.get(word)
        if keys is None:
            keys = self._keys[word] = frozenset({word}) if word[0].isdigit() else self.word_keys(word)
        return keys

    def _index(self, terms: Sequence[Term], kind: str, source_lang: str) -> TermIndex:
        # The same list object comes again and again: look it up by identity first.
        by_list = (kind, source_lang, id(terms))
        index = self._by_list.get(by_list)
        if index is not None and index.terms is terms:
            return index
        by_ids = (kind, source_lang, tuple(map(id, terms)))
        index = self._indexes.get(by_ids)
        if index is None:
            patterns = []
            for term in terms:
                for variant in variants_of(term, self.lang, kind, source_lang):
                    variant_words = self.word_re.findall(normalize(variant).text)
                    if variant_words:
                        keys = self.pattern_keys(variant_words)
                        patterns.append(Pattern(term, variant, keys))
            index = self._indexes[by_ids] = TermIndex(patterns, terms)
        self._by_list[by_list] = index
        return index

    def _candidates(self, index: TermIndex, word: str) -> tuple[Pattern, ...]:
        seen: dict[int, Pattern] = {}
        for key in self.keys(word):
            for pattern in index.by_first.get(key, ()):
                seen.setdefault(id(pattern), pattern)
        found = index.candidates[word] = tuple(seen.values())
        if found:
            index.live.add(word)
            index.plans[word] = None if any(len(pattern.keys) > 1 for pattern in found) else _plan(found)
        return found

    def _scan(self, words: Words, index: TermIndex) -> list:
        """Every match, flat: ``[start, end, pattern, start, end, pattern, ...]``, offsets into
        the normalised text (flat: a batch has thousands, and as many tuples burden the GC)."""
        candidates = index.candidates
        for word in words.distinct.difference(candidates):
            self._candidates(index, word)
        live = index.live
        if live.isdisjoint(words.distinct):
            return []
        found: list = []
        items, seps = words.words, words.seps
        bounds = words.bounds()
        plans, ahead = index.plans, index.ahead
        last = len(items) - 1
        for i in list(compress(count(), map(live.__contains__, items))):  # the words that start a candidate
            word = items[i]
            plan = plans[word]
            if plan is None:  # the candidates that go on with the next word (looked up per word pair)
                pair = (word, seps[i + 1], items[i + 1]) if i < last else (word, "", "")
                plan = ahead.get(pair)
                if plan is None:
                    plan = self._ahead(index, pair)
            at = 2 * i
            for pattern, reach, long in plan:
                if long and not self._continues(words, i, pattern.keys):
                    continue
                found += (bounds[at], bounds[at + reach], pattern)
        return found

    def _ahead(self, index: TermIndex, pair: tuple[str, str, str]) -> Plan:
        """The plan of the candidates of ``pair[0]`` whose second word, if any, is ``pair[2]``
        after the gap ``pair[1]``."""
        word, sep, following = pair
        gap = bool(following) and (sep == " " or _GAP_RE.fullmatch(sep) is not None)
        keys = self.keys(following) if gap else frozenset()
        plan = index.ahead[pair] = _plan(
            pattern
            for pattern in index.candidates[word]
            if len(pattern.keys) == 1 or not keys.isdisjoint(pattern.keys[1])
        )
        return plan

    def _continues(self, words: Words, i: int, keys: tuple[frozenset[str], ...]) -> bool:
        """Do the words after ``words[i]`` match the rest of a multiword variant?"""
        items, seps = words.words, words.seps
        if i + len(keys) > len(items):
            return False
        known = self._keys
        for k in range(1, len(keys)):
            sep, word = seps[i + k], items[i + k]
            if sep != " " and not _GAP_RE.fullmatch(sep):
                return False  # punctuation between the words
            if (known.get(word) or self.keys(word)).isdisjoint(keys[k]):
                return False
        return True

    def _words(self, text: str) -> tuple[Normalized, dict]:
        """Normalised text and its word lists (per pattern), memoised for the last text."""
        if self._last is not None and self._last[0] is text:
            return self._last[1], self._last[2]
        norm = normalize(text)
        self._last = (text, norm, {})
        return norm, self._last[2]

    def words_of(self, text: str, pattern: re.Pattern | None = None) -> tuple[Normalized, Words]:
        norm, cache = self._words(text)
        pattern = pattern or self.word_re
        words = cache.get(pattern)
        if words is None:
            words = cache[pattern] = Words(pattern, norm.text)
        return norm, words

    def _all_hits(self, text: str, index: TermIndex) -> tuple[Normalized, list]:
        norm, words = self.words_of(text)
        return norm, self._scan(words, index)

    @staticmethod
    def _to_hits(norm: Normalized, found: list) -> list[TermHit]:
        hits = []
        for a, b, pattern in zip(found[0::3], found[1::3], found[2::3]):
            a, b = norm.span(a, b)
            hits.append(TermHit(pattern.term, pattern.variant, a, b))
        return hits

    def find(self, text: str, terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en") -> list[TermHit]:
        if not isinstance(terms, (list, tuple)):
            terms = list(terms)
        if not text or not terms:
            return []
        index = self._index(terms, kind, source_lang)
        if not index.by_first:
            return []
        norm, found = self._all_hits(text, index)
        return sorted_unique(self._to_hits(norm, found)) if found else []

    def find_many(
        self,
        texts: list[str],
        terms: Iterable[Term],
        kind: str = "allowed",
        source_lang: str = "en",
        wanted: list[frozenset[str]] | None = None,
    ) -> list[list[TermHit]]:
        """``[find(t, terms, kind) for t in texts]``, faster: texts are matched in batches joined
        by a separator no match can cross (NUL is neither a word character nor a gap)."""
        return self._find_many(texts, terms, kind, source_lang, wanted, outer=False)

    def triggered_many(self, texts: list[str], terms: list[Term], source_lang: str = "en") -> list[list[TermHit]]:
        return self._find_many(texts, terms, "allowed", source_lang, None, outer=True)

    def _find_many(
        self,
        texts: list[str],
        terms: Iterable[Term],
        kind: str,
        source_lang: str,
        wanted: list[frozenset[str]] | None,
        outer: bool,
    ) -> list[list[TermHit]]:
        if not isinstance(terms, (list, tuple)):
            terms = list(terms)
        if not terms or not texts:
            return [[] for _ in texts]
        index = self._index(terms, kind, source_lang)
        if not index.by_first:
            return [[] for _ in texts]
        results: list[list[TermHit]] = []
        for at in range(0, len(texts), _BATCH):
            chunk = texts[at : at + _BATCH]
            ids = None if wanted is None else wanted[at : at + _BATCH]
            norm, found = self._all_hits(self._joined(texts, at, chunk), index)
            if norm.starts is not None:
                # Normalisation moved offsets inside the batch: one text at a time.
                hits = [self.find(text, terms, kind, source_lang) for text in chunk]
                hits = hits if ids is None else list(map(keep_wanted, hits, ids))
                results.extend(map(outermost, hits) if outer else hits)
                continue
            results.extend(_split_hits(chunk, found, ids, index.made, outer))
        return results

    def _joined(self, texts: list[str], at: int, chunk: list[str]) -> str:
        # The same batch asked for twice (allowed, then forbidden variants) is the same string
        # object, so its words are split once.
        key = (id(texts), at, len(chunk))
        if self._batch is not None and self._batch[0] == key and self._batch[1] is texts:
            return self._batch[2]
        joined = _SEPARATOR.join(chunk)
        self._batch = (key, texts, joined)
        return joined


_SEPARATOR = "\n\x00\n"
_BATCH = 1000


def _split_hits(
    texts: list[str], found: list, wanted: list[frozenset[str]] | None, made: HitCache, outer: bool
) -> list[list[TermHit]]:
    """The flat matches (see ``_scan``) of ``texts`` joined by ``_SEPARATOR``, as each text's hits
    (of the terms in ``wanted[i]`` only, if given; only the outermost, if ``outer``)."""
    if not found:
        return [[] for _ in texts]
    made.trim()
    starts = list(accumulate([len(t) + len(_SEPARATOR) for t in texts[:-1]], initial=0))
    per_text: list[list[TermHit]] = [[] for _ in texts]
    # ``found`` is sorted by start: a text is in order, and its hits disjoint, unless one starts
    # before the end of the one before it (reach: the furthest end so far; the texts do not overlap).
    crossed: set[int] = set()
    reach = -1
    for a, b, pattern in zip(found[0::3], found[1::3], found[2::3]):
        k = bisect_right(starts, a) - 1
        if wanted is None or pattern.term.id in wanted[k]:
            if a < reach:
                crossed.add(k)
            if b > reach:
                reach = b
            offset = starts[k]
            key = (pattern, a - offset, b - offset)
            hit = made.get(key)
            if hit is None:
                hit = made.make(key, pattern.term, pattern.variant)
            per_text[k].append(hit)
    for k in crossed:
        per_text[k] = outermost(sorted_unique(per_text[k])) if outer else sorted_unique(per_text[k])
    return per_text
