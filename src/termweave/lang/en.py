"""English: the source side of most projects. Words match case-insensitively with plural and
possessive endings; a variant in capitals is an acronym that matches only in capitals."""

from __future__ import annotations

from termweave.glossary.index import Pattern, TermIndex, WordMatcher


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

    def _candidates(self, index: TermIndex, word: str) -> tuple[Pattern, ...]:
        # Every key of an ASCII word whose base (the word less "'s") has two letters or more begins
        # with the word's first two letters, lower-cased (an acronym's "^" aside), and with its
        # first three when the base has six or more (the shortest key then, the base less "ies"
        # plus "y", keeps three): a word that begins like no first word of a variant starts no
        # pattern (most words; their keys are never computed).
        prefixes = index.prefixes
        if prefixes is None:
            stripped = [key.lstrip("^").lower() for key in index.by_first]
            prefixes = index.prefixes = {key[:2] for key in stripped} | {key[:3] for key in stripped}
        if word.isascii():
            size = len(word) - 2 if word.endswith(("'s", "'S")) else len(word)
            if size >= 2 and word[: 3 if size >= 6 else 2].lower() not in prefixes:
                index.candidates[word] = ()
                return ()
        return super()._candidates(index, word)
