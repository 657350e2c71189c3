"""Korean: a cheap substring/particle test first, Kiwi morphemes (one Kiwi per process,
:func:`termweave.lang.analysers.korean_kiwi`) for what it cannot settle; compound heads (bound
suffixes such as 군, 측, 적) and noun prefixes (반, 친, 탈) keep the term's referent.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress, count
from operator import not_

from termweave.glossary import Term
from termweave.glossary.index import HitCache, Matcher, TermHit, sorted_unique, variants_of
from termweave.glossary.normalize import Normalized, lower_same_length, normalize
from termweave.lang.analysers import korean_kiwi

_KO_PARTICLES = (
    "이 가 은 는 을 를 의 에 에서 에게 에게서 께 께서 한테 로 으로 로서 으로서 로써 으로써 "
    "와 과 랑 이랑 도 만 까지 부터 보다 처럼 마다 조차 마저 밖에 뿐 이나 나 든지 이든지 "
    "라도 이라도 야 이야 와의 과의 에서의 으로의 로의 에의 과는 와는 에는 에서는 으로는 로는 "
    "에도 에서도 과도 와도 으로도 로도 만을 만의 만이 까지의 부터의 에게는 보다는 보다도 "
    "로부터 으로부터 로부터의 으로부터의 에서부터 에서와 에로 로서의 으로서의"
).split()
_KO_COPULA = (
    "이다 다 이며 며 이고 이었다 였다 이었으며 였으며 이었고 였고 이라 라 이라는 라는 이란 란 "
    "이라고 라고 인데 이지만 입니다 이었던 였던 인가 이자 이면 이므로 이기 이기도"
).split()
# Predicate endings after a verbal noun: 협력하는, 파병된, 고립시킨.
_KO_PREDICATE = (
    "하다 한다 하는 한 할 하여 해 했다 했으며 했고 했던 했으나 하고 하며 하면 하면서 하기 하지 함 "
    "함으로써 하였다 하였으며 하였고 하였던 해야 하게 하도록 합니다 하려는 하던 하자 하나 "
    "되다 된다 되는 된 될 되어 돼 되었다 됐다 되었으며 되었고 되었던 되었으나 되고 되며 되면 "
    "되면서 되기 되지 됨 되도록 되던 "
    "시키다 시키는 시킨 시킬 시켜 시켰다 시키고 시키며"
).split()
# Bound nouns/suffixes that extend a noun but keep its referent: 북한군 (North Korean
# troops), 러시아측 (the Russian side), 북한산 (made in North Korea), 지정학적 (-ic).
# Also Sino-Korean nouns that head a compound without changing what the term names:
# 난민촌 (refugee camp), 휴전선 (ceasefire line), 방공망 (air-defence network), 유로권, 지도층.
_KO_BOUND_SUFFIXES = frozenset("군 측 산 제 내 발 행 간 식 형 판 들 계 적 촌 선 망 권 층".split())
# Prefixes that attach to a noun without changing what it names: 반서방 (anti-West),
# 친러시아 (pro-Russia), 대북한 (towards North Korea), 탈냉전 (post-Cold War).
_KO_PREFIXES = frozenset("반 친 탈 비 대 범 신 구 전 초 재".split())


def _with_particles(stems) -> set[str]:
    out = set()
    for stem in stems:
        out.add(stem)
        out.update(stem + p for p in _KO_PARTICLES)
        out.update(stem + c for c in _KO_COPULA if c not in ("다", "라", "란", "며"))
    return out


@cache
def _ko_endings(long_term: bool) -> frozenset[str]:
    """What may follow a noun in its word: nothing, or particles and copula endings ("북한의",
    "북한이다", "국가들의"); after a term of two or more syllables also bound suffixes, -적 forms
    and predicate endings. (A one-syllable term is too easily the start of another word: 북 + 한.)
    Built on first need: most texts hold no variant at all."""
    endings = set(_KO_PARTICLES) | set(_KO_COPULA) | _with_particles(["들"])
    if long_term:
        endings |= _with_particles(_KO_BOUND_SUFFIXES)
        endings |= _with_particles(["적인", "적으로", "적이고", "적이며"])
        endings |= set(_KO_PREDICATE)
    return frozenset(endings)


_WORD_RUN_RE = re.compile(r"[^\W_]*")


def _without_spaces(text: str) -> str:
    """``text`` without whitespace (what ``str.isspace`` and the regex ``\\s`` call whitespace);
    str.split is three times faster than re.sub here."""
    return "".join(text.split())


def _starts_inside_word(text: str, start: int) -> bool:
    """Does ``start`` fall inside a word (after letters that are no known prefix)?"""
    begin = start
    while begin > 0 and text[begin - 1].isalnum():
        begin -= 1
    return begin < start and text[begin:start] not in _KO_PREFIXES


def _read(text: str) -> tuple[Normalized, str, str]:
    """The normalised text, its lower case (same offsets) and that without whitespace."""
    norm = normalize(text)
    low = lower_same_length(norm.text)
    return norm, low, _without_spaces(low)


def _non_space_offsets(low: str) -> list[int]:
    """The offset in ``low`` of each character of ``low`` without whitespace (C iterators)."""
    return list(compress(count(), map(not_, map(str.isspace, low))))


# Texts searched together are joined by a separator no variant can cross: NUL is no letter and
# no space (the variants have none), and the newlines around it end the words of
# ``_aligned`` and ``_cheap`` as a text's start and end do.
_SEPARATOR = "\n\x00\n"


# Hashed by identity: a cheap key of HitCache. Never changed (not frozen: a third of the definition time).
@dataclass(eq=False)
class _Variant:
    """A variant of a term, prepared for the substring search: ``key`` is it lower-cased, without spaces."""

    term: Term
    variant: str
    key: str


class _Batch:
    """Texts joined for one search (``find_many``), with what the search needs of them."""

    def __init__(self, texts: list[str], text: str, low: str):
        self.texts = texts
        self.text = text  # normalised; its offsets are those of the joined original texts
        self.low = low
        self.compact = _without_spaces(low)
        self.starts = list(accumulate([len(t) + len(_SEPARATOR) for t in texts[:-1]], initial=0))
        self._positions: list[int] | None = None

    @property
    def positions(self) -> list[int]:
        if self._positions is None:
            self._positions = _non_space_offsets(self.low)
        return self._positions


class KoreanMatcher(Matcher):
    """Korean: a cheap substring/particle test first, Kiwi morphemes for what it cannot settle."""

    def __init__(self, lang: str = "ko", kiwi=None):
        super().__init__(lang)
        self._kiwi = kiwi
        self._words: dict[str, tuple[tuple[int, int, str], ...]] = {}  # eojeol -> morphemes
        # (kind, source_lang, term ids) -> (terms kept alive for the ids, prepared variants)
        self._variants: dict[tuple, tuple[list[Term], list[_Variant]]] = {}
        self._made = HitCache()
        self.kiwi_calls = 0  # words analysed by Kiwi (the benchmarks report it)
        self._last_batch: tuple[list[str], _Batch | None] | None = None  # see _batch

    @property
    def kiwi(self):
        if self._kiwi is None:
            self._kiwi = korean_kiwi()  # the process's one Kiwi, shared with the sentence splitter
        return self._kiwi

    @property
    def kiwi_loaded(self) -> bool:
        return self._kiwi is not None

    def _prepared(self, terms: list[Term], kind: str, source_lang: str) -> list[_Variant]:
        cache_key = (kind, source_lang, tuple(map(id, terms)))
        cached = self._variants.get(cache_key)
        if cached is None:
            prepared = []
            for term in terms:
                for variant in variants_of(term, self.lang, kind, source_lang):
                    key = _without_spaces(lower_same_length(normalize(variant).text))
                    if key:
                        prepared.append(_Variant(term, variant, key))
            cached = self._variants[cache_key] = (terms, prepared)
        return cached[1]

    def find(self, text: str, terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en") -> list[TermHit]:
        terms = list(terms)
        if not text or not terms:
            return []
        return self._find(text, self._prepared(terms, kind, source_lang))

    def find_many(
        self,
        texts: list[str],
        terms: Iterable[Term],
        kind: str = "allowed",
        source_lang: str = "en",
        wanted: list[frozenset[str]] | None = None,
    ) -> list[list[TermHit]]:
        """``find`` for each text, faster: the texts are searched joined, one substring search
        per variant for all of them. With ``wanted``, a text is searched for its wanted terms
        only (the hits of a Korean term do not depend on the other terms)."""
        terms = list(terms)
        if not terms or not texts:
            return [[] for _ in texts]
        return self._find_batch(texts, self._prepared(terms, kind, source_lang), wanted)

    def _find_batch(
        self, texts: list[str], prepared: list[_Variant], wanted: list[frozenset[str]] | None
    ) -> list[list[TermHit]]:
        """The hits of ``prepared`` in each text (of the terms in ``wanted[i]`` only, if given)."""
        batch = self._batch(texts)
        if batch is None:  # normalisation moves offsets in some text: one text at a time
            return [
                self._find(text, [p for p in prepared if p.term.id in wanted[i]] if wanted else prepared)
                if text
                else []
                for i, text in enumerate(texts)
            ]
        compact, starts = batch.compact, batch.starts
        # (start, -length, term id, order, text, hit): sorted, the order of sorted_unique within each text
        found: list[tuple[int, int, str, int, int, TermHit]] = []
        made = self._made
        made.trim()
        for entry in prepared:
            key = entry.key
            at = compact.find(key)
            if at < 0:
                continue  # proves absence: Korean never changes a noun's own letters
            positions, size, term_id = batch.positions, len(key), entry.term.id
            while at >= 0:
                start = positions[at]
                end = positions[at + size - 1] + 1
                k = bisect_right(starts, start) - 1
                if (wanted is None or term_id in wanted[k]) and self._present(batch.text, batch.low, start, end, size):
                    place = (entry, start - starts[k], end - starts[k])
                    hit = made.get(place) or made.make(place, entry.term, entry.variant)
                    found.append((start, start - end, term_id, len(found), k, hit))
                at = compact.find(key, at + 1)
        found.sort()
        per_text: list[list[TermHit]] = [[] for _ in texts]
        last = (-1, 0, "")
        for start, negative_size, term_id, _, k, hit in found:
            if (start, negative_size, term_id) != last:  # one hit per term and place, as sorted_unique keeps
                per_text[k].append(hit)
                last = (start, negative_size, term_id)
        return per_text

    def _batch(self, texts: list[str]) -> _Batch | None:
        """``texts`` joined and read, kept for the next call (the runner asks for the allowed,
        then the forbidden variants in the same list); None if that would move offsets."""
        if self._last_batch is not None and self._last_batch[0] is texts:
            return self._last_batch[1]
        norm = normalize(_SEPARATOR.join(texts))
        low = norm.text.lower()
        batch = _Batch(texts, norm.text, low) if norm.starts is None and len(low) == len(norm.text) else None
        self._last_batch = (texts, batch)
        return batch

    def _find(self, text: str, prepared: list[_Variant]) -> list[TermHit]:
        norm, low, compact = _read(text)
        positions: list[int] | None = None
        hits = []
        for term, variant, key in ((p.term, p.variant, p.key) for p in prepared):
            if key not in compact:
                continue  # proves absence: Korean never changes a noun's own letters
            if positions is None:
                positions = _non_space_offsets(low)
            at = compact.find(key)
            while at >= 0:
                start = positions[at]
                end = positions[at + len(key) - 1] + 1
                if self._present(norm.text, low, start, end, len(key)):
                    a, b = norm.span(start, end)
                    hits.append(TermHit(term, variant, a, b))
                at = compact.find(key, at + 1)
        return sorted_unique(hits)

    def _present(self, text: str, low: str, start: int, end: int, size: int) -> bool:
        """Is the variant found at ``low[start:end]`` (``size`` letters without spaces) there?"""
        verdict = self._cheap(low, start, end)
        if verdict is None and end - start > size and _starts_inside_word(low, start):
            verdict = False  # across a space from inside a word: "정권" is not in "특정 권한"
        if verdict is None:
            verdict = self._aligned(text, start, end)
        return verdict

    @staticmethod
    def _cheap(text: str, start: int, end: int) -> bool | None:
        """True when word boundaries and a known ending settle it, None when Kiwi must.

        It accepts only what the Kiwi rule below accepts for ordinary nouns (a word start, or
        a known prefix such as 반/친/탈; then nothing, a particle/copula/predicate ending or a
        bound suffix), so the two agree; it never rejects: rejecting needs the morphemes.
        """
        long_term = end - start >= 2
        if start > 0 and text[start - 1].isalnum():  # (str.isalnum is the regex class [^\W_])
            begin = start - 1
            while begin > 0 and text[begin - 1].isalnum():
                begin -= 1
            if not (long_term and text[begin:start] in _KO_PREFIXES):
                return None  # inside a word: 대한민국, 남북한, 러시아연방
        run = _WORD_RUN_RE.match(text, end)
        rest = run.group() if run else ""
        if not rest or rest in _ko_endings(long_term):
            return True
        return None

    def _morphemes(self, word: str) -> tuple[tuple[int, int, str], ...]:
        found = self._words.get(word)
        if found is None:
            self.kiwi_calls += 1
            found = tuple((t.start, t.start + t.len, t.tag) for t in self.kiwi.tokenize(word))
            self._words[word] = found
        return found

    def _aligned(self, text: str, start: int, end: int) -> bool:
        """Does [start, end) begin and end on Kiwi morpheme boundaries?"""
        # The words (runs without spaces) that the span touches.
        word_start = start
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        word_end = end
        while word_end < len(text) and not text[word_end].isspace():
            word_end += 1
        starts: set[int] = set()
        ends: set[int] = set()
        nouns: list[tuple[int, int]] = []
        for m in re.finditer(r"\S+", text[word_start:word_end]):
            offset = word_start + m.start()
            for a, b, tag in self._morphemes(m.group()):
                if b == a:
                    continue  # zero-width morphemes (a dropped copula 이) mark no boundary
                starts.add(offset + a)
                ends.add(offset + b)
                if tag.startswith("NN") or tag in ("SL", "SH"):
                    nouns.append((offset + a, offset + b))
        if start not in starts:
            return False
        if end in ends:
            return True
        return any(a < end < b and text[end:b] in _KO_BOUND_SUFFIXES for a, b in nouns)
