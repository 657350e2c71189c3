"""What the checks share: :class:`Resources` (across entries) and :class:`EntryContext` (one
entry), whose facts several checks need (glossary hits, protected spans, what kind of entry
it is) are computed once, on first use, or in bulk by the runner (``preset_each``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from termweave.check.catalog import Catalog, Entry
from termweave.check.formats import PARSERS, Directive, FormatError, format_flags, guessed_spans
from termweave.check.report import Finding
from termweave.check.spans import blank
from termweave.copyright import COPYRIGHT_RE
from termweave.data.licences import licence_code, named_licences
from termweave.glossary import Glossary, Term
from termweave.glossary.match import Matcher, TermHit, matcher_for, triggered_terms
from termweave.lang.detect import LanguageGuard
from termweave.lang.house_style import HouseStyle, default_style
from termweave.patterns import NumberFormat, find_protected, markup_spans, maybe_protected, protected_spans

# --------------------------------------------------------------------------------------------
# Shared state and per-entry context


class lazy:
    """A computed-once attribute (functools.cached_property without its lock: 3x cheaper)."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = self.func(obj)
        # (setattr, not __dict__: asking for an instance's __dict__ makes it a real dict object,
        # and each attribute lookup on it slower.)
        setattr(obj, self.name, value)
        return value


@dataclass
class HitMemo:
    """The glossary hits of the texts of one language pair searched so far (see check.runner):
    catalogs repeat strings, and the hits of a text do not depend on the other texts. The source
    tables are shared with the pairs of the same source language and terms (Resources.hit_memo)."""

    sources: dict[str, list[TermHit]] = field(default_factory=dict)  # source -> its outermost hits
    source_terms: dict[str, frozenset[str]] = field(default_factory=dict)  # source -> the ids of their terms
    term_sets: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)  # one object per set of ids
    # (the terms the batch triggers, the terms wanted) -> translation -> its allowed hits
    targets: dict[tuple[frozenset[str], frozenset[str]], dict[str, list[TermHit]]] = field(default_factory=dict)
    forbidden: dict[str, list[TermHit]] = field(default_factory=dict)  # translation -> its forbidden hits
    none: list[TermHit] = field(default_factory=list)  # the hits of every text without any (shared, never changed)

    LIMIT = 100_000  # distinct sources remembered at most: past it, the memo starts again (memory stays bounded)

    def trim(self) -> None:
        if len(self.sources) > self.LIMIT:
            for table in (self.sources, self.source_terms, self.targets, self.forbidden):
                table.clear()


@dataclass
class Resources:
    """What the checks share across entries and files: matchers, term lists, the detector.

    Each language's analyser is created on first use only (a Ukrainian catalog never loads
    Kiwi), and each matcher caches every word it has analysed.
    """

    glossary: Glossary | None = None
    guard: LanguageGuard = field(default_factory=LanguageGuard)
    matchers: dict[str, Matcher] = field(default_factory=dict)
    _pair_terms: dict[tuple[str, str], list[Term]] = field(default_factory=dict)
    _forbidden_terms: dict[str, list[Term]] = field(default_factory=dict)
    _formats: dict[str, NumberFormat] = field(default_factory=dict)
    _styles: dict[str, HouseStyle] = field(default_factory=dict)  # house_style's answers
    house_styles: dict[str, HouseStyle] = field(default_factory=dict)  # from termweave.toml; else defaults
    author_texts: dict[str, dict[tuple[str | None, str], str]] = field(default_factory=dict)  # lang -> key -> text
    _author_variants: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    _hit_memos: dict[tuple[str, str], HitMemo] = field(default_factory=dict)  # (source lang, lang) -> memo
    _directives: dict[tuple[str, str], list[Directive] | FormatError] = field(default_factory=dict)

    DIRECTIVES_LIMIT = 100_000  # texts whose directives are remembered at most (memory stays bounded)

    def directives(self, fmt: str, text: str) -> list[Directive]:
        """``PARSERS[fmt](text)``, remembered: the format check and the prose of a translation both
        parse it, and catalogs of several languages share their msgids. Raises FormatError."""
        key = (fmt, text)
        found = self._directives.get(key)
        if found is None:
            if len(self._directives) > self.DIRECTIVES_LIMIT:
                self._directives.clear()
            try:
                found = PARSERS[fmt](text)
            except FormatError as problem:
                found = problem
            self._directives[key] = found
        if type(found) is not list:
            raise FormatError(str(found))
        return found

    def house_style(self, lang: str) -> HouseStyle:
        style = self._styles.get(lang)
        if style is None:
            style = self._styles[lang] = self.house_styles.get(lang) or default_style(lang)
        return style

    def author_variants(self, source_lang: str, lang: str) -> dict[str, frozenset[str]]:
        """Term id -> the glossary variants the author's own translation uses (termweave.author)."""
        if lang not in self._author_variants:
            terms = self.pair_terms(source_lang, lang)
            found: dict[str, set[str]] = {}
            for text in self.author_texts.get(lang, {}).values():
                for hit in self.matcher(lang).find(text, terms, "allowed", source_lang):
                    found.setdefault(hit.term.id, set()).add(hit.variant)
            self._author_variants[lang] = {term: frozenset(v) for term, v in found.items()}
        return self._author_variants[lang]

    def hit_memo(self, source_lang: str, lang: str) -> HitMemo:
        memo = self._hit_memos.get((source_lang, lang))
        if memo is None:
            terms = self.pair_terms(source_lang, lang)
            # The catalogs of another language pair with the same terms have the same sources (a
            # project's uk and ko catalogs): that pair's source hits are this one's.
            twin = next(
                (
                    other
                    for (other_source, other_lang), other in self._hit_memos.items()
                    if other_source == source_lang and _same_terms(self.pair_terms(other_source, other_lang), terms)
                ),
                None,
            )
            memo = (
                HitMemo(sources=twin.sources, source_terms=twin.source_terms, term_sets=twin.term_sets)
                if twin
                else HitMemo()
            )
            self._hit_memos[(source_lang, lang)] = memo
        return memo

    def matcher(self, lang: str) -> Matcher:
        if lang not in self.matchers:
            self.matchers[lang] = matcher_for(lang)
        return self.matchers[lang]

    def pair_terms(self, source_lang: str, lang: str) -> list[Term]:
        key = (source_lang, lang)
        if key not in self._pair_terms:
            self._pair_terms[key] = self.glossary.for_pair(source_lang, lang) if self.glossary else []
        return self._pair_terms[key]

    def forbidden_terms(self, lang: str) -> list[Term]:
        if lang not in self._forbidden_terms:
            terms = self.glossary.terms if self.glossary else []
            self._forbidden_terms[lang] = [t for t in terms if t.banned(lang)]
        return self._forbidden_terms[lang]

    def number_format(self, lang: str) -> NumberFormat:
        if lang not in self._formats:
            self._formats[lang] = NumberFormat.for_language(lang)
        return self._formats[lang]


def _same_terms(a: list[Term], b: list[Term]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


_LICENCE_RE = re.compile(r"creative\s+commons|\bCC[ -]?(?:BY|0)\b", re.IGNORECASE)
_LICENCE_TERM_RE = re.compile(r"creative\s+commons|attribution|licen[cs]e|\bCC\b", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")
# Markup (< & `) and format directives of every format (% { $) start with one of these.
_NON_PROSE_CHAR_RE = re.compile(r"[<&`%{$]")


class EntryContext:
    """One (source, translation) pair of an entry, with lazily computed shared facts."""

    def __init__(
        self,
        catalog: Catalog,
        entry: Entry,
        source: str,
        translation: str,
        res: Resources,
        terms: list[Term] | None = None,
    ):
        self.catalog = catalog
        self.entry = entry
        self.source = source
        self.translation = translation
        self.res = res
        self.lang = catalog.language
        self.source_lang = catalog.source_lang
        # The glossary terms of the pair of languages (most checks ask): the caller's, if it has them.
        self.terms: list[Term] = res.pair_terms(self.source_lang, self.lang) if terms is None else terms
        msgid, msgctxt = entry.msgid, entry.msgctxt
        # COPYRIGHT_RE can only match a msgid whose first non-space character is one of these.
        self.is_copyright: bool = msgctxt == "copyright" or (
            msgid.lstrip()[:1] in "cC©(" and COPYRIGHT_RE.match(msgid) is not None
        )
        self.is_licence: bool = msgctxt in ("licence", "license") or (
            ("ommons" in msgid or "CC" in msgid) and _LICENCE_RE.search(msgid) is not None
        )

    @staticmethod
    def preset_each(contexts: list[EntryContext], name: str, values: list) -> None:
        """Set the lazily computed fact ``name`` of each context to its value, computed in bulk
        (see runner.check_entries)."""
        for ctx, value in zip(contexts, values, strict=True):
            setattr(ctx, name, value)  # (see lazy)

    def finding(
        self,
        check,
        message: str,
        term: str | None = None,
        span: tuple[int, int] | None = None,
        msgstr: str | None = None,
    ) -> Finding:
        entry = self.entry
        return Finding(  # (by position: a third cheaper than by keyword)
            str(self.catalog.path),  # path
            entry.line,
            entry.msgctxt,  # context
            entry.msgid,
            check.id,
            check.severity,
            term,
            message,
            span,
            self.translation if msgstr is None else msgstr,
        )

    # -- glossary ------------------------------------------------------------------------------
    @lazy
    def source_hits(self) -> list[TermHit]:
        """Terms triggered by the source (a term nested in a longer one does not count)."""
        if not self.terms:
            return []
        return triggered_terms(self.res.matcher(self.source_lang), self.source, self.terms, self.source_lang)

    @lazy
    def triggered(self) -> dict[str, TermHit]:
        found: dict[str, TermHit] = {}
        for hit in self.source_hits:
            found.setdefault(hit.term.id, hit)
        return found

    @lazy
    def target_hits(self) -> list[TermHit]:
        """Approved renderings in the translation of the terms the source triggers (only those
        are looked for: a Korean catalog without glossary terms never loads Kiwi)."""
        wanted = [hit.term for hit in self.triggered.values()] if self.terms else []
        if not wanted:
            return []
        return self._find(self.translation, wanted, "allowed")

    def _find(self, text: str, terms: list[Term], kind: str) -> list[TermHit]:
        """The matcher's hits, after its cheap test (which keeps pymorphy3 unloaded for most texts)."""
        matcher = self.res.matcher(self.lang)
        if matcher.may_occur([text], terms, kind, self.source_lang) == [False]:
            return []
        return matcher.find(text, terms, kind, self.source_lang)

    @lazy
    def all_target_hits(self) -> list[TermHit]:
        """Approved renderings of any term in the translation (to excuse a forbidden variant
        that lies inside one)."""
        if not self.terms:
            return []
        return self._find(self.translation, self.terms, "allowed")

    @lazy
    def satisfied(self) -> set[str]:
        return {hit.term.id for hit in self.target_hits}

    @lazy
    def raw_forbidden_hits(self) -> list[TermHit]:
        terms = self.res.forbidden_terms(self.lang)
        if not terms:
            return []
        return self._find(self.translation, terms, "forbidden")

    @lazy
    def forbidden_hits(self) -> list[TermHit]:
        """Forbidden variants in the translation, except inside a longer approved rendering."""
        hits = self.raw_forbidden_hits
        allowed = self.all_target_hits if hits else []
        return [
            h
            for h in hits
            if not any(a.start <= h.start and h.end <= a.end and (a.end - a.start) > (h.end - h.start) for a in allowed)
        ]

    # -- kinds of entry ------------------------------------------------------------------------
    # (is_copyright and is_licence, set by __init__: cheap, and most entries are asked.)

    @lazy
    def licence_code(self) -> str | None:
        """The code of the CC licence the source names ("CC BY-NC-SA 4.0"), if it is a licence entry."""
        if not self.is_licence:
            return None
        return licence_code(self.source, self.source_lang)

    @lazy
    def licence_named(self) -> bool:
        """Does the translation name the source's licence (code, official title or deed URL) and no other?"""
        code = self.licence_code
        return bool(code) and named_licences(self.translation, self.lang) == [code]

    def is_licence_title(self, hit: TermHit) -> bool:
        return self.is_licence and bool(_LICENCE_TERM_RE.search(hit.variant))

    @lazy
    def protected_source(self):
        return find_protected(self.source) if maybe_protected(self.source) else []

    @lazy
    def source_prose(self) -> str:
        """The source with URLs, DOIs, e-mails, markup and placeholders blanked (offsets kept)."""
        return self.prose(self.source)

    @lazy
    def translation_prose(self) -> str:
        """The translation with URLs, DOIs, e-mails, markup and placeholders blanked (offsets kept)."""
        return self.prose(self.translation)

    def prose(self, text: str) -> str:
        protected = maybe_protected(text)
        if not protected and _NON_PROSE_CHAR_RE.search(text) is None:
            return text  # most texts: nothing to blank (non_prose's test)
        return blank(text, self._non_prose(text, protected))

    def non_prose(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` that are not prose: protected spans, markup, format directives."""
        protected = maybe_protected(text)
        if not protected and _NON_PROSE_CHAR_RE.search(text) is None:
            return []  # most texts: no markup or directive can start without one of these characters
        return self._non_prose(text, protected)

    def _non_prose(self, text: str, protected: bool) -> list[tuple[int, int]]:
        spans = protected_spans(text) if protected else []
        spans += markup_spans(text)
        flags = self.entry.flags
        formats = format_flags(flags) if flags else None
        if formats:
            for fmt in formats:
                try:
                    spans += [directive[3:5] for directive in self.res.directives(fmt, text)]  # (start, end)
                except FormatError:
                    pass  # reported by the format check
        else:
            spans += guessed_spans(text)
        return spans

    def letters_outside(self, text: str, spans: list[tuple[int, int]]) -> str:
        """The letters of ``text`` outside ``spans``."""
        kept, at = [], 0
        for a, b in sorted(spans):
            kept.append(text[at:a])
            at = max(at, b)
        kept.append(text[at:])
        return "".join(_LETTER_RE.findall("".join(kept)))

    @lazy
    def dnt_source_spans(self) -> list[tuple[int, int]]:
        return [(h.start, h.end) for h in self.source_hits if h.term.dnt]
