"""What the review page shows, gathered from the project's inputs (no HTML here).

One :class:`Review` per page: the articles (seed documents) in order, each a list of rows (one
per segment, a cell per language), a summary per language and per article, the check findings
placed at their entry, and the colour of every highlighted term, chosen so that no two terms in
one segment share a colour.

Catalog entries are read through the names of the PO entry model (``msgctxt``, ``msgid``,
``msgstr``, ``fuzzy``, ``obsolete``, ``previous_msgid``, ``line`` -- the line of the ``msgid``
keyword, the line gettext tools and ``termweave check`` cite).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from termweave.catalog.identity import context_of
from termweave.check.report import Finding
from termweave.check.suppression import suppressed_ids
from termweave.formats.po import Catalog, Message
from termweave.glossary import Glossary, Term
from termweave.glossary.match import TermHit, matcher_for
from termweave.segment import Document, Segment
from termweave.worddiff import Piece, word_diff

PALETTE_SIZE = 12  # colours: the .c0 ... .c11 classes of review.css (a solid underline bar)
MARKS = 3  # each colour again with a dotted (.c12 ... .c23) and a double (.c24 ... .c35) underline
SLOTS = PALETTE_SIZE * MARKS


@dataclass
class Cell:
    lang: str  # the column
    text: str | None  # None: nothing to show (no translation)
    state: str  # source | translated | fuzzy | untranslated | outdated | kept
    text_lang: str  # the language the text is in (the source for kept and stand-in text)
    hits: list[TermHit] = field(default_factory=list)  # allowed variants
    forbidden: list[TermHit] = field(default_factory=list)  # forbidden variants
    findings: list[Finding] = field(default_factory=list)
    previous: str | None = None  # a fuzzy entry's previous source (#| msgid)
    diff: list[Piece] = field(default_factory=list)  # previous -> current source, word by word
    where: str = ""  # path:line of the catalog entry (its msgid line)
    suppressed: tuple[str, ...] = ()  # check ids the entry's ``#, ignore-<id>`` flags switch off


@dataclass
class Row:
    context: str
    segment: Segment
    cells: list[Cell]
    colours: dict[str, int] = field(default_factory=dict)  # term id -> palette slot in this row


@dataclass
class LanguageSummary:
    lang: str
    entries: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    errors: int = 0
    warnings: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.translated / self.entries) if self.entries else 0


@dataclass
class Article:
    """One seed document with its rows and its per-language counts."""

    document: Document
    rows: list[Row]
    summaries: list[LanguageSummary]

    @property
    def name(self) -> str:
        return self.document.path.stem

    @property
    def anchor(self) -> str:
        return "article-" + self.name


@dataclass
class Review:
    title: str
    source_lang: str
    target_langs: tuple[str, ...]
    articles: list[Article]
    summaries: list[LanguageSummary]
    loose: list[tuple[str, Finding]]  # (lang, finding) not tied to a segment of the seed
    terms: dict[str, Term]  # the terms highlighted somewhere on the page
    term_colours: dict[str, int] = field(default_factory=dict)  # the legend's swatch per term

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.source_lang, *self.target_langs)


def colour_index(term_id: str) -> int:
    """A term's first-choice slot (a solid colour): the same every run, on every machine."""
    return zlib.crc32(term_id.encode("utf-8")) % PALETTE_SIZE


def collect(
    documents: list[Document],
    catalogs: Mapping[str, Catalog | None],
    glossary: Glossary | None,
    findings: Mapping[str, Iterable[Finding]] | None = None,
    source_lang: str = "en",
    target_langs: Iterable[str] | None = None,
    title: str | None = None,
    progress: Callable | None = None,
    matchers: Mapping | None = None,
) -> Review:
    """Gather what the page shows. ``catalogs``: lang -> catalog (an iterable of entries, with a
    ``path``/``fpath``) or None (no catalog yet); ``findings``: lang -> check findings of that
    language's catalog; ``progress``: ``Console.progress`` for a bar over the segments;
    ``matchers``: lang -> term matcher, shared by a caller that gathers several pages.
    Entries are found by message identity (``msgctxt`` of the segment's kind, source text)."""
    target_langs = tuple(target_langs if target_langs is not None else catalogs)
    found = {lang: list(findings.get(lang, ())) for lang in target_langs} if findings else {}
    marker = _Marker(glossary, source_lang, target_langs, matchers)
    entries = {lang: _live_entries(catalogs.get(lang)) for lang in target_langs}
    placed: set[tuple[str, int]] = set()
    articles = []
    for doc in documents:
        segments = doc.segments if progress is None else progress(doc.segments, len(doc.segments), "report")
        rows = []
        for segment in segments:
            context = segment.id  # the row's label; entries and findings are found by identity
            key = (context_of(segment), segment.text)
            if not segment.translatable:
                cells = [
                    Cell(lang, segment.text, "kept" if lang != source_lang else "source", source_lang)
                    for lang in (source_lang, *target_langs)
                ]
            else:
                cells = [Cell(source_lang, segment.text, "source", source_lang)]
                for lang in target_langs:
                    cell = _target_cell(lang, segment, entries[lang].get(key), _catalog_path(catalogs.get(lang)))
                    for index, finding in enumerate(found.get(lang, ())):
                        if (finding.context, finding.msgid) == key:
                            cell.findings.append(finding)
                            placed.add((lang, index))
                    cells.append(cell)
            rows.append(Row(context, segment, [marker.mark(cell) for cell in cells]))
        articles.append(Article(doc, rows, _article_summaries(rows, target_langs)))

    summaries = [_catalog_summary(lang, catalogs.get(lang), found.get(lang, ())) for lang in target_langs]
    loose = [(lang, f) for lang in target_langs for i, f in enumerate(found.get(lang, ())) if (lang, i) not in placed]
    if title is None:
        title = ", ".join(doc.path.stem for doc in documents) or "termweave"
    review = Review(title, source_lang, target_langs, articles, summaries, loose, marker.used)
    review.term_colours = assign_colours(review)
    return review


class _Marker:
    """Finds the glossary terms in a cell's text with the matcher of the text's language."""

    def __init__(
        self,
        glossary: Glossary | None,
        source_lang: str,
        target_langs: tuple[str, ...],
        matchers: Mapping | None = None,
    ):
        self.terms = list(glossary.terms) if glossary is not None else []
        self.source_lang = source_lang
        if matchers is None:
            matchers = {lang: matcher_for(lang) for lang in (source_lang, *target_langs)} if self.terms else {}
        self.matchers = dict(matchers)
        self.used: dict[str, Term] = {}

    def mark(self, cell: Cell) -> Cell:
        if not cell.text or not self.terms:
            return cell
        matcher = self.matchers.get(cell.text_lang) or matcher_for(cell.text_lang)
        cell.hits = matcher.find(cell.text, self.terms, kind="allowed", source_lang=self.source_lang)
        if cell.state not in ("source", "kept") and cell.text_lang == cell.lang:
            cell.forbidden = matcher.find(cell.text, self.terms, kind="forbidden", source_lang=self.source_lang)
        for hit in [*cell.hits, *cell.forbidden]:
            self.used.setdefault(hit.term.id, hit.term)
        return cell


def _live_entries(catalog: Catalog | None) -> dict[tuple[str | None, str], Message]:
    if catalog is None:
        return {}
    return {(entry.msgctxt, entry.msgid): entry for entry in catalog if not entry.obsolete}


def _catalog_path(catalog: Catalog | None) -> str:
    return str(catalog.path) if catalog is not None and catalog.path else ""


def _target_cell(lang: str, segment: Segment, entry: Message | None, path: str) -> Cell:
    # line 0: an entry built in memory rather than read from a file
    where = f"{_basename(path)}:{entry.line}" if path and entry is not None and entry.line else ""
    if entry is None:
        return Cell(lang, None, "untranslated", lang, where=where)
    off = tuple(suppressed_ids(entry.flags))
    if not entry.msgstr:
        return Cell(lang, None, "untranslated", lang, where=where, suppressed=off)
    if entry.msgid != segment.text:
        return Cell(lang, entry.msgstr, "outdated", lang, where=where, suppressed=off)
    if entry.fuzzy:
        previous = entry.previous_msgid
        diff = word_diff(previous, entry.msgid) if previous else []
        return Cell(lang, entry.msgstr, "fuzzy", lang, previous=previous, diff=diff, where=where, suppressed=off)
    return Cell(lang, entry.msgstr, "translated", lang, where=where, suppressed=off)


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _catalog_summary(lang: str, catalog: Catalog | None, findings: Iterable[Finding]) -> LanguageSummary:
    summary = LanguageSummary(lang)
    for entry in catalog or ():
        if entry.obsolete:
            continue
        summary.entries += 1
        if not _has_translation(entry):
            summary.untranslated += 1
        elif entry.fuzzy:
            summary.fuzzy += 1
        else:
            summary.translated += 1
    _count_findings(summary, findings)
    return summary


def _has_translation(entry: Message) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural)


def _article_summaries(rows: list[Row], target_langs: tuple[str, ...]) -> list[LanguageSummary]:
    summaries = []
    for index, lang in enumerate(target_langs, start=1):
        summary = LanguageSummary(lang)
        for row in rows:
            if not row.segment.translatable:
                continue
            cell = row.cells[index]
            summary.entries += 1
            if cell.state == "translated":
                summary.translated += 1
            elif cell.state == "fuzzy":
                summary.fuzzy += 1
            else:
                summary.untranslated += 1
            _count_findings(summary, cell.findings)
        summaries.append(summary)
    return summaries


def _count_findings(summary: LanguageSummary, findings: Iterable[Finding]) -> None:
    for finding in findings:
        if finding.severity == "error":
            summary.errors += 1
        else:
            summary.warnings += 1


def assign_colours(review: Review) -> dict[str, int]:
    """A slot (colour and underline) per term, different from every other term met in the same segment.

    Terms are coloured greedily in order of first appearance, each taking its hashed colour when
    no term it shares a segment with holds it, else the next free colour, and only when all twelve
    are taken there a dotted or double underline; where the page-wide choice still collides in a
    row (a segment with many terms), that row picks again, so the guarantee within a segment
    holds (up to 36 terms) while a term keeps one look across the page where it can. Returns the
    page-wide slot of each term; each row's own choice is in ``Row.colours``.
    """
    rows = [row for article in review.articles for row in article.rows]
    row_terms = [_terms_in_order(row) for row in rows]
    neighbours: dict[str, set[str]] = {}
    for ids in row_terms:
        for term_id in ids:
            neighbours.setdefault(term_id, set()).update(i for i in ids if i != term_id)
    page: dict[str, int] = {}
    for term_id in neighbours:
        taken = {page[n] for n in neighbours[term_id] if n in page}
        page[term_id] = _first_free(colour_index(term_id), taken)
    for row, ids in zip(rows, row_terms):
        taken = set()  # set[int], as above
        for term_id in ids:
            slot = page[term_id] if page[term_id] not in taken else _first_free(page[term_id], taken)
            row.colours[term_id] = slot
            taken.add(slot)
    return page


def _terms_in_order(row: Row) -> list[str]:
    ids: dict[str, None] = {}
    for cell in row.cells:
        for hit in sorted([*cell.hits, *cell.forbidden], key=lambda h: h.start):
            ids.setdefault(hit.term.id, None)
    return list(ids)


def _first_free(start: int, taken: set[int]) -> int:
    """The first slot not taken: the colours from ``start`` on with a solid bar, then dotted, then double."""
    colour = start % PALETTE_SIZE
    for mark in range(MARKS):
        for step in range(PALETTE_SIZE):
            slot = mark * PALETTE_SIZE + (colour + step) % PALETTE_SIZE
            if slot not in taken:
                return slot
    return start  # more terms than looks in one segment: repeat
