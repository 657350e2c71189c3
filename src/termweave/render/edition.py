"""Step 5a: gather one language's edition of a document from the seed and its catalog."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from termweave.errors import TermweaveError
from termweave.formats.po import Catalog
from termweave.lang.house_style import HouseStyle, default_style, typeset
from termweave.render.licence import Licence, detect_licence
from termweave.segment import Document


class IncompleteError(TermweaveError):
    """Fuzzy or untranslated entries stop publication (exit 1), listing them."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    lang: str
    context: str
    state: str  # "untranslated" | "fuzzy"
    path: str
    line: int | None


@dataclass
class Edition:
    lang: str
    document: Document
    texts: dict[str, str]  # segment id -> text in this edition's language
    stand_ins: set[str] = field(default_factory=set)  # ids showing the source text instead

    @property
    def licence(self) -> Licence | None:
        segment = self.document.get("licence")
        return detect_licence(segment.text, self.document.lang) if segment else None

    def text(self, segment_id: str) -> str | None:
        return self.texts.get(segment_id)

    def paragraphs(self) -> list[list[str]]:
        return [[s.id for s in paragraph] for paragraph in self.document.paragraphs()]


def source_edition(document: Document) -> Edition:
    return Edition(document.lang, document, {s.id: s.text for s in document.segments})


def target_edition(document: Document, lang: str, catalog: Catalog, context_of, problems: list[Problem]) -> Edition:
    """The edition in ``lang``: reviewed translations; the source stands in (and is recorded in
    ``problems``) where an entry is fuzzy, empty or missing. ``context_of(segment)`` gives the
    segment's msgctxt in the catalog."""
    entries = {(e.msgctxt, e.msgid): e for e in catalog if not e.obsolete}
    texts, stand_ins = {}, set()
    for segment in document.segments:
        if not segment.translatable:
            texts[segment.id] = segment.text  # DOI and copyright: the same bytes in every edition
            continue
        context = context_of(segment)
        entry = entries.get((context, segment.text))
        if entry is None or not entry.msgstr:
            state: str | None = "untranslated"
        else:
            state = "fuzzy" if entry.fuzzy else None
        if state:
            label = context if context is not None else _excerpt(segment.text)
            problems.append(Problem(lang, label, state, str(catalog.path or ""), entry.line if entry else None))
            texts[segment.id] = segment.text
            stand_ins.add(segment.id)
        else:
            assert entry is not None  # no state: a translated entry
            texts[segment.id] = entry.msgstr
    return Edition(lang, document, texts, stand_ins)


def _excerpt(text: str, width: int = 50) -> str:
    """A sentence as a message names it (sentences have no msgctxt): its start, quoted."""
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def typeset_edition(edition: Edition, styles: dict[str, HouseStyle]) -> Edition:
    """The edition with its language's house style applied to what was translated or written
    in that language; the DOI, the copyright line and source text standing in stay as they are."""
    style = styles.get(edition.lang) or default_style(edition.lang)
    texts = dict(edition.texts)
    for segment in edition.document.segments:
        if segment.translatable and segment.id in texts and segment.id not in edition.stand_ins:
            texts[segment.id] = typeset(texts[segment.id], style, keywords=segment.kind == "keywords")
    return replace(edition, texts=texts)


def describe_problems(problems: list[Problem], published: bool = False) -> str:
    count = f"{len(problems)} entr{'y' if len(problems) == 1 else 'ies'}"
    if published:
        head = f"{count} not reviewed; the source text stands in, marked:"
    else:
        head = f"{count} not ready for publication (review them, or build with --allow-incomplete):"
    lines = [head]
    for p in problems:
        where = f"{p.path}:{p.line}" if p.line else p.path
        lines.append(f"  {where}: [{p.lang}] {p.context}: {p.state}")
    return "\n".join(lines)
