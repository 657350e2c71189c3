"""Ukrainian: pymorphy3 lemmas (one analyser per process, :func:`termweave.lang.analysers.ukrainian_morph`)
and the name rules a dictionary does not know: feminitives (біженець → біженка), adjectival
surnames and names whose gender belongs to the name (Зеленський ≠ Зеленська), unknown names and
Russian spellings matched by their case endings, euphonic alternants (у/в, і/й, з/із/зі), and
the word-beginning test that settles most words without the analyser.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, chain

from termweave.glossary import Term
from termweave.glossary.index import _SEPARATOR, Pattern, TermIndex, WordMatcher, Words, variants_of
from termweave.glossary.normalize import Normalized
from termweave.lang.analysers import ukrainian_morph

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
_UK_UNKNOWN_ENDINGS = (
    "ами",
    "ями",
    "ові",
    "еві",
    "ом",
    "ем",
    "ою",
    "ею",
    "ів",
    "ах",
    "ях",
    "ам",
    "ям",
    "ой",
    "ым",
    "а",
    "я",
    "у",
    "ю",
    "і",
    "е",
    "и",
    "ы",
)


# Feminine person nouns formed from masculine ones (правопис 2019, § 32): a term for
# refugees is rendered by біженка as much as by біженець.
_UK_FEMININE_SUFFIXES = (
    ("ець", "ка"),
    ("ник", "ниця"),
    ("ач", "ачка"),
    ("іст", "істка"),
    ("ист", "истка"),
    ("ар", "арка"),
    ("ер", "ерка"),
    ("ант", "антка"),
    ("ент", "ентка"),
    ("ог", "огиня"),
)


def _uk_feminitives(lemma: str) -> set[str]:
    return {lemma[: -len(m)] + f for m, f in _UK_FEMININE_SUFFIXES if lemma.endswith(m) and len(lemma) > len(m) + 2}


_UK_UNINFLECTED = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "ADVB", "PRED", "COMP"})


def _as_letter_apostrophes(low: str) -> str:
    """Apostrophes as the letter ʼ (U+02BC), so that "мʼясо", "м'ясо" and "м’ясо" are one word;
    soft hyphens dropped. (str.replace: str.translate is much slower on non-ASCII text.)"""
    return low.replace("'", "ʼ").replace("’", "ʼ").replace("\u00ad", "")


def _words_from(low: str, initials: frozenset[str]) -> set[str]:
    """The words of ``low`` (lower case, apostrophes as the letter ʼ) that begin with one of
    ``initials``: only they can have a beginning a variant word needs."""
    return {word for word in _PART_RE.findall(low) if word[0] in initials}


def _apostrophes(low: str) -> str:
    return low.replace("ʼ", "'").replace("’", "'")


_PART_RE = re.compile(r"[^\W_]+")


def _uk_prefix(low: str) -> str:
    """How a word begins, in a form inflection keeps: two letters of a short word (a fleeting
    vowel: "день", "дня"), three of a word of five or six ("ніч"/"ночі" and "Путін"/"Путіна"
    agree), five of a longer one ("заговір"/"заговору", not "заголовок"); і, о and е count as one
    letter, ї and є as another (the Ukrainian alternations: "Київ"/"Києва", "ніч"/"ночі")."""
    size = 5 if len(low) >= 7 else 3 if len(low) >= 5 else 2
    return low[:1] + _alternated(low[1:size])


def _alternated(letters: str) -> str:
    """``letters`` with і, о, е as 1 and ї, є as 2 (str.translate is slower on non-ASCII text:
    this runs for every new word of every text searched)."""
    return letters.replace("і", "1").replace("о", "1").replace("е", "1").replace("ї", "2").replace("є", "2")


def _uk_prefixes(low: str) -> tuple[str, ...]:
    """The beginnings a text word can share with a variant word of any length class (a short
    form may stand for a long lemma: "люди" for "людина"): ``_uk_prefix`` of its first two,
    three and five letters."""
    rest = _alternated(low[1:5])
    first = low[:1]
    if len(low) >= 5:
        return (first + rest[:1], first + rest[:2], first + rest)
    if len(low) >= 3:
        return (first + rest[:1], first + rest[:2])
    return (first + rest[:1],)


class UkrainianMatcher(WordMatcher):
    """Ukrainian: words compared by their pymorphy3 lemmas (any case, number and gender)."""

    # Hyphen and apostrophe stay inside a word: "військово-політичного", "об'єднання".
    word_re = re.compile(r"([^\W_]+(?:['.,\-][^\W_]+)*)")
    part_re = re.compile(r"([^\W_]+(?:['.,][^\W_]+)*)")

    def __init__(self, lang: str = "uk", morph=None):
        super().__init__(lang)
        self._morph = morph
        self._parses: dict[str, list] = {}  # word -> pymorphy3 parses (several keys read them)
        # (kind, source_lang, term ids) -> (terms, prefix sets)
        # (kind, source_lang, term ids) -> (terms, the beginnings each variant needs, all of them, their first letters)
        self._needs: dict[tuple, tuple[list[Term], list[frozenset[str]], frozenset[str], frozenset[str]]] = {}
        self._word_prefixes: dict[str, tuple[str, ...]] = {}  # word -> _uk_prefixes(word)

    def parse(self, low: str) -> list:
        parses = self._parses.get(low)
        if parses is None:
            parses = self._parses[low] = self.morph.parse(low)
        return parses

    @property
    def morph(self):
        if self._morph is None:
            self._morph = ukrainian_morph()  # the process's one analyser
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
        keys: set[str] = set()
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
        keys.update(
            "~" + low[: -len(e)] for e in _UK_UNKNOWN_ENDINGS if low.endswith(e) and len(low) - len(e) >= shortest
        )
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
            return tuple(self.keys(w) if w[0].isdigit() else frozenset({"=" + _apostrophes(w.lower())}) for w in words)
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

    def may_occur(
        self, texts: list[str], terms: list[Term], kind: str = "allowed", source_lang: str = "en"
    ) -> list[bool] | None:
        """A variant can occur only where every one of its words has a word of the same
        beginning (see :func:`_uk_prefix`): "на Україні" needs a word in "ук-". The test is
        there to keep pymorphy3 unloaded; once it is loaded, searching costs less than the test
        (None: no test)."""
        if self._morph is not None:
            return None
        key = (kind, source_lang, tuple(map(id, terms)))
        cached = self._needs.get(key)
        if cached is None:
            needs: list[frozenset[str]] = []
            for term in terms:
                for variant in variants_of(term, self.lang, kind, source_lang):
                    words = _PART_RE.findall(_as_letter_apostrophes(variant.lower()))
                    need = frozenset(_uk_prefix(w) for w in words if w not in _UK_EUPHONY)
                    if words:
                        needs.append(need)
            wanted = frozenset().union(*needs)
            self._needs[key] = cached = (terms, needs, wanted, frozenset(prefix[0] for prefix in wanted))
        return self._may_occur(texts, *cached[1:])

    def _may_occur(
        self, texts: list[str], needs: list[frozenset[str]], wanted: frozenset[str], initials: frozenset[str]
    ) -> list[bool]:
        if not needs:
            return [False] * len(texts)
        if frozenset() in needs:
            return [True] * len(texts)
        lows = [_as_letter_apostrophes(text.lower()) for text in texts]
        if len(lows) == 1:
            return [self._may_hold(_words_from(lows[0], initials), needs, wanted)]
        # The words of all the texts first: what none of them can hold, no one of them does.
        joined = _SEPARATOR.join(lows)
        words = _words_from(joined, initials)
        if not self._may_hold(words, needs, wanted):
            return [False] * len(texts)
        # A text can hold a need only if it holds a word of the need's rarest beginning: only the
        # texts where such a word occurs (as a substring: a superset) are tried one by one.
        holders: dict[str, list[str]] = {}
        for word in words:
            for prefix in wanted.intersection(self._word_prefixes[word]):
                holders.setdefault(prefix, []).append(word)
        starts = list(accumulate([len(low) + len(_SEPARATOR) for low in lows[:-1]], initial=0))
        tried: set[int] = set()
        for need in needs:
            if all(prefix in holders for prefix in need):
                for word in min((holders[prefix] for prefix in need), key=len):
                    at = joined.find(word)
                    while at >= 0:
                        tried.add(bisect_right(starts, at) - 1)
                        at = joined.find(word, at + 1)
        return [k in tried and self._may_hold(_words_from(lows[k], initials), needs, wanted) for k in range(len(lows))]

    def _may_hold(self, words: set[str], needs: list[frozenset[str]], wanted: frozenset[str]) -> bool:
        """Can a text of these words (see ``_words_from``) hold a need?"""
        known = self._word_prefixes
        for word in words.difference(known):
            known[word] = _uk_prefixes(word)
        present = set(chain.from_iterable(map(known.__getitem__, words)))
        # Most texts have no beginning of any variant word: settled without trying each variant.
        return not wanted.isdisjoint(present) and any(need <= present for need in needs)

    def _candidates(self, index: TermIndex, word: str) -> tuple[Pattern, ...]:
        # Most words of a text share no beginning with any variant: settle them without
        # pymorphy3 (inflection keeps a noun's first letter and, up to a vowel change, its second).
        prefixes = index.prefixes
        if prefixes is None:
            prefixes = index.prefixes = {_uk_prefix(key.lstrip("~=").partition("#")[0]) for key in index.by_first}
        low = word.lower()
        if prefixes.isdisjoint(_uk_prefixes(low)) and low not in _UK_EUPHONY:
            index.candidates[word] = ()
            return ()
        return super()._candidates(index, word)

    def _all_hits(self, text: str, index: TermIndex) -> tuple[Normalized, list]:
        norm, words = self.words_of(text)
        found = self._scan(words, index)
        if "-" in norm.text and self._parts_may_match(words, index):
            # Second pass over the parts of hyphenated words: "КНДР" in "КНДР-Росія".
            found += self._scan(self.words_of(text, self.part_re)[1], index)
            matches = sorted(zip(found[0::3], found[1::3], found[2::3]), key=lambda f: (f[0], f[0] - f[1]))
            found = [item for match in matches for item in match]
        return norm, found

    def _parts_may_match(self, words: Words, index: TermIndex) -> bool:
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
