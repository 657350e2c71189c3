"""Is a translation written in the catalog's language? Script evidence first, lingua last.

Script evidence settles almost every segment for free:

- **Korean** target: Hangul must make up a fair share of the letters. A segment of at
  least 12 letters with under 25 % Hangul is English (or another language) left in place.
- **Ukrainian** target: Cyrillic must dominate (else it is English/Korean left in place).
  Letters only Ukrainian has (і ї є ґ, the apostrophe inside a word) against letters only
  Russian has (ы э ъ ё): Russian letters without Ukrainian ones is Russian; Ukrainian ones
  without Russian ones is Ukrainian, with no model consulted.
- A Cyrillic segment with neither kind of letter (or with both) is weighed by words: frequent
  words only one language has ("це", "або", "що" against "это", "или", "и") and Ukrainian
  endings (-ння, -ськ-, infinitives in -ти). Ukrainian cues and no Russian ones settle it.
- What is left goes to lingua (restricted to uk/ru/be/bg/en, loaded on first need) when it
  has Russian cue words (20 letters or more) or no cue at all (40 letters or more); it is
  flagged only when lingua gives Russian (or another candidate) a confidence of at least
  0.9, so Ukrainian written without і/ї/є is not a false alarm. Shorter segments without
  evidence ("Анотація", a name) are never flagged.
- Korean and Ukrainian catalogs: two letters of a script the language does not use, and none
  of its own (Japanese kana, Hangul in uk, Cyrillic in ko), are wrong however short.
- Other target languages: lingua over a small candidate set, same 0.9 / 20-letter rule.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector  # imported when first needed: building it takes 0.7 s

_NON_LETTER_RE = re.compile(r"[\W\d_]+")
_NON_CYRILLIC_RE = re.compile(r"[^\u0400-\u04ff]+")
_UK_ONLY_RE = re.compile(r"[іїєґІЇЄҐ]|[\u0400-\u04ff]['’ʼ][\u0400-\u04ff]")
_RU_ONLY_RE = re.compile(r"[ыэъёЫЭЪЁ]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9_.'’/-]*[A-Za-z0-9]|[A-Za-z]")
# (Compiled once: a class of 11,000 code points costs ~1 ms to compile; its complement as much again.)
_HANGUL_RE = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_KANA_RE = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_CYRILLIC_LANGUAGES = frozenset({"uk", "ru", "be", "bg", "sr", "mk"})
_NOT_CYRILLIC_LETTER_RE = re.compile(r"[^\W\d_\u0400-\u04ff]")
# No letter of any script: ASCII digits, punctuation and spaces, common typographic marks. A text
# of these and one script's letters has no other letters: a plain character set settles that
# faster than the letter classes above (most translations are such texts).
_NEUTRAL = "\x00-\x40\x5b-\x60\x7b-\x7f\u00a0\u00ab\u00bb\u2010-\u2027\u202f"
_ONLY_CYRILLIC_RE = re.compile(f"[\u0400-\u04ff{_NEUTRAL}]*")
_ONLY_HANGUL_RE = re.compile(f"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f{_NEUTRAL}]*")
_UK_LETTER_RE = re.compile(r"[іїєґІЇЄҐ]")  # the first half of _UK_ONLY_RE, a plain character set

# Frequent words that only one of the two languages has (letters ы э ъ ё і ї є ґ aside):
# evidence that settles most Cyrillic segments without the model.
_UK_WORDS = frozenset(
    "з й ж це цей ця ці цього цієї що та або чи як який яка яке які якщо бути буде було були вже ще від "
    "зі із через його її їх він вона вони ми тому коли тут де також нижче вище може можна немає "
    "треба будь".split()
)
_RU_WORDS = frozenset(
    "это этот эта что или если как он она оно они и его ее её было была был будет может можно нет "
    "да все всё так уже еще ещё от из при только также пожалуйста ниже ошибки ошибка введите".split()
)
# -ння (знання), -ськ- (український), infinitives in -ти (перемкнути), instrumental -ою.
_UK_SUFFIX_RE = re.compile(r"[а-яіїєґ](?:ння|ннях|нням|ськ[аеиоіуюяї])|[а-яіїєґ]{3}(?:ти|ою)\b", re.I)
_WORD_RE = re.compile(r"[^\W\d_]+")
MIN_LETTERS_SCRIPT = 12  # fewer letters than this: not enough evidence of a wrong script
MIN_LETTERS_MODEL = 20  # fewer letters than this: never ask the model
MIN_LETTERS_UNMARKED = 40  # Cyrillic without any Ukrainian or Russian cue: ask the model from this length
MODEL_CONFIDENCE = 0.9

_NAMES = {
    "en": "English",
    "uk": "Ukrainian",
    "ru": "Russian",
    "ko": "Korean",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "ja": "Japanese",
    "zh": "Chinese",
    "de": "German",
    "fr": "French",
    "pl": "Polish",
}


def language_name(code: str) -> str:
    return _NAMES.get(code, code)


@dataclass
class LanguageGuard:
    """Decides wrong-language; holds the lingua detector once it is needed."""

    _detector: LanguageDetector | None = None
    _languages: tuple[str, ...] = ()
    load_seconds: float | None = None  # how long building the lingua detector took
    model_calls: int = 0

    def has_target_script(self, text: str, lang: str) -> bool:
        """Does ``text`` hold some letters of ``lang``'s own script (two Hangul syllables, three
        Cyrillic letters)? Other languages: always False (no script rule known)."""
        if lang == "ko":
            return _at_least(_HANGUL_RE, text, 2)
        if lang in _CYRILLIC_LANGUAGES:
            return _at_least(_CYRILLIC_RE, text, 3)
        return False

    def own_script_only(self, text: str, lang: str) -> bool:
        """Are all letters of ``text`` (if any) of ``lang``'s script, so that :meth:`wrong_language`
        finds nothing in it however many of its characters are turned into spaces? (Korean:
        Hangul. Not Ukrainian: it needs letters only Ukrainian has, which such spaces may remove.)"""
        return lang == "ko" and _ONLY_HANGUL_RE.fullmatch(text) is not None

    def settled_by_letters(self, text: str, lang: str) -> bool:
        """Do the letters of ``text`` alone settle that :meth:`wrong_language` finds nothing (the
        common case, decided first)?"""
        if lang == "ko":
            return _ONLY_HANGUL_RE.fullmatch(text) is not None  # every letter (if any) is Hangul
        if (
            lang == "uk"
            and (_ONLY_CYRILLIC_RE.fullmatch(text) or not _NOT_CYRILLIC_LETTER_RE.search(text))
            and not _RU_ONLY_RE.search(text)
        ):
            # All letters Cyrillic and no Russian ones: Ukrainian ones among them, or too few
            # letters to weigh without them ("Арабська": what _ukrainian would say).
            if _UK_LETTER_RE.search(text) or _UK_ONLY_RE.search(text) or not _CYRILLIC_RE.search(text):
                return True
            return len(_NON_LETTER_RE.sub("", text)) < MIN_LETTERS_MODEL
        return False

    def copied_words(self, text: str, source: str, lang: str) -> list[tuple[int, int]]:
        """Latin-script words of a translation that stand in its source too (identifiers, names,
        settings: "numfig_format", "PostgreSQL", "True"), when it holds letters of its own script
        (:meth:`has_target_script`): there they are kept on purpose, not English left in place."""
        if not _LATIN_RE.search(text) or not self.has_target_script(text, lang):
            return []
        source_words = set(_LATIN_WORD_RE.findall(source))
        return [(m.start(), m.end()) for m in _LATIN_WORD_RE.finditer(text) if m.group() in source_words]

    def wrong_language(self, text: str, lang: str, source_lang: str = "en") -> str | None:
        """A message when ``text`` is not in ``lang``; None when it is or evidence is lacking."""
        if self.settled_by_letters(text, lang):
            return None
        return self.weighed(text, lang, source_lang)

    def weighed(self, text: str, lang: str, source_lang: str = "en") -> str | None:
        """:meth:`wrong_language` of a text whose letters alone do not settle it (:meth:`settled_by_letters`)."""
        letters = _NON_LETTER_RE.sub("", text)
        if not letters:
            return None
        foreign = self._foreign_script(letters, lang)
        if foreign:
            return foreign
        if lang == "ko":
            return self._korean(letters)
        if lang == "uk":
            return self._ukrainian(text, letters, source_lang)
        return self._other(text, letters, lang, source_lang)

    def _foreign_script(self, letters: str, lang: str) -> str | None:
        """Letters of a script the language does not use and none of its own: Japanese kana or
        Cyrillic (or Chinese characters) in a Korean catalog, Hangul, kana or Chinese characters in a
        Ukrainian one. Two such letters are
        evidence enough, however short the text ("パスワード")."""
        if lang == "ko" and not _HANGUL_RE.search(letters):
            east_asian = len(_KANA_RE.findall(letters)) + _han_count(letters)
            cyrillic = len(_CYRILLIC_RE.findall(letters))
        elif lang in _CYRILLIC_LANGUAGES and not _CYRILLIC_RE.search(letters):
            east_asian = len(_KANA_RE.findall(letters)) + len(_HANGUL_RE.findall(letters)) + _han_count(letters)
            cyrillic = 0
        else:
            return None
        if east_asian >= 2:
            script = (
                "Hangul"
                if _HANGUL_RE.search(letters)
                else "Japanese kana"
                if _KANA_RE.search(letters)
                else "Chinese characters"
            )
            return f"not {language_name(lang)}: written in {script}"
        if cyrillic >= 2:
            return f"not {language_name(lang)}: written in Cyrillic"
        return None

    def _korean(self, letters: str) -> str | None:
        hangul = len(letters) - len(_HANGUL_RE.sub("", letters))  # (no string per letter, as findall makes)
        if len(letters) >= MIN_LETTERS_SCRIPT and hangul < 0.25 * len(letters):
            return f"not Korean: {hangul} of {len(letters)} letters are Hangul ({_script_guess(letters)})"
        return None

    def _ukrainian(self, text: str, letters: str, source_lang: str) -> str | None:
        cyrillic = len(_NON_CYRILLIC_RE.sub("", letters))
        if cyrillic < 0.5 * len(letters):
            if len(letters) - cyrillic >= MIN_LETTERS_SCRIPT:
                return f"not Ukrainian: {cyrillic} of {len(letters)} letters are Cyrillic ({_script_guess(letters)})"
            return None
        uk_only = _UK_ONLY_RE.search(text) is not None
        ru_only = _RU_ONLY_RE.findall(text)
        if uk_only and not ru_only:
            return None
        if ru_only and not uk_only:
            return f"Russian, not Ukrainian: has {''.join(sorted(set(ru_only)))} and none of і ї є ґ"
        if cyrillic < MIN_LETTERS_MODEL:
            return None
        words = set(_WORD_RE.findall(text.lower()))
        russian_words = words & _RU_WORDS
        if (words & _UK_WORDS or _UK_SUFFIX_RE.search(text)) and not russian_words:
            return None  # Ukrainian function words or endings ("це", "або", "-ння", "-ськ-"), no Russian ones
        if not russian_words and cyrillic < MIN_LETTERS_UNMARKED:
            return None  # no evidence either way in a short segment: not worth the model (0.7 s to load)
        guess, confidence = self.detect(text, ("uk", "ru", "be", "bg", "en"))
        if guess is not None and guess != "uk" and confidence >= MODEL_CONFIDENCE:
            return f"looks like {language_name(guess)}, not Ukrainian (confidence {confidence:.2f})"
        return None

    def _other(self, text: str, letters: str, lang: str, source_lang: str) -> str | None:
        if len(letters) < MIN_LETTERS_MODEL:
            return None
        candidates = tuple(dict.fromkeys((lang, source_lang, "en", "uk", "ru", "ko")))
        guess, confidence = self.detect(text, candidates)
        if guess is not None and guess != lang and confidence >= MODEL_CONFIDENCE:
            return f"looks like {language_name(guess)}, not {language_name(lang)} (confidence {confidence:.2f})"
        return None

    # -- lingua, loaded on first need ---------------------------------------------------------
    def detect(self, text: str, candidates: tuple[str, ...]) -> tuple[str | None, float]:
        detector = self._detector_for(candidates)
        if detector is None:
            return None, 0.0
        self.model_calls += 1
        values = detector.compute_language_confidence_values(text)
        allowed = set(candidates)
        for value in values:
            code = value.language.iso_code_639_1.name.lower()
            if code in allowed:
                return code, float(value.value)
        return None, 0.0

    def _detector_for(self, candidates: tuple[str, ...]) -> LanguageDetector | None:
        wanted = tuple(sorted(set(candidates) | set(self._languages)))
        if self._detector is not None and set(candidates) <= set(self._languages):
            return self._detector
        start = time.perf_counter()
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        languages = []
        for code in wanted:
            iso = getattr(IsoCode639_1, code.upper(), None)
            if iso is not None:
                languages.append(Language.from_iso_code_639_1(iso))
        if len(languages) < 2:
            return None
        self._detector = LanguageDetectorBuilder.from_languages(*languages).build()
        self._languages = wanted
        self.load_seconds = (self.load_seconds or 0.0) + time.perf_counter() - start
        return self._detector


def _at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """Does ``pattern`` match ``text`` ``count`` times or more? (Stops there.)"""
    return next(islice(pattern.finditer(text), count - 1, None), None) is not None


def _han_count(letters: str) -> int:
    """Chinese characters (CJK Unified Ideographs and Extension A) in ``letters``. Counted here,
    on the rare texts with none of the language's own script: a regex class over these 27,000
    code points takes ~2 ms to compile, at the start of every command."""
    return sum("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" for char in letters)


def _script_guess(letters: str) -> str:
    latin = len(_LATIN_RE.findall(letters))
    cyrillic = len(_NON_CYRILLIC_RE.sub("", letters))
    hangul = len(_HANGUL_RE.findall(letters))
    best = max(
        (latin, "mostly Latin script: English left untranslated?"),
        (cyrillic, "mostly Cyrillic script"),
        (hangul, "mostly Hangul"),
    )
    return best[1]
