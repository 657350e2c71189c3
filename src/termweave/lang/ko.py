"""Korean: a cheap substring/particle test first, Kiwi morphemes (one Kiwi per process,
:func:`termweave.lang.analysers.korean_kiwi`) for what it cannot settle; compound heads (bound
suffixes such as 군, 측, 적) and noun prefixes (반, 친, 탈) keep the term's referent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from termweave.glossary import Term
from termweave.glossary.index import Matcher, TermHit, sorted_unique, variants_of
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


# Any noun: nothing, or particles and copula endings ("북한의", "북한이다", "국가들의").
_KO_ENDINGS = frozenset(set(_KO_PARTICLES) | set(_KO_COPULA) | _with_particles(["들"]))
# Terms of two or more syllables also: bound suffixes, -적 forms, predicate endings. (A
# one-syllable term is too easily the start of another word: 북 + 한.)
_KO_LONG_ENDINGS = frozenset(
    _KO_ENDINGS
    | _with_particles(_KO_BOUND_SUFFIXES)
    | _with_particles(["적인", "적으로", "적이고", "적이며"])
    | set(_KO_PREDICATE)
)
_WORDCHAR_RE = re.compile(r"[^\W_]")
_KO_WS_RE = re.compile(r"\s+")


def _starts_inside_word(text: str, start: int) -> bool:
    """Does ``start`` fall inside a word (after letters that are no known prefix)?"""
    begin = start
    while begin > 0 and _WORDCHAR_RE.match(text, begin - 1):
        begin -= 1
    return begin < start and text[begin:start] not in _KO_PREFIXES


def _read(text: str) -> tuple[Normalized, str, str]:
    """The normalised text, its lower case (same offsets) and that without whitespace."""
    norm = normalize(text)
    low = lower_same_length(norm.text)
    return norm, low, _KO_WS_RE.sub("", low)


class KoreanMatcher(Matcher):
    """Korean: a cheap substring/particle test first, Kiwi morphemes for what it cannot settle."""

    def __init__(self, lang: str = "ko", kiwi=None):
        super().__init__(lang)
        self._kiwi = kiwi
        self._words: dict[str, tuple[tuple[int, int, str], ...]] = {}  # eojeol -> morphemes
        # (kind, source_lang, term ids) -> (terms kept alive for the ids, prepared variants)
        self._variants: dict[tuple, tuple[list[Term], list[tuple[Term, str, str]]]] = {}
        self.kiwi_calls = 0  # words analysed by Kiwi (the benchmarks report it)
        self._last_reads: tuple[list[str], list] | None = None  # the last batch of find_many, read

    @property
    def kiwi(self):
        if self._kiwi is None:
            self._kiwi = korean_kiwi()  # the process's one Kiwi, shared with the sentence splitter
        return self._kiwi

    @property
    def kiwi_loaded(self) -> bool:
        return self._kiwi is not None

    def _prepared(self, terms: list[Term], kind: str, source_lang: str) -> list[tuple[Term, str, str]]:
        cache_key = (kind, source_lang, tuple(map(id, terms)))
        cached = self._variants.get(cache_key)
        if cached is None:
            prepared = []
            for term in terms:
                for variant in variants_of(term, self.lang, kind, source_lang):
                    key = _KO_WS_RE.sub("", lower_same_length(normalize(variant).text))
                    if key:
                        prepared.append((term, variant, key))
            cached = self._variants[cache_key] = (terms, prepared)
        return cached[1]

    def find(self, text: str, terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en") -> list[TermHit]:
        terms = list(terms)
        if not text or not terms:
            return []
        return self._find(text, self._prepared(terms, kind, source_lang))

    def find_many(
        self, texts: list[str], terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en"
    ) -> list[list[TermHit]]:
        """``find`` for each text; a variant absent from all the texts together is not tried on
        each (one substring search per variant instead of one per variant and text)."""
        terms = list(terms)
        if not terms:
            return [[] for _ in texts]
        prepared = self._prepared(terms, kind, source_lang)
        if self._last_reads is not None and self._last_reads[0] is texts:
            read = self._last_reads[1]  # the same batch again (allowed, then forbidden variants)
        else:
            read = [_read(text) if text else None for text in texts]
            self._last_reads = (texts, read)
        together = "\x00".join(r[2] for r in read if r is not None)
        present = [p for p in prepared if p[2] in together]
        return [self._find(text, present, r) if r is not None else [] for text, r in zip(texts, read)]

    def _find(
        self, text: str, prepared: list[tuple[Term, str, str]], read: tuple[Normalized, str, str] | None = None
    ) -> list[TermHit]:
        norm, low, compact = read or _read(text)
        positions: list[int] | None = None
        hits = []
        for term, variant, key in prepared:
            if key not in compact:
                continue  # proves absence: Korean never changes a noun's own letters
            if positions is None:
                positions = [i for i, ch in enumerate(low) if not ch.isspace()]
            at = compact.find(key)
            while at >= 0:
                start = positions[at]
                end = positions[at + len(key) - 1] + 1
                verdict = self._cheap(low, start, end)
                if verdict is None and end - start > len(key) and _starts_inside_word(low, start):
                    verdict = False  # across a space from inside a word: "정권" is not in "특정 권한"
                if verdict is None:
                    verdict = self._aligned(norm.text, start, end)
                if verdict:
                    a, b = norm.span(start, end)
                    hits.append(TermHit(term, variant, a, b))
                at = compact.find(key, at + 1)
        return sorted_unique(hits)

    @staticmethod
    def _cheap(text: str, start: int, end: int) -> bool | None:
        """True when word boundaries and a known ending settle it, None when Kiwi must.

        It accepts only what the Kiwi rule below accepts for ordinary nouns (a word start, or
        a known prefix such as 반/친/탈; then nothing, a particle/copula/predicate ending or a
        bound suffix), so the two agree; it never rejects: rejecting needs the morphemes.
        """
        begin = start
        while begin > 0 and _WORDCHAR_RE.match(text, begin - 1):
            begin -= 1
        long_term = end - start >= 2
        if begin < start and not (long_term and text[begin:start] in _KO_PREFIXES):
            return None  # inside a word: 대한민국, 남북한, 러시아연방
        stop = end
        while stop < len(text) and _WORDCHAR_RE.match(text, stop):
            stop += 1
        rest = text[end:stop]
        if not rest or rest in (_KO_LONG_ENDINGS if long_term else _KO_ENDINGS):
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
