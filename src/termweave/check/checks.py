"""The quality checks: one small class per check, collected in :data:`CHECKS`.

Every check has an ``id`` (what ``--only`` and the JSON report use), a ``name``, a
``severity`` and one method, ``check(ctx) -> list[Finding]``. ``ctx`` is an
:class:`~termweave.check.context.EntryContext`: one (source, translation) pair of one
catalog entry, with what several checks need computed once.

The content checks look at a pair with a non-empty translation (fuzzy entries are
content-checked too: an MT draft deserves the same scrutiny); untranslated, fuzzy and unchanged
are in :mod:`termweave.check.entry_state`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from termweave.check.context import EntryContext
from termweave.check.registry import Check, register
from termweave.check.report import Finding
from termweave.check.spans import blank
from termweave.copyright import differing_span
from termweave.data.licences import VERSION_RE, by_code, named_licences
from termweave.glossary.match import normalize
from termweave.patterns import (
    NUMBER_RE,
    PROTECTED_MARKS,
    digit_words,
    find_number_values,
    find_protected,
    find_tags,
    implied_numbers,
    maybe_protected,
)

_DIGIT_RE = re.compile(r"\d")
_LETTER_DIGIT_RE = re.compile(r"[A-Za-z][A-Za-z_-]*\d")  # a name with digits may be here (IPv4, utf-8)
_BEFORE_DIGIT_RE = re.compile(r"[A-Za-z_-]\d")  # cheap and necessary for _LETTER_DIGIT_RE to match
_DIGIT_AFTER_LETTER_RE = re.compile(r"\d(?<=[A-Za-z_-]\d)")  # the same, the look-behind after the digit


@register
class TermMissing(Check):
    """term-missing: a glossary term in the source has no approved rendering in the translation.

    A term is triggered when one of its source-language variants occurs in the source
    (English: word boundaries, plural and possessive endings; a term nested inside a longer
    triggered term does not count). It is satisfied when any approved variant — the source
    form for a do-not-translate term — occurs in the translation in any grammatical form
    (see :mod:`termweave.glossary.match`). Several occurrences in the source need one in the
    translation. In the licence entry the Creative Commons code ("CC BY 4.0") also satisfies
    the licence-title term.
    """

    id = "term-missing"
    name = "Glossary term missing"
    severity = "error"

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if ctx.source_hits]  # (preset for the batch)

    def check(self, ctx: EntryContext) -> list[Finding]:
        hits = ctx.source_hits
        if not hits or ctx.satisfied.issuperset([hit.term.id for hit in hits]):
            return []  # no term in the source (most entries of most catalogs), or every one rendered
        findings = []
        for term_id, hit in ctx.triggered.items():
            if term_id in ctx.satisfied:
                continue
            if ctx.is_licence_title(hit) and ctx.licence_named:
                continue  # the licence is named by its code or official title: attribution-altered's business
            wanted = " | ".join(hit.term.allowed(ctx.lang, ctx.source_lang))
            found = ctx.source[hit.start : hit.end]
            findings.append(ctx.finding(self, f"source has “{found}”; translation lacks {wanted}", term=term_id))
        return findings


@register
class TermForbidden(Check):
    """term-forbidden: the translation uses a variant the glossary forbids, in any form.

    Checked whether or not the term occurs in the source. A forbidden variant that lies inside
    a longer approved rendering (of any term) is not reported.
    """

    id = "term-forbidden"
    name = "Forbidden glossary variant"
    severity = "error"

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if ctx.raw_forbidden_hits]  # (preset for the batch)

    def check(self, ctx: EntryContext) -> list[Finding]:
        if not ctx.raw_forbidden_hits:
            return []  # no forbidden variant at all (most entries)
        findings = []
        for hit in ctx.forbidden_hits:
            used = ctx.translation[hit.start : hit.end]
            preferred = hit.term.preferred(ctx.lang, ctx.source_lang)
            advice = f"; use {preferred}" if preferred else ""
            findings.append(
                ctx.finding(
                    self,
                    f"“{used}” is a forbidden rendering ({hit.variant}){advice}",
                    term=hit.term.id,
                    span=(hit.start, hit.end),
                )
            )
        return findings


@register
class NumberMismatch(Check):
    """number-mismatch: the numbers of source and translation differ as values.

    Numbers are read in each side's own convention (babel/CLDR: "3.5" ≡ "3,5" in Ukrainian,
    "1,234" ≡ "1 234"), so 25 vs 250 is a mismatch and a decimal comma is not. Every source
    number must occur in the translation and every translation number in the source (as sets:
    a year repeated in the source need not be repeated). Ranges count as their two ends
    ("2024–25" also reads as 2025). A translation may add digits for what the source says in
    words (English month names: "June 2024" → "2024년 6월"; number words up to twenty; Roman
    numerals) and may write a source number as a Roman numeral ("XXI століття"). Numbers in
    URLs, DOIs and e-mail addresses are left to protected-altered.
    """

    id = "number-mismatch"
    name = "Numbers differ"
    severity = "error"
    needs = _DIGIT_RE
    needs_source = True

    def check(self, ctx: EntryContext) -> list[Finding]:
        if not _DIGIT_RE.search(ctx.source) and not _DIGIT_RE.search(ctx.translation):
            return []
        source, translation = ctx.source_prose, ctx.translation_prose
        findings = self._numbers(ctx, source, translation)
        if _has_letter_digit(source) or _has_letter_digit(translation):
            findings = self._digit_words(ctx, source, translation) + findings
        return findings

    def _digit_words(self, ctx: EntryContext, source: str, translation: str) -> list[Finding]:
        """Names with digits (IPv4, EPUB3, Python3.12) must be carried over as written."""
        src = digit_words(source)
        tgt = digit_words(translation)
        if not src and not tgt:
            return []
        src_keys = {s.text.casefold() for s in src}
        tgt_keys = {t.text.casefold() for t in tgt}
        findings = [
            ctx.finding(self, f"{s.text} of the source is missing or altered")
            for s in dict((s.text.casefold(), s) for s in src).values()
            if s.text.casefold() not in tgt_keys
        ]
        findings += [
            ctx.finding(self, f"{t.text} is not in the source", span=(t.start, t.end))
            for t in tgt
            if t.text.casefold() not in src_keys
        ]
        return findings

    def _numbers(self, ctx: EntryContext, source: str, translation: str) -> list[Finding]:
        raw_src = NUMBER_RE.findall(source)
        raw_tgt = NUMBER_RE.findall(translation)
        if not raw_src and not raw_tgt:
            return []
        if raw_src == raw_tgt and all(map(str.isdigit, raw_src)):
            return []  # the same plain integers in the same order: equal values
        src_format, tgt_format = ctx.res.number_format(ctx.source_lang), ctx.res.number_format(ctx.lang)
        if len(raw_src) == len(raw_tgt):
            # The same values in any order (Korean puts the year first), each read in its own
            # convention: nothing to report (the readings below only ever add values that can match).
            src_values = src_format.values(raw_src)
            tgt_values = tgt_format.values(raw_tgt) if src_values is not None else None
            if tgt_values is not None and sorted(src_values or ()) == sorted(tgt_values):
                return []
        src = find_number_values(source, ctx.source_lang, src_format)
        tgt = find_number_values(translation, ctx.lang, tgt_format)
        if not src and not tgt:
            return []
        target_values = set().union(*(t.values for t in tgt)) if tgt else set()
        source_values = set().union(*(s.values for s in src)) if src else set()
        findings = []
        missing = [s for s in src if not (s.values & target_values)]
        if missing:
            target_values |= implied_numbers(translation, ctx.lang)
            for s in missing:
                if not (s.values & target_values):
                    findings.append(ctx.finding(self, f"number {s.text} of the source is missing from the translation"))
        extra = [t for t in tgt if not (t.values & source_values)]
        if extra:
            source_values |= implied_numbers(source, ctx.source_lang)
            for t in extra:
                if not (t.values & source_values):
                    findings.append(ctx.finding(self, f"number {t.text} is not in the source", span=(t.start, t.end)))
        return findings


def _has_letter_digit(text: str) -> bool:
    # The same test, scanning for digits where ASCII letters are everywhere (an English text).
    before = _DIGIT_AFTER_LETTER_RE if text.isascii() else _BEFORE_DIGIT_RE
    return before.search(text) is not None and _LETTER_DIGIT_RE.search(text) is not None


@register
class ProtectedAltered(Check):
    """protected-altered: a DOI, URL or e-mail address of the source is not in the translation
    character for character, or the translation has one the source does not (an altered copy:
    ``…/guide`` → ``…/guides``). Letters of another script written onto the end (a Korean
    particle: ``https://x.org에서``) are not part of it."""

    id = "protected-altered"
    name = "DOI, URL, e-mail or markup altered"
    severity = "error"
    needs = (*PROTECTED_MARKS, "<")  # a protected span may be there, or a tag
    needs_source = True

    def check(self, ctx: EntryContext) -> list[Finding]:
        findings = []
        translation = ctx.translation
        sources = ctx.protected_source if maybe_protected(ctx.source) else []  # (its own test, without the lookup)
        targets = find_protected(translation) if maybe_protected(translation) else []
        if sources or targets:
            for text in dict.fromkeys(s.text for s in sources):
                if not any(_same_protected(text, t.text) for t in targets):
                    findings.append(ctx.finding(self, f"{_protected_kind(text)} {text} is missing or altered"))
            for t in targets:
                if not any(_same_protected(s.text, t.text) for s in sources):
                    message = f"{_protected_kind(t.text)} {t.text} is not in the source"
                    findings.append(ctx.finding(self, message, span=(t.start, t.end)))
        if "<" in ctx.source or "<" in ctx.translation:
            findings += self._tags(ctx)
        return findings

    def _tags(self, ctx: EntryContext) -> list[Finding]:
        """Every HTML/XML tag of the source (name and attribute names), as often as there. A tag
        the translation adds (emphasis, a line break) is the translator's choice."""
        wanted = Counter(t.text for t in find_tags(ctx.source))
        if not wanted:
            return []
        have = Counter(t.text for t in find_tags(ctx.translation))
        return [
            ctx.finding(self, f"markup {tag} of the source is missing or altered")
            for tag, n in wanted.items()
            if have[tag] < n
        ]


_ATTACHED_RE = re.compile(r"[^\W\d_A-Za-z]+")  # letters of another script: a particle, an ending


def _same_protected(source: str, translation: str) -> bool:
    rest = translation[len(source) :] if translation.startswith(source) else None
    return rest == "" or (rest is not None and bool(_ATTACHED_RE.fullmatch(rest)))


def _protected_kind(text: str) -> str:
    return "e-mail address" if "@" in text else "DOI" if text.startswith("10.") else "URL"


@register
class AttributionAltered(Check):
    """attribution-altered: the copyright line changed, or the licence lost its name or version.

    The copyright entry (msgctxt ``copyright``, or a msgid starting "Copyright (c)",
    "Copyright ©" or "©") must be byte-identical to its source. The licence entry (msgctxt
    ``licence``, or a msgid naming a Creative Commons licence) must keep every version number
    of the source literally ("4.0": an identifier, not a quantity) and name the licence: by
    the approved title of the glossary term the source's licence name triggers (e.g. "Із
    Зазначенням Авторства 4.0 Міжнародна"), or at least by its code ("CC BY 4.0"). Without a
    glossary term for it, the code must appear (a source naming no CC licence needs at least
    the words "Creative Commons").
    """

    id = "attribution-altered"
    name = "Copyright or licence altered"
    severity = "error"

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if ctx.is_copyright or ctx.is_licence]

    def check(self, ctx: EntryContext) -> list[Finding]:
        if ctx.is_copyright:
            if ctx.translation == ctx.source:
                return []
            return [
                ctx.finding(
                    self,
                    "the copyright line must be identical to the source, byte for byte",
                    span=differing_span(ctx.source, ctx.translation),
                )
            ]
        if not ctx.is_licence:
            return []
        findings = []
        translation = normalize(ctx.translation).text
        for version in dict.fromkeys(VERSION_RE.findall(ctx.source)):
            if version not in translation:
                findings.append(ctx.finding(self, f"the licence must keep its version {version}"))
        expected = ctx.licence_code
        named = named_licences(ctx.translation, ctx.lang)
        for other in named:
            if other != expected:
                source = expected or "another licence"
                findings.append(ctx.finding(self, f"the translation names {other}, the source {source}"))
        if expected and expected not in named:
            licence = by_code(expected)
            title = licence.title(ctx.lang) if licence else None
            official = f"its official title «{title}» or " if title else ""
            findings.append(ctx.finding(self, f"the licence must be named by {official}its code {expected}"))
        elif not expected and not named and not re.search(r"creative\s+commons", translation, re.I):
            findings.append(ctx.finding(self, "the licence must be named (Creative Commons)"))
        return findings


@register
class WrongLanguage(Check):
    """wrong-language: the translation is not in the catalog's language.

    See :mod:`termweave.lang.detect` for the evidence used (scripts, letters only Ukrainian
    or only Russian has, lingua as a last resort). URLs, DOIs, e-mail addresses and
    do-not-translate terms are ignored; the copyright line (kept in the source language by
    rule) is not checked.
    """

    id = "wrong-language"
    name = "Wrong language"
    severity = "error"

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int] | None:
        """Not the Korean translations all in Hangul (check's first test, for a whole batch: a
        catalog's pairs share their language)."""
        if not contexts or contexts[0].lang != "ko":
            return None
        only_own_script = contexts[0].res.guard.own_script_only
        return [i for i, ctx in enumerate(contexts) if not only_own_script(ctx.translation, ctx.lang)]

    def check(self, ctx: EntryContext) -> list[Finding]:
        guard, lang, src = ctx.res.guard, ctx.lang, ctx.source_lang
        if guard.own_script_only(ctx.translation, lang):
            return []  # what is blanked below turns into spaces: the text stays in its own script
        if ctx.is_copyright:
            return []
        text = ctx.translation_prose
        if ctx.translation == ctx.source and _NAME_RE.fullmatch(ctx.source_prose):
            return []  # "Python Enhancement Proposals": a name kept as is (unchanged warns about it)
        # (Only the terms the source triggers are looked for in the translation: none, no hits.)
        spans = [(h.start, h.end) for h in ctx.target_hits if h.term.dnt] if ctx.terms and ctx.source_hits else []
        # (A Korean translation's letters settle nothing if own_script_only said no: the same test.)
        if not spans and not (lang == "ko" and text is ctx.translation) and guard.settled_by_letters(text, lang):
            return []  # (no ASCII letter either: no copied word to blank)
        spans += guard.copied_words(text, ctx.source, lang)
        # With nothing to blank, the text is the one its letters did not settle (above): weigh it.
        message = guard.wrong_language(blank(text, spans), lang, src) if spans else guard.weighed(text, lang, src)
        return [ctx.finding(self, message)] if message else []


# Only capitalised words (and punctuation, digits): a name or title, not a sentence.
_NAME_RE = re.compile(r"[\W\d_]*(?:[A-Z][\w'’.-]*[\W\d_]*)+")
