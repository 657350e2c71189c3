"""``termweave translate``: machine drafts for every untranslated catalog entry.

A draft is written as the entry's msgstr with the ``fuzzy`` flag and a translator comment
(``termweave-mt: ...``) naming the package and engine, and listing the glossary terms the
draft does not render, so the reviewer knows where to look. A reviewed entry (non-fuzzy,
non-empty) is never touched; fuzzy entries are redrafted only with ``include_fuzzy``.

Protected spans (DOIs, URLs, e-mail addresses, numbers) survive in one of three ways, tried
in order for each segment: the model copies them (checked), or they are masked as
placeholder tokens and restored (checked), or the text between them is translated piece by
piece and the spans are put back verbatim. Segments that are not prose (the copyright line,
the DOI) are never sent to the model.
"""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from termweave.console import Console
from termweave.patterns import Span, find_numbers, find_protected
from termweave.translate.engine import Hypothesis, Source, spans_present
from termweave.translate.models import PackageInfo
from termweave.translate.terms import TermScore, TermSet, score_hypotheses

if TYPE_CHECKING:
    from termweave.formats.po import Message
    from termweave.glossary import Glossary
    from termweave.translate.engine import DecodeSettings, Engine

COMMENT_PREFIX = "termweave-mt:"
DRAFT_MARK = "termweave-draft:"  # fingerprint of the msgstr we drafted: anything else is a person's
KEPT_PREFIX = "termweave-kept:"  # a person's fuzzy msgstr a draft replaced; never removed
KEPT_WIDTH = 50  # characters of JSON per line: with the prefix, within COMMENT_WIDTH
# gettext never wraps '#' comments, but some PO tools (polib-based ones) wrap "# " + comment at
# 78 columns; lines this short survive a save by any of them with their prefix.
COMMENT_WIDTH = 76
NEVER_TRANSLATED = frozenset({"copyright", "doi"})  # segment ids copied verbatim
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Draft:
    text: str
    method: str  # "model", "masked", "pieces" or "copied"
    terms: TermScore = field(default_factory=TermScore)


@dataclass
class Request:
    """One source text to take through a route (one per distinct text and target language)."""

    source: str
    spans: tuple[Span, ...]
    route: tuple[PackageInfo, ...]
    target_lang: str


def protected_spans(text: str) -> tuple[Span, ...]:
    return tuple(sorted(find_protected(text) + find_numbers(text), key=lambda s: s.start))


def is_prose(segment_id: str, text: str, spans: Sequence[Span]) -> bool:
    if segment_id in NEVER_TRANSLATED:
        return False
    rest, last = [], 0
    for span in spans:
        rest.append(text[last : span.start])
        last = span.end
    rest.append(text[last:])
    return bool(_LETTER.search("".join(rest)))


def wants_draft(entry: Message, include_fuzzy: bool) -> bool:
    """Untranslated entries, and fuzzy ones if asked; never a reviewed (non-fuzzy, non-empty) one."""
    if entry.obsolete or not entry.msgid:
        return False
    empty = not entry.msgstr and not any(entry.msgstr_plural)
    return empty or (include_fuzzy and "fuzzy" in entry.flags)


class Drafter:
    """Runs requests through their routes, hop by hop, batching every text a package must decode."""

    def __init__(
        self, engine: Engine, settings: DecodeSettings, glossary: Glossary | None, source_lang: str, console: Console
    ):
        self.engine = engine
        self.settings = settings
        self.glossary = glossary
        self.source_lang = source_lang
        self.console = console
        self._termsets: dict[str, TermSet] = {}

    def terms(self, lang: str) -> TermSet:
        if lang not in self._termsets:
            self._termsets[lang] = TermSet.for_pair(self.glossary, self.source_lang, lang)
        return self._termsets[lang]

    def choose(self, original: str, hypotheses, lang: str):
        """The best hypothesis: spans intact, no forbidden variant, most terms, then the model's score."""
        scores = score_hypotheses(original, [h.text for h in hypotheses], self.terms(lang))
        ranked = sorted(
            zip(hypotheses, scores), key=lambda pair: (pair[0].intact, pair[1].key, pair[0].score), reverse=True
        )
        return ranked[0]

    def run(self, requests: list[Request], masked: bool) -> list[list]:
        """Final-hop hypotheses for each request; intermediate hops keep their best hypothesis."""
        current = [Source(r.source, r.spans) for r in requests]
        finals: list[list[Hypothesis]] = [[] for _ in requests]
        longest = max((len(r.route) for r in requests), default=0)
        for hop in range(longest):
            groups: dict[Path, list[int]] = {}
            for index, request in enumerate(requests):
                if hop < len(request.route):
                    groups.setdefault(request.route[hop].path, []).append(index)
            for indices in groups.values():
                package = requests[indices[0]].route[hop]
                outputs = self.engine.translate(
                    package,
                    [current[i] for i in indices],
                    self.settings,
                    num_hypotheses=self.settings.beam,
                    masked=masked,
                    suppress_words=self.terms(package.to_code).forbidden_variants(),
                    progress=self.console.progress,
                    desc=f"{package.from_code}->{package.to_code}",
                )
                for index, hypotheses in zip(indices, outputs):
                    request = requests[index]
                    if hop == len(request.route) - 1:
                        finals[index] = [
                            Hypothesis(h.text, h.score, h.intact and _all_present(h.text, request.spans))
                            for h in hypotheses
                        ]
                    else:
                        best, _ = self.choose(request.source, hypotheses, package.to_code)
                        current[index] = Source(best.text, _relocate(best.text, request.spans))
        return finals

    def draft(self, requests: list[Request]) -> list[Draft]:
        """Drafts for the requests: plain decoding, then masking, then pieces where spans broke."""
        drafts: list[Draft | None] = [None] * len(requests)
        todo = list(range(len(requests)))
        for method, masked in (("model", False), ("masked", True)):
            if not todo:
                break
            if masked:
                todo = [i for i in todo if requests[i].route and _can_mask(self.engine, requests[i])]
            results = self.run([requests[i] for i in todo], masked)
            still = []
            for index, hypotheses in zip(todo, results):
                request = requests[index]
                best, score = self.choose(request.source, hypotheses, request.target_lang)
                if best.intact or not request.spans:
                    drafts[index] = Draft(best.text, method, score)
                else:
                    still.append(index)
                    drafts[index] = drafts[index] or Draft(best.text, method, score)
            todo = still
        leftovers = [
            i
            for i, d in enumerate(drafts)
            if d is None or (requests[i].spans and not _all_present(d.text, requests[i].spans))
        ]
        if leftovers:
            self._draft_in_pieces(requests, leftovers, drafts)
        done = [d for d in drafts if d is not None]
        assert len(done) == len(drafts)  # every request got a draft: plain, masked or in pieces
        return done

    def _draft_in_pieces(self, requests: list[Request], indices: list[int], drafts: list[Draft | None]) -> None:
        """Translate only the prose between protected spans; the spans are put back verbatim."""
        pieces: list[Request] = []
        # per request: ("keep", text) or ("piece", index into pieces, leading space, trailing space)
        layouts: dict[int, list[tuple[str, str] | tuple[str, int, str, str]]] = {}
        for index in indices:
            request = requests[index]
            layout: list[tuple[str, str] | tuple[str, int, str, str]] = []
            for kind, text in _split_at_spans(request.source, request.spans):
                core = text.strip()
                if kind == "text" and _LETTER.search(core):
                    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
                    layout.append(("piece", len(pieces), lead, trail))
                    pieces.append(Request(core, (), request.route, request.target_lang))
                else:
                    layout.append(("keep", text))
            layouts[index] = layout
        results = self.run(pieces, masked=False) if pieces else []
        for index, layout in layouts.items():
            out = []
            for part in layout:
                if len(part) == 2:  # ("keep", text)
                    out.append(part[1])
                else:
                    _, piece, lead, trail = part
                    best, _ = self.choose(pieces[piece].source, results[piece], pieces[piece].target_lang)
                    if not best.text.strip():  # a piece came back empty: no usable draft
                        out = []
                        break
                    out.append(lead + best.text + trail)
            text = "".join(out).strip()
            request = requests[index]
            score = score_hypotheses(request.source, [text], self.terms(request.target_lang))[0]
            drafts[index] = Draft(text, "pieces", score)


def _can_mask(engine, request: Request) -> bool:
    return bool(request.spans) and all(engine.load(p).codec.supports_masking for p in request.route)


def _all_present(text: str, spans: Sequence[Span]) -> bool:
    return spans_present(text, spans)


def _relocate(text: str, spans: Sequence[Span]) -> tuple[Span, ...]:
    """The spans' positions in a pivot translation (those that came through), in order."""
    found, start = [], 0
    for span in spans:
        position = text.find(span.text, start)
        if position < 0:
            position = text.find(span.text)
        if position >= 0:
            found.append(Span(position, position + len(span.text), span.text))
            start = position + len(span.text)
    found.sort(key=lambda s: s.start)
    return tuple(s for i, s in enumerate(found) if i == 0 or s.start >= found[i - 1].end)


def _split_at_spans(text: str, spans: Sequence[Span]) -> list[tuple[str, str]]:
    parts, last = [], 0
    for span in spans:
        parts.append(("text", text[last : span.start]))
        parts.append(("span", span.text))
        last = span.end
    parts.append(("text", text[last:]))
    return [p for p in parts if p[1]]


def describe_engine(route_: Sequence[PackageInfo], engine_version: str, beam: int) -> str:
    names = " + ".join(p.label for p in route_)
    via = f" via {', '.join(p.to_code for p in route_[:-1])}" if len(route_) > 1 else ""
    return f"draft: Argos {names}{via}, CTranslate2 {engine_version}, beam {beam}"


def _comment(text: str) -> list[str]:
    """Prefixed lines short enough that no PO tool wraps them (a wrapped tail would lose the prefix)."""
    width = COMMENT_WIDTH - len(COMMENT_PREFIX) - 1
    return [f"{COMMENT_PREFIX} {line}" for line in textwrap.wrap(text, width, break_on_hyphens=False)]


def comment_lines(
    draft: Draft, route_: Sequence[PackageInfo], engine_version: str, beam: int, target_lang: str
) -> list[str]:
    if draft.method == "copied":
        return _comment("copied unchanged (not prose: never sent to the model)")
    lines = _comment(describe_engine(route_, engine_version, beam))
    if draft.method == "pieces":
        lines += _comment("translated around DOIs/URLs/numbers (the model altered them)")
    if draft.terms.missing:
        terms = ", ".join(f"{t.id} ({t.preferred(target_lang) or '?'})" for t in draft.terms.missing)
        lines += _comment(f"glossary terms not in the draft: {terms}")
    if draft.terms.forbidden:
        found = ", ".join(f"{variant} ({term.id})" for term, variant in draft.terms.forbidden)
        lines += _comment(f"forbidden variants in the draft: {found}")
    return lines


def _fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def kept_lines(text: str) -> list[str]:
    """A person's translation as comment lines, losslessly: JSON chunks short enough that no PO
    tool wraps them; continuation lines start with ``+``."""
    chunks: list[str] = []
    current: list[str] = []
    width = 0
    for char in text:
        size = len(json.dumps(char, ensure_ascii=False)) - 2
        if current and width + size > KEPT_WIDTH:
            chunks.append("".join(current))
            current, width = [], 0
        current.append(char)
        width += size
    chunks.append("".join(current))
    return [f"{KEPT_PREFIX} {'+' if i else ''}{json.dumps(c, ensure_ascii=False)}" for i, c in enumerate(chunks)]


def kept_translations(comments: str | list[str]) -> list[str]:
    """The person's translations a draft replaced, as kept by :func:`kept_lines` (in order);
    ``comments``: the translator comment lines (or their text)."""
    found: list[str] = []
    for line in comments.splitlines() if isinstance(comments, str) else comments:
        if not line.startswith(KEPT_PREFIX):
            continue
        rest = line[len(KEPT_PREFIX) :].strip()
        try:
            chunk = json.loads(rest.removeprefix("+"))
        except ValueError:
            chunk = rest  # edited by hand: keep what is there
        if rest.startswith("+") and found:
            found[-1] += chunk
        else:
            found.append(chunk)
    return found


def _legacy_replaced(lines: list[str]) -> str | None:
    """The text an older termweave kept as ``termweave-mt: replaced fuzzy msgstr: ...`` (wrapped)."""
    marker = f"{COMMENT_PREFIX} replaced fuzzy msgstr: "
    for index, line in enumerate(lines):
        if line.startswith(marker):
            rest = [other[len(COMMENT_PREFIX) :].strip() for other in lines[index + 1 :]]
            return " ".join([line[len(marker) :], *rest]).replace("\\n", "\n")
    return None


def apply_draft(entry: Message, draft: Draft, lines: list[str]) -> None:
    """Write the draft into the entry: msgstr, fuzzy flag, our comment lines (others kept).

    A msgstr that is not our last draft (no fingerprint, or another one) is a person's: it is
    kept, losslessly, in ``termweave-kept:`` lines that no later run removes.
    """
    old = list(entry.translator_comments)
    ours = [line for line in old if line.startswith((COMMENT_PREFIX, DRAFT_MARK))]
    kept = [line for line in old if not line.startswith((COMMENT_PREFIX, DRAFT_MARK))]
    previous = kept_translations(old)
    legacy = _legacy_replaced(ours)
    if legacy is not None and legacy not in previous:
        kept += kept_lines(legacy)
        previous.append(legacy)
    fingerprints = {line[len(DRAFT_MARK) :].strip() for line in ours if line.startswith(DRAFT_MARK)}
    drafted_by_us = bool(ours) and (not fingerprints or _fingerprint(entry.msgstr) in fingerprints)
    if entry.msgstr and not drafted_by_us and entry.msgstr not in previous:
        kept += kept_lines(entry.msgstr)  # a person's fuzzy translation: where the reviewer sees it
    entry.msgstr = draft.text
    if "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    entry.translator_comments = kept + lines + [f"{DRAFT_MARK} {_fingerprint(draft.text)}"]
