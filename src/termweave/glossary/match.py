"""Term matching: find glossary variants in text, in any inflected form.

``matcher_for(lang)`` gives one :class:`Matcher` per language; ``Matcher.find(text, terms,
kind)`` returns :class:`TermHit` objects whose ``start``/``end`` are character offsets into the
*original* text (the HTML report highlights with them), sorted by position.

How each language matches (all after :func:`normalize`: NFC, the apostrophes ``' ’ ʼ`` made
one, non-breaking and soft hyphens, no-break and thin spaces):

- **English** (source side): case-insensitive word sequences; each word may carry a plural or
  possessive ending (``missiles``, ``allies``, ``DPRK's``, ``DPRK’s``). A variant written in
  capitals (``US``, ``UN``, ``DPRK``) is an acronym and matches only in capitals, so the
  pronoun "us" is not the United States. A hyphen in a variant equals a space.
- **Ukrainian**: every word is reduced to the set of its lemmas with pymorphy3 (dictionary
  ``uk``), a variant matches a run of words whose lemma sets meet the variant words' lemma sets
  one for one, so "Російська Федерація" is found in "Російської Федерації" but not in
  "Російська імперія". Hyphenated words are one word ("військово-політичного"); a second pass
  over their parts finds "КНДР" in "КНДР-Росія". Euphonic alternants (у/в, і/й, з/із/зі) are
  one word.
- **Korean**: spaces do not count ("세계 질서" ≡ "세계질서"). A cheap test settles most cases
  without loading Kiwi: if the variant (spaces removed) is not a substring, it is absent; if
  it starts a word (or follows a prefix such as 반/친/탈: "반서방") and is followed by nothing,
  a particle, copula or predicate ending ("북한의", "북한이다", "파병된") or a bound suffix
  ("북한군", "지정학적"), it is present. Only the rest goes to Kiwi: the variant must then
  begin and end on morpheme boundaries, so "한국어" (one lexicalised noun) and "대한민국" do
  not contain "한국", while "러시아연방의" contains "러시아 연방".
- **Other languages**: case-insensitive word sequences without morphology.

Each Matcher caches the analysis of every distinct word and loads its analyser (pymorphy3,
Kiwi) on first use only, so checking a Ukrainian catalog never loads Kiwi. ``find_many``
matches many texts at once (the checks use it for whole batches of catalog entries).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, chain
from typing import Iterable, NamedTuple

from termweave.glossary import Term

# --------------------------------------------------------------------------------------------
# Normalisation with an offset map back to the original text


_REPLACE = {
    0x00AD: "",  # soft hyphen
    0x200B: "",  # zero-width space
    0x2060: "",  # word joiner
    0xFEFF: "",  # zero-width no-break space
    0x00A0: " ",
    0x2007: " ",
    0x2009: " ",
    0x200A: " ",
    0x202F: " ",
    0x2002: " ",
    0x2003: " ",
    0x2004: " ",
    0x2005: " ",
    0x2006: " ",
    0x2008: " ",
    0x2010: "-",  # hyphen
    0x2011: "-",  # non-breaking hyphen
    0x2019: "'",  # right single quotation mark used as apostrophe
    0x02BC: "'",  # modifier letter apostrophe (the Ukrainian standard one)
}
_SPECIAL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in _REPLACE) + "]")
_DELETED_RE = re.compile("[" + "".join(re.escape(chr(c)) for c, r in _REPLACE.items() if not r) + "]")


@dataclass(frozen=True)
class Normalized:
    """``text`` normalised for matching; ``span()`` maps its offsets back to ``original``."""

    original: str
    text: str
    starts: tuple[int, ...] | None = None  # None: offsets are the same in both
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]


def _continues_cluster(ch: str) -> bool:
    # Combining marks and Hangul medial/final jamo compose with what precedes them under NFC.
    return unicodedata.combining(ch) != 0 or "\u1160" <= ch <= "\u11ff"


def normalize(text: str) -> Normalized:
    """NFC, one apostrophe, plain hyphens and spaces; soft hyphens and zero-width marks dropped."""
    if text.isascii():
        return Normalized(text, text)
    special = _SPECIAL_RE.search(text)
    if unicodedata.is_normalized("NFC", text) and (special is None or not _DELETED_RE.search(text, special.start())):
        # One character for one: the offsets stay as they are. (str.replace per distinct
        # character is much faster than str.translate on non-ASCII text.)
        normalized = text
        if special is not None:
            for ch in set(_SPECIAL_RE.findall(text, special.start())):
                normalized = normalized.replace(ch, _REPLACE[ord(ch)])
        return Normalized(text, normalized)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and _continues_cluster(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j]).translate(_REPLACE)
        for ch in piece:
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return Normalized(text, "".join(out), tuple(starts), tuple(ends))


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# --------------------------------------------------------------------------------------------
# Hits


class TermHit(NamedTuple):
    """A variant of ``term`` found at ``text[start:end]`` (offsets into the original text)."""

    term: Term
    variant: str
    start: int
    end: int


def outermost(hits: Iterable[TermHit]) -> list[TermHit]:
    """Drop hits lying inside a longer hit of another term ("Korea" inside "North Korea")."""
    hits = list(hits)
    if all(a.end <= b.start for a, b in zip(hits, hits[1:])):
        return hits  # sorted and disjoint: the usual case
    kept = []
    for hit in hits:
        inside = any(
            other.term.id != hit.term.id
            and other.start <= hit.start
            and hit.end <= other.end
            and (other.end - other.start) > (hit.end - hit.start)
            for other in hits
        )
        if not inside:
            kept.append(hit)
    return kept


def _variants(term: Term, lang: str, kind: str, source_lang: str) -> tuple[str, ...]:
    if kind == "allowed":
        return term.allowed(lang, source_lang)
    if kind == "forbidden":
        return term.banned(lang)
    raise ValueError(f"kind must be 'allowed' or 'forbidden', not {kind!r}")


def _sorted_unique(hits: list[TermHit]) -> list[TermHit]:
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


class Matcher:
    """Finds glossary variants of one language in text. Subclasses supply the morphology."""

    lang: str

    def __init__(self, lang: str):
        self.lang = lang

    def find(
        self, text: str, terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en"
    ) -> list[TermHit]:
        raise NotImplementedError

    def find_many(
        self, texts: list[str], terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en"
    ) -> list[list[TermHit]]:
        """``find`` for each text (word matchers batch the work)."""
        terms = list(terms)
        return [self.find(text, terms, kind, source_lang) for text in texts]

    def may_occur(self, texts: list[str], terms: list[Term], kind: str = "allowed",
                  source_lang: str = "en") -> list[bool] | None:
        """A cheap test before the analyser: False proves a text holds no variant of ``terms``;
        None when the matcher has no such test (everything must be searched)."""
        return None


# --------------------------------------------------------------------------------------------
# Word-sequence matching (English, Ukrainian, any language written with spaces)

_GAP_RE = re.compile(r"\s+|[-–]")


@dataclass(frozen=True)
class _Pattern:
    term: Term
    variant: str
    keys: tuple[frozenset[str], ...]  # one key set per variant word


class _Index:
    """Patterns of one term list, keyed by every key of their first word."""

    def __init__(self, patterns: list[_Pattern], terms: list[Term]):
        self.terms = terms  # kept so the id()s in the cache key stay valid
        self.by_first: dict[str, list[_Pattern]] = {}
        for pattern in patterns:
            for key in pattern.keys[0]:
                self.by_first.setdefault(key, []).append(pattern)
        self.candidates: dict[str, tuple[_Pattern, ...]] = {}  # word surface -> patterns
        self.live: set[str] = set()  # surfaces with at least one candidate pattern


class _Words:
    """The words of a text and the separators around them (``seps[i]`` precedes ``words[i]``)."""

    __slots__ = ("words", "seps", "distinct", "_bounds")

    def __init__(self, pattern: re.Pattern, text: str):
        # ``pattern`` has one capturing group around the whole word: split() returns
        # separators and words interleaved, in one pass.
        parts = pattern.split(text)
        self.words: list[str] = parts[1::2]
        self.seps: list[str] = parts[0::2]
        self.distinct = set(self.words)
        self._bounds: list[int] | None = None

    def bounds(self) -> list[int]:
        """[start0, end0, start1, end1, ...], computed in C on first need."""
        if self._bounds is None:
            lengths = chain.from_iterable(zip(map(len, self.seps), map(len, self.words)))
            self._bounds = list(accumulate(lengths))
        return self._bounds


class WordMatcher(Matcher):
    """Matches variants as word sequences; a word matches when its key sets meet."""

    # A word: letters and digits, with inner apostrophes ("DPRK's") and decimal points ("4.0").
    word_re = re.compile(r"([^\W_]+(?:['.,][^\W_]+)*)")

    def __init__(self, lang: str):
        super().__init__(lang)
        self._keys: dict[str, frozenset[str]] = {}
        self._indexes: dict[tuple, _Index] = {}
        self._by_list: dict[tuple, _Index] = {}
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

    def _index(self, terms: list[Term], kind: str, source_lang: str) -> _Index:
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
                for variant in _variants(term, self.lang, kind, source_lang):
                    variant_words = self.word_re.findall(normalize(variant).text)
                    if variant_words:
                        keys = self.pattern_keys(variant_words)
                        patterns.append(_Pattern(term, variant, keys))
            index = self._indexes[by_ids] = _Index(patterns, terms)
        self._by_list[by_list] = index
        return index

    def _candidates(self, index: _Index, word: str) -> tuple[_Pattern, ...]:
        seen: dict[int, _Pattern] = {}
        for key in self.keys(word):
            for pattern in index.by_first.get(key, ()):
                seen.setdefault(id(pattern), pattern)
        found = index.candidates[word] = tuple(seen.values())
        if found:
            index.live.add(word)
        return found

    def _scan(self, words: _Words, index: _Index) -> list[tuple[int, int, _Pattern]]:
        """(start, end, pattern) of every match, offsets into the normalised text."""
        candidates = index.candidates
        for word in words.distinct.difference(candidates):
            self._candidates(index, word)
        live = index.live
        if live.isdisjoint(words.distinct):
            return []
        hits = []
        items = words.words
        for i in [i for i, word in enumerate(items) if word in live]:
            for pattern in candidates[items[i]]:
                size = len(pattern.keys)
                if size > 1 and not self._continues(words, i, pattern.keys):
                    continue
                bounds = words.bounds()
                hits.append((bounds[2 * i], bounds[2 * (i + size - 1) + 1], pattern))
        return hits

    def _continues(self, words: _Words, i: int, keys: tuple[frozenset[str], ...]) -> bool:
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

    def words_of(self, text: str, pattern: re.Pattern | None = None) -> tuple[Normalized, _Words]:
        norm, cache = self._words(text)
        pattern = pattern or self.word_re
        words = cache.get(pattern)
        if words is None:
            words = cache[pattern] = _Words(pattern, norm.text)
        return norm, words

    def _all_hits(self, text: str, index: _Index) -> tuple[Normalized, list[tuple[int, int, _Pattern]]]:
        norm, words = self.words_of(text)
        return norm, self._scan(words, index)

    @staticmethod
    def _to_hits(norm: Normalized, found: list[tuple[int, int, _Pattern]], offset: int = 0) -> list[TermHit]:
        hits = []
        for a, b, pattern in found:
            a, b = norm.span(a, b)
            hits.append(TermHit(pattern.term, pattern.variant, a - offset, b - offset))
        return hits

    def find(
        self, text: str, terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en"
    ) -> list[TermHit]:
        if not isinstance(terms, (list, tuple)):
            terms = list(terms)
        if not text or not terms:
            return []
        index = self._index(terms, kind, source_lang)
        if not index.by_first:
            return []
        norm, found = self._all_hits(text, index)
        return _sorted_unique(self._to_hits(norm, found)) if found else []

    def find_many(
        self, texts: list[str], terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en"
    ) -> list[list[TermHit]]:
        """``[find(t, terms, kind) for t in texts]``, faster: texts are matched in batches joined
        by a separator no match can cross (NUL is neither a word character nor a gap)."""
        if not isinstance(terms, (list, tuple)):
            terms = list(terms)
        if not terms or not texts:
            return [[] for _ in texts]
        index = self._index(terms, kind, source_lang)
        if not index.by_first:
            return [[] for _ in texts]
        results: list[list[TermHit]] = []
        for at in range(0, len(texts), _BATCH):
            chunk = texts[at:at + _BATCH]
            joined = self._joined(texts, at, chunk)
            norm, found = self._all_hits(joined, index)
            if norm.starts is not None:
                # Normalisation moved offsets inside the batch: one text at a time.
                results.extend(self.find(text, terms, kind, source_lang) for text in chunk)
                continue
            starts = list(accumulate([len(t) + len(_SEPARATOR) for t in chunk[:-1]], initial=0))
            per_text: list[list[TermHit]] = [[] for _ in chunk]
            for a, b, pattern in found:
                k = bisect_right(starts, a) - 1
                offset = starts[k]
                per_text[k].append(TermHit(pattern.term, pattern.variant, a - offset, b - offset))
            results.extend(map(_sorted_unique, per_text))
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


class EnglishMatcher(WordMatcher):
    """English: case-insensitive, plural and possessive endings; capitals-only acronyms.

    Hyphens separate words (the base ``word_re``), so "Kim Jong-un" ≡ "Kim Jong Un".
    """

    def word_keys(self, word: str) -> frozenset[str]:
        base = word
        if base.endswith("'s") or base.endswith("'S"):
            base = base[:-2]
        keys = {word.lower(), base.lower()}
        if len(base) >= 2 and base.isupper():
            keys.add("^" + base)
        elif len(base) >= 3 and base[-1] in "sS" and base[:-1].isupper():
            keys.add("^" + base[:-1])  # "NGOs"
        low = base.lower()
        if low.endswith("ies") and len(low) > 4:
            keys.add(low[:-3] + "y")
        if low.endswith("es") and len(low) > 3:
            keys.add(low[:-2])
        if low.endswith("s") and not low.endswith("ss") and len(low) > 2:
            keys.add(low[:-1])
        return frozenset(keys)

    def variant_keys(self, word: str) -> frozenset[str]:
        if len(word) >= 2 and word.isupper():
            return frozenset({"^" + word})
        return frozenset({word.lower()})


_UK_EUPHONY = {
    "у": {"в"},
    "в": {"у"},
    "і": {"й"},
    "й": {"і"},
    "з": {"із", "зі"},
    "із": {"з", "зі"},
    "зі": {"з", "із"},
}
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# Case endings stripped from words pymorphy3 does not know at all (names, Russian spellings
# such as "Ына"), so that an unknown variant still matches its inflected forms.
_UK_UNKNOWN_ENDINGS = ("ами", "ями", "ові", "еві", "ом", "ем", "ою", "ею", "ів", "ах", "ях", "ам", "ям",
                       "ой", "ым", "а", "я", "у", "ю", "і", "е", "и", "ы")


# Feminine person nouns formed from masculine ones (правопис 2019, § 32): a term for
# refugees is rendered by біженка as much as by біженець.
_UK_FEMININE_SUFFIXES = (("ець", "ка"), ("ник", "ниця"), ("ач", "ачка"), ("іст", "істка"), ("ист", "истка"),
                         ("ар", "арка"), ("ер", "ерка"), ("ант", "антка"), ("ент", "ентка"), ("ог", "огиня"))


def _uk_feminitives(lemma: str) -> set[str]:
    return {lemma[: -len(m)] + f for m, f in _UK_FEMININE_SUFFIXES if lemma.endswith(m) and len(lemma) > len(m) + 2}


# Apostrophes as the letter ʼ (U+02BC), so that "мʼясо", "м'ясо" and "м’ясо" are one word;
# soft hyphens dropped.
_UK_APOSTROPHE_TABLE = str.maketrans({"'": "ʼ", "’": "ʼ", "\u00ad": None})
_UK_ALTERNATION_TABLE = str.maketrans({"і": "1", "о": "1", "е": "1", "ї": "2", "є": "2"})
_UK_UNINFLECTED = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "ADVB", "PRED", "COMP"})


def _apostrophes(low: str) -> str:
    return low.replace("ʼ", "'").replace("’", "'")
_PART_RE = re.compile(r"[^\W_]+")


def _uk_prefix(low: str) -> str:
    """How a word begins, in a form inflection keeps: two letters of a short word (a fleeting
    vowel: "день", "дня"), three of a word of five or six ("ніч"/"ночі" and "Путін"/"Путіна"
    agree), five of a longer one ("заговір"/"заговору", not "заголовок"); і, о and е count as one
    letter, ї and є as another (the Ukrainian alternations: "Київ"/"Києва", "ніч"/"ночі")."""
    size = 5 if len(low) >= 7 else 3 if len(low) >= 5 else 2
    return low[:1] + low[1:size].translate(_UK_ALTERNATION_TABLE)


def _uk_prefixes(low: str) -> tuple[str, ...]:
    """The beginnings a text word can share with a variant word of any length class (a short
    form may stand for a long lemma: "люди" for "людина")."""
    found = [_uk_prefix(low[:2])]
    if len(low) >= 3:
        found.append(_uk_prefix(low[:3] + "__"))
    if len(low) >= 5:
        found.append(_uk_prefix(low[:5] + "__"))
    return tuple(found)


class UkrainianMatcher(WordMatcher):
    """Ukrainian: words compared by their pymorphy3 lemmas (any case, number and gender)."""

    # Hyphen and apostrophe stay inside a word: "військово-політичного", "об'єднання".
    word_re = re.compile(r"([^\W_]+(?:['.,\-][^\W_]+)*)")
    part_re = re.compile(r"([^\W_]+(?:['.,][^\W_]+)*)")

    def __init__(self, lang: str = "uk", morph=None):
        super().__init__(lang)
        self._morph = morph
        self._parses: dict[str, list] = {}  # word -> pymorphy3 parses (several keys read them)
        self._needs: dict[tuple, tuple] = {}  # (kind, source_lang, term ids) -> (terms, prefix sets)
        self._word_prefixes: dict[str, tuple[str, ...]] = {}  # word -> _uk_prefixes(word)

    def parse(self, low: str) -> list:
        parses = self._parses.get(low)
        if parses is None:
            parses = self._parses[low] = self.morph.parse(low)
        return parses

    @property
    def morph(self):
        if self._morph is None:
            import pymorphy3

            self._morph = pymorphy3.MorphAnalyzer(lang="uk")
        return self._morph

    def lemmas(self, low: str) -> set[str]:
        """Lower-case surface plus every pymorphy3 normal form of a lower-case word."""
        keys = {low}
        unknown = True
        for parse in self.parse(low):
            keys.add(parse.normal_form.replace("ʼ", "'").replace("’", "'"))
            if "UNKN" not in parse.tag:
                unknown = False
        if unknown:
            keys |= {low[: -len(e)] for e in _UK_UNKNOWN_ENDINGS if low.endswith(e) and len(low) - len(e) >= 2}
        return keys

    def gendered(self, low: str) -> set[str]:
        """``lemma#gender`` keys of a word's adjective readings (plural: every gender)."""
        keys = set()
        for parse in self.parse(low):
            if parse.tag.POS == "ADJF":
                lemma = parse.normal_form.replace("ʼ", "'").replace("’", "'")
                genders = (parse.tag.gender,) if parse.tag.gender else ("masc", "femn", "neut")
                keys.update(f"{lemma}#{g}" for g in genders)
        return keys

    def known(self, low: str) -> bool:
        return any(type(m[0]).__name__ == "DictionaryAnalyzer" for p in self.parse(low) for m in p.methods_stack)

    def word_keys(self, word: str) -> frozenset[str]:
        low = word.lower()
        if not _CYRILLIC_RE.search(low):
            return frozenset({low})
        keys = self.lemmas(low) | self.gendered(low)
        keys.add("=" + _apostrophes(low))  # the form as written (variants in a non-dictionary form)
        # Stems for variants the dictionary does not know (Russian forms such as "Киев"):
        # "Киева", "Киеве" end in a case ending after the variant's letters. A capitalised word
        # may be a short name: "Уна", "Уном" for "Ун".
        keys.add("~" + low)
        shortest = 2 if word[:1].isupper() else 3
        keys.update("~" + low[: -len(e)] for e in _UK_UNKNOWN_ENDINGS
                    if low.endswith(e) and len(low) - len(e) >= shortest)
        if "-" in low:
            # pymorphy3 inflects only the last part of an unknown compound ("держав-ізгоїв" ->
            # "держав-ізгой"); lemmatise each part too: "держава-ізгой".
            parts = [self.lemmas(part) if _CYRILLIC_RE.search(part) else {part} for part in low.split("-")]
            combined = [""]
            for options in parts:
                combined = [f"{c}-{o}" if c else o for c in combined for o in sorted(options)][:32]
            keys.update(combined)
        keys.update(_UK_EUPHONY.get(low, ()))
        return frozenset(keys)

    def pattern_keys(self, words: list[str]) -> tuple[frozenset[str], ...]:
        """A variant in dictionary form stands for every inflected form; a variant written in
        another form ("на Україні") stands for that construction only: its words as written."""
        head = next((w for w in words if not self._uninflected(w)), None)
        if head is not None and self._inflected(head):
            return tuple(self.keys(w) if w[0].isdigit() else frozenset({"=" + _apostrophes(w.lower())})
                         for w in words)
        return tuple(self.variant_keys(w) for w in words)

    def _uninflected(self, word: str) -> bool:
        """A preposition, conjunction or particle ("на", "про"): not the head of a phrase."""
        low = word.lower()
        return bool(_CYRILLIC_RE.search(low)) and any(p.tag.POS in _UK_UNINFLECTED for p in self.parse(low))

    def _inflected(self, word: str) -> bool:
        """Is the head word of a variant in a form other than its dictionary form (no nominative
        reading: "Україні")? The phrase's other words may stand in any case ("режим санкцій").
        Words the dictionary does not know count as dictionary forms; so do capitalised words
        read only as pronouns or plurals: names ("Ким", "Путин") the dictionary misreads."""
        low = word.lower()
        if not _CYRILLIC_RE.search(low) or not self.known(low):
            return False
        parses = self.parse(low)
        if any("nomn" in p.tag or _apostrophes(p.normal_form) == _apostrophes(low) for p in parses):
            return False
        return not (word[:1].isupper() and all(p.tag.POS == "NPRO" or "plur" in p.tag for p in parses))

    def variant_keys(self, word: str) -> frozenset[str]:
        low = word.lower()
        keys = {k for k in self.keys(word) if "#" not in k and not k.startswith(("~", "="))}
        if word[:1].isupper() and _CYRILLIC_RE.search(low):
            keys.add("~" + low)  # a name: its inflected forms end in case endings after these letters
        if not _CYRILLIC_RE.search(low):
            return frozenset(keys)
        first = self.parse(low)[0]
        if word[:1].isupper() and first.tag.POS == "ADJF" and first.tag.gender:
            # A capitalised adjective names someone or something (Зеленський, Російська
            # Федерація): its gender belongs to the name, so Зеленська is another person.
            gendered = {k for k in self.gendered(low) if k.endswith("#" + first.tag.gender)}
            return frozenset(gendered | {"~" + low})  # the name as written, too ("Ун" is no adjective)
        if first.tag.POS == "NOUN" and first.tag.gender == "masc" and first.tag.animacy == "anim":
            keys.update(_uk_feminitives(first.normal_form))
        if "-" not in low and not self.known(low):
            keys.add("~" + low)
            keys.update("~" + low[:-1] for e in "аяоеиіу" if low.endswith(e) and len(low) > 3)
        return frozenset(keys)

    def may_occur(self, texts: list[str], terms: list[Term], kind: str = "allowed",
                  source_lang: str = "en") -> list[bool] | None:
        """A variant can occur only where every one of its words has a word of the same
        beginning (see :func:`_uk_prefix`): "на Україні" needs a word in "ук-"."""
        key = (kind, source_lang, tuple(map(id, terms)))
        needs = self._needs.get(key)
        if needs is None:
            needs = []
            for term in terms:
                for variant in _variants(term, self.lang, kind, source_lang):
                    words = _PART_RE.findall(variant.lower().translate(_UK_APOSTROPHE_TABLE))
                    need = frozenset(_uk_prefix(w) for w in words if w not in _UK_EUPHONY)
                    if words:
                        needs.append(need)
            self._needs[key] = needs = (terms, needs)
        needs = needs[1]
        out = []
        known = self._word_prefixes
        for text in texts:
            present: set[str] = set()
            for word in set(_PART_RE.findall(text.lower().translate(_UK_APOSTROPHE_TABLE))):
                found = known.get(word)
                if found is None:
                    found = known[word] = _uk_prefixes(word)
                present.update(found)
            out.append(any(need <= present for need in needs))
        return out

    def _candidates(self, index: _Index, word: str) -> tuple[_Pattern, ...]:
        # Most words of a text share no beginning with any variant: settle them without
        # pymorphy3 (inflection keeps a noun's first letter and, up to a vowel change, its second).
        prefixes = index.__dict__.get("prefixes")
        if prefixes is None:
            prefixes = index.prefixes = {_uk_prefix(key.lstrip("~=").partition("#")[0]) for key in index.by_first}
        low = word.lower()
        if prefixes.isdisjoint(_uk_prefixes(low)) and low not in _UK_EUPHONY:
            index.candidates[word] = ()
            return ()
        return super()._candidates(index, word)

    def _all_hits(self, text: str, index: _Index) -> tuple[Normalized, list[tuple[int, int, _Pattern]]]:
        norm, words = self.words_of(text)
        found = self._scan(words, index)
        if "-" in norm.text and self._parts_may_match(words, index):
            # Second pass over the parts of hyphenated words: "КНДР" in "КНДР-Росія".
            found += self._scan(self.words_of(text, self.part_re)[1], index)
            found.sort(key=lambda f: (f[0], f[0] - f[1]))
        return norm, found

    def _parts_may_match(self, words: _Words, index: _Index) -> bool:
        """Can a part of a hyphenated word start a pattern? (Most texts: no second pass.)"""
        for word in words.distinct:
            if "-" in word:
                for part in word.split("-"):
                    found = index.candidates.get(part)
                    if found is None:
                        found = self._candidates(index, part)
                    if found:
                        return True
        return False


# --------------------------------------------------------------------------------------------
# Korean


_KO_PARTICLES = (
    "이 가 은 는 을 를 의 에 에서 에게 에게서 께 께서 한테 로 으로 로서 으로서 로써 으로써 "
    "와 과 랑 이랑 도 만 까지 부터 보다 처럼 마다 조차 마저 밖에 뿐 이나 나 든지 이든지 "
    "라도 이라도 야 이야 와의 과의 에서의 으로의 로의 에의 과는 와는 에는 에서는 으로는 로는 "
    "에도 에서도 과도 와도 으로도 로도 만을 만의 만이 까지의 부터의 에게는 보다는 보다도 "
    "로부터 으로부터 로부터의 으로부터의 에서부터 에서와 에로"
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


class KoreanMatcher(Matcher):
    """Korean: a cheap substring/particle test first, Kiwi morphemes for what it cannot settle."""

    def __init__(self, lang: str = "ko", kiwi=None):
        super().__init__(lang)
        self._kiwi = kiwi
        self._words: dict[str, tuple[tuple[int, int, str], ...]] = {}  # eojeol -> morphemes
        # (kind, source_lang, term ids) -> (terms kept alive for the ids, prepared variants)
        self._variants: dict[tuple, tuple[list[Term], list[tuple[Term, str, str]]]] = {}
        self.kiwi_calls = 0  # words analysed by Kiwi (the benchmarks report it)

    @property
    def kiwi(self):
        if self._kiwi is None:
            from kiwipiepy import Kiwi

            # No typo or multi-word (WikiData names) dictionaries: half the load time and 190 MiB
            # less, and the term sets score the same without them (benchmarks/term_accuracy.py).
            self._kiwi = Kiwi(load_typo_dict=False, load_multi_dict=False)
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
                for variant in _variants(term, self.lang, kind, source_lang):
                    key = _KO_WS_RE.sub("", _lower_same_length(normalize(variant).text))
                    if key:
                        prepared.append((term, variant, key))
            cached = self._variants[cache_key] = (terms, prepared)
        return cached[1]

    def find(
        self, text: str, terms: Iterable[Term], kind: str = "allowed", source_lang: str = "en"
    ) -> list[TermHit]:
        terms = list(terms)
        if not text or not terms:
            return []
        prepared = self._prepared(terms, kind, source_lang)
        norm = normalize(text)
        low = _lower_same_length(norm.text)
        compact = _KO_WS_RE.sub("", low)
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
        return _sorted_unique(hits)

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


def matcher_for(lang: str) -> Matcher:
    """The matcher for ``lang`` (a fresh object: it owns the analyser and the word cache)."""
    base = lang.replace("-", "_").split("_")[0].lower()
    if base == "en":
        return EnglishMatcher(lang)
    if base == "uk":
        return UkrainianMatcher(lang)
    if base == "ko":
        return KoreanMatcher(lang)
    return WordMatcher(lang)


__all__ = ["Matcher", "TermHit", "Normalized", "matcher_for", "normalize", "outermost"]
