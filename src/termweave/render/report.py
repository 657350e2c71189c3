"""Step 6: the review page ``translations/report.html``.

One self-contained file (inline CSS and JS, no font, image or script from anywhere else, so it
works from ``file://`` and offline): a summary per target language, then one row per segment
of the seed in reading order with a column per language (source first). In every column the
glossary terms are highlighted -- the same term in the same colour in all columns, its id and
approved renderings shown on hover and on keyboard focus -- and each check finding is listed
under the translation it concerns, with the offending characters marked. Fuzzy, untranslated
and outdated entries carry a badge. Filters (progressive enhancement: without JS every row
shows) hide the segments without findings and toggle columns; their state lives in the URL
fragment, e.g. ``report.html#only-findings&hide-ko``.

Every piece of catalog or glossary text is HTML-escaped, and a Content-Security-Policy that
admits only this page's own script and style (by hash) backs that up: nothing a catalog holds
can run or load anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from termweave import __version__
from termweave.config import Config
from termweave.console import Console
from termweave.fsutil import write_if_changed
from termweave.segment import Document, Segment

REPORT_NAME = "report.html"
TEXT_COLOUR = "#1a1a1a"
PAGE_BACKGROUND = "#ffffff"
MUTED_TEXT = "#4f5660"
STRIPE_BACKGROUND = "#f5f6f8"
# Term highlight colours (background, underline accent), indexed by a stable hash of the term
# id; every background keeps TEXT_COLOUR above WCAG AA's 4.5:1.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#ffe08a", "#a07800"),
    ("#b9e0ff", "#1f6fb2"),
    ("#c6efbd", "#2e7d4f"),
    ("#ffcccc", "#b03030"),
    ("#e0d4ff", "#6a4fb3"),
    ("#ffd7ad", "#b35f00"),
    ("#bdeee8", "#11806f"),
    ("#f7d0ee", "#a0367f"),
    ("#e4ecbc", "#6f7f12"),
    ("#d5dce6", "#4a5a6a"),
    ("#cdf2ff", "#0a7499"),
    ("#efd9c6", "#80512d"),
)
# (foreground, background) of every badge and label; tests hold each to 4.5:1.
BADGES: dict[str, tuple[str, str]] = {
    "fuzzy": ("#5a3900", "#ffe1a3"),
    "untranslated": ("#7a0016", "#ffd6dc"),
    "outdated": ("#5a3900", "#ffe1a3"),
    "kept": ("#333333", "#e6e6e6"),
    "error": ("#ffffff", "#b00020"),
    "warning": ("#3d2c00", "#ffd166"),
    "forbidden": ("#7a0016", "#ffe3e6"),
    "tooltip": ("#ffffff", "#1f2328"),
    "issue": ("#1a1a1a", "#ffb3b3"),
}
LANGUAGE_FONTS = {
    "ko": '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif',
    "ja": '"Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif',
    "zh": '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
}


def colour_index(term_id: str) -> int:
    """The palette slot of a term: the same in every column, every run, every machine."""
    return zlib.crc32(term_id.encode("utf-8")) % len(PALETTE)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# -- the data shown -------------------------------------------------------------------------


@dataclass
class Cell:
    lang: str  # the column
    text: str | None  # None: nothing to show (no translation)
    state: str  # source | translated | fuzzy | untranslated | outdated | kept
    text_lang: str  # the language the text is in (the source for kept and stand-in text)
    hits: list = field(default_factory=list)  # TermHit, allowed variants
    forbidden: list = field(default_factory=list)  # TermHit, forbidden variants
    findings: list = field(default_factory=list)  # check Findings
    previous: str | None = None  # a fuzzy entry's previous source
    where: str = ""  # path:line of the catalog entry


@dataclass
class Row:
    context: str
    segment: Segment
    cells: list[Cell]


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
class Review:
    title: str
    source_lang: str
    target_langs: tuple[str, ...]
    sections: list[tuple[Document, list[Row]]]
    summaries: list[LanguageSummary]
    loose: list[tuple[str, object]]  # (lang, Finding) not tied to a segment of the seed
    terms: dict  # id -> Term, the terms highlighted somewhere on the page

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.source_lang, *self.target_langs)


def collect(
    documents: list[Document],
    catalogs: Mapping[str, object],
    glossary,
    findings: Mapping[str, Iterable] | None = None,
    source_lang: str = "en",
    target_langs: Iterable[str] | None = None,
    title: str | None = None,
    progress=None,
) -> Review:
    """Gather what the page shows. ``catalogs``: lang -> polib.POFile (or None: no catalog
    yet); ``findings``: lang -> check Findings of that language's catalog; ``progress``:
    ``Console.progress`` to show a bar over the segments on a terminal."""
    from termweave.catalog.extract import context_for
    from termweave.glossary.match import matcher_for

    target_langs = tuple(target_langs if target_langs is not None else catalogs)
    findings = {lang: list(findings.get(lang, ())) for lang in target_langs} if findings else {}
    terms = list(glossary.terms) if glossary is not None else []
    matchers = {lang: matcher_for(lang) for lang in (source_lang, *target_langs)} if terms else {}
    used_terms: dict = {}

    def mark(cell: Cell) -> Cell:
        if cell.text and terms:
            matcher = matchers[cell.text_lang] if cell.text_lang in matchers else matcher_for(cell.text_lang)
            cell.hits = matcher.find(cell.text, terms, kind="allowed", source_lang=source_lang)
            if cell.state not in ("source", "kept") and cell.text_lang == cell.lang:
                cell.forbidden = matcher.find(cell.text, terms, kind="forbidden", source_lang=source_lang)
            for hit in [*cell.hits, *cell.forbidden]:
                used_terms.setdefault(hit.term.id, hit.term)
        return cell

    entries = {}
    for lang in target_langs:
        po = catalogs.get(lang)
        entries[lang] = {e.msgctxt: e for e in po if not e.obsolete} if po is not None else {}

    placed: set[tuple[str, int]] = set()
    sections = []
    for doc in documents:
        rows = []
        segments = doc.segments if progress is None else progress(doc.segments, len(doc.segments), "report")
        for segment in segments:
            context = context_for(doc, segment, documents)
            if not segment.translatable:
                cells = [mark(Cell(lang, segment.text, "kept" if lang != source_lang else "source", source_lang))
                         for lang in (source_lang, *target_langs)]
                rows.append(Row(context, segment, cells))
                continue
            cells = [mark(Cell(source_lang, segment.text, "source", source_lang))]
            for lang in target_langs:
                po, entry = catalogs.get(lang), entries[lang].get(context)
                where = f"{_short_path(po.fpath)}:{entry.linenum}" if po is not None and entry is not None else ""
                if entry is None or not entry.msgstr:
                    cell = Cell(lang, None, "untranslated", lang, where=where)
                elif entry.msgid != segment.text:
                    cell = Cell(lang, entry.msgstr, "outdated", lang, where=where)
                elif entry.fuzzy:
                    cell = Cell(lang, entry.msgstr, "fuzzy", lang, previous=entry.previous_msgid, where=where)
                else:
                    cell = Cell(lang, entry.msgstr, "translated", lang, where=where)
                for index, finding in enumerate(findings.get(lang, ())):
                    if finding.context == context:
                        cell.findings.append(finding)
                        placed.add((lang, index))
                cells.append(mark(cell))
            rows.append(Row(context, segment, cells))
        sections.append((doc, rows))

    summaries = []
    for lang in target_langs:
        summary = LanguageSummary(lang)
        po = catalogs.get(lang)
        for entry in (po or ()):
            if entry.obsolete:
                continue
            summary.entries += 1
            if not entry.msgstr and not any(entry.msgstr_plural.values()):
                summary.untranslated += 1
            elif entry.fuzzy:
                summary.fuzzy += 1
            else:
                summary.translated += 1
        for finding in findings.get(lang, ()):
            if finding.severity == "error":
                summary.errors += 1
            else:
                summary.warnings += 1
        summaries.append(summary)

    loose = [(lang, f) for lang in target_langs for i, f in enumerate(findings.get(lang, ())) if (lang, i) not in placed]
    if title is None:
        title = ", ".join(doc.path.stem for doc in documents) or "termweave"
    return Review(title, source_lang, target_langs, sections, summaries, loose, used_terms)


def _short_path(path: str | None) -> str:
    return os.path.basename(path) if path else ""


# -- HTML -----------------------------------------------------------------------------------


def esc(text: object) -> str:
    """Escape for element content and double-quoted attribute values alike."""
    return html.escape(str(text), quote=True)


def build_report_html(*args, **kwargs) -> str:
    """The whole page as one string; the arguments are :func:`collect`'s."""
    return render_review(collect(*args, **kwargs))


def render_review(review: Review) -> str:
    style = _stylesheet(review.languages)
    script = _SCRIPT
    csp = ("default-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'; "
           f"style-src '{_sha256(style)}'; script-src '{_sha256(script)}'")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="termweave {esc(__version__)}">',
        f"<title>Review: {esc(review.title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#segments">Skip to the segments</a>',
        "<header>",
        f"<h1>Review: {esc(review.title)}</h1>",
    ]
    for doc, _ in review.sections:
        title = doc.get("title")
        if title is not None:
            parts.append(f'<p class="doc-title" lang="{esc(doc.lang)}">{esc(title.text)}</p>')
    parts += _summary(review)
    parts.append("</header>")
    parts += _filters(review)
    parts += _table(review)
    parts += _loose(review)
    parts += _legend(review)
    parts += [
        f'<footer><p>Written by termweave {esc(__version__)}. Hover or focus a highlighted term for its glossary '
        "entry; the filters keep their state in the address (#only-findings, #hide-&lt;lang&gt;).</p></footer>",
        f"<script>{script}</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _language_name(code: str) -> tuple[str, str]:
    """(English name, native name) from CLDR; the code itself when CLDR does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code, code
    return locale.get_display_name("en") or code, locale.get_display_name(locale) or code


def _summary(review: Review) -> list[str]:
    rows = sum(len(rows) for _, rows in review.sections)
    total_errors = sum(s.errors for s in review.summaries)
    total_warnings = sum(s.warnings for s in review.summaries)
    out = [
        '<section class="summary" aria-labelledby="summary-heading">',
        '<h2 id="summary-heading">Summary</h2>',
        f'<p>{rows} segments; {total_errors} error(s) and {total_warnings} warning(s) in all catalogs.</p>',
        '<table class="summary-table">',
        "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in
                                ("Language", "Entries", "Translated", "Fuzzy", "Untranslated", "Errors", "Warnings"))
        + "</tr></thead>",
        "<tbody>",
    ]
    for s in review.summaries:
        english, native = _language_name(s.lang)
        out.append(
            f'<tr data-summary="{esc(s.lang)}"><th scope="row">{esc(s.lang)} · {esc(english)} '
            f'<span lang="{esc(s.lang)}">({esc(native)})</span></th>'
            f"<td>{s.entries}</td><td>{s.percent}% <span class=\"muted\">({s.translated})</span></td>"
            f"<td>{s.fuzzy}</td><td>{s.untranslated}</td>"
            f'<td class="{"count-error" if s.errors else ""}">{s.errors}</td>'
            f'<td class="{"count-warning" if s.warnings else ""}">{s.warnings}</td></tr>'
        )
    out += ["</tbody>", "</table>", "</section>"]
    return out


def _filters(review: Review) -> list[str]:
    out = [
        '<form id="filters" class="filters" hidden aria-label="Filters">',
        '<label><input type="checkbox" id="only-findings"> Only segments with findings</label>',
        '<fieldset><legend>Columns</legend>',
    ]
    for lang in review.languages:
        out.append(f'<label><input type="checkbox" data-lang-toggle="{esc(lang)}" checked> {esc(lang)}</label>')
    out += ["</fieldset>", '<p id="shown" role="status" aria-live="polite"></p>', "</form>"]
    return out


def _table(review: Review) -> list[str]:
    out = ['<table id="segments" class="segments">',
           f"<caption>Segments in reading order: {esc(review.source_lang)} source, then "
           f"{esc(', '.join(review.target_langs))}</caption>",
           '<colgroup><col class="col-id">' + "".join('<col class="col-lang">' for _ in review.languages)
           + "</colgroup>",
           '<thead><tr><th scope="col">Segment</th>']
    for lang in review.languages:
        english, native = _language_name(lang)
        role = "source" if lang == review.source_lang else "translation"
        native_html = f' <span lang="{esc(lang)}">{esc(native)}</span>' if native != english else ""
        out.append(f'<th scope="col" data-col="{esc(lang)}">{esc(lang)} · {esc(english)}{native_html} '
                   f'<span class="muted">({role})</span></th>')
    out.append("</tr></thead>")
    several = len(review.sections) > 1
    for doc, rows in review.sections:
        out.append("<tbody>")
        if several:
            out.append(f'<tr class="doc"><th colspan="{len(review.languages) + 1}" scope="colgroup">'
                       f"{esc(doc.path.name)}</th></tr>")
        for row in rows:
            out.append(_row(row))
        out.append("</tbody>")
    out.append("</table>")
    return out


def _row(row: Row) -> str:
    count = sum(len(c.findings) for c in row.cells)
    classes = "segment" + ("" if row.segment.translatable else " fixed") + (" has-findings" if count else "")
    seed_line = f'<span class="muted">seed line {row.segment.line}</span>' if row.segment.line else ""
    cells = "".join(_cell(cell) for cell in row.cells)
    return (f'<tr class="{classes}" id="seg-{esc(row.context)}" data-context="{esc(row.context)}" '
            f'data-findings="{count}"><th scope="row"><code>{esc(row.context)}</code>{seed_line}</th>{cells}</tr>')


def _cell(cell: Cell) -> str:
    badges = []
    if cell.state in ("fuzzy", "untranslated", "outdated", "kept"):
        label = {"kept": "kept as in the source", "outdated": "outdated: source changed"}.get(cell.state, cell.state)
        badges.append(f'<span class="badge {cell.state}">{esc(label)}</span>')
    if cell.text is None:
        body = '<p class="text placeholder" lang="en">(no translation)</p>'
    else:
        spans = [f.span for f in cell.findings
                 if getattr(f, "span", None) and getattr(f, "msgstr", None) in (None, cell.text)]
        body = f'<p class="text" lang="{esc(cell.text_lang)}">{mark_text(cell.text, cell.hits, cell.forbidden, spans)}</p>'
    meta = []
    if badges:
        meta.append('<div class="badges">' + "".join(badges) + "</div>")
    if cell.previous:
        meta.append(f'<details class="previous"><summary>previous source</summary><p lang="en">{esc(cell.previous)}'
                    "</p></details>")
    if cell.findings:
        items = "".join(_finding(f) for f in cell.findings)
        meta.append(f'<ul class="findings">{items}</ul>')
    if cell.where and (cell.findings or cell.state != "translated"):
        meta.append(f'<p class="where muted">{esc(cell.where)}</p>')
    meta_html = f'<div class="meta" lang="en">{"".join(meta)}</div>' if meta else ""
    return (f'<td data-col="{esc(cell.lang)}" lang="{esc(cell.lang)}" data-state="{esc(cell.state)}" '
            f'data-findings="{len(cell.findings)}">{body}{meta_html}</td>')


def _finding(finding) -> str:
    term = f' <span class="term-ref">({esc(finding.term)})</span>' if getattr(finding, "term", None) else ""
    return (f'<li class="finding {esc(finding.severity)}" data-check="{esc(finding.check)}">'
            f'<span class="badge {esc(finding.severity)}">{esc(finding.severity)}</span> '
            f'<code class="check">{esc(finding.check)}</code> {esc(finding.message)}{term}</li>')


def mark_text(text: str, hits: list, forbidden: list = (), spans: Iterable[tuple[int, int]] = ()) -> str:
    """``text`` escaped, with term highlights and the findings' spans marked (properly nested)."""
    chosen = _non_overlapping([(h, False) for h in hits] + [(h, True) for h in forbidden], len(text))
    spans = [(max(0, a), min(len(text), b)) for a, b in spans if a < b and a < len(text)]
    points = {0, len(text)}
    for hit, _ in chosen:
        points.update((hit.start, hit.end))
    for a, b in spans:
        points.update((a, b))
    bounds = sorted(points)
    out, open_hit = [], None
    for a, b in zip(bounds, bounds[1:]):
        current = next((i for i, (h, _) in enumerate(chosen) if h.start <= a and b <= h.end), None)
        if current != open_hit:
            if open_hit is not None:
                out.append("</span>")
            if current is not None:
                out.append(_term_open(*chosen[current]))
            open_hit = current
        piece = esc(text[a:b])
        if any(x <= a and b <= y for x, y in spans):
            piece = f'<mark class="issue">{piece}</mark>'
        out.append(piece)
    if open_hit is not None:
        out.append("</span>")
    return "".join(out)


def _non_overlapping(hits: list, length: int) -> list:
    """Earliest first, then longest: the hits a reader sees, none inside another."""
    chosen, end = [], 0
    for hit, bad in sorted(hits, key=lambda hb: (hb[0].start, -(hb[0].end - hb[0].start), hb[1])):
        if hit.start >= end and 0 <= hit.start < hit.end <= length:
            chosen.append((hit, bad))
            end = hit.end
    return chosen


def term_anchor(term_id: str) -> str:
    """An element id for a term's legend entry (term ids may hold any character)."""
    return "term-" + hashlib.sha1(term_id.encode("utf-8")).hexdigest()[:12]


def _term_open(hit, forbidden: bool) -> str:
    term = hit.term
    renderings = "; ".join(f"{lang}: {' | '.join(values)}" for lang, values in term.variants.items() if values)
    if forbidden:
        tip = f"{term.id}: forbidden rendering “{hit.variant}”. Approved: {renderings}"
        classes = f"term forbidden c{colour_index(term.id)}"
    else:
        tip = f"{term.id}: {renderings}" + (" (do not translate)" if term.dnt else "")
        classes = f"term c{colour_index(term.id)}"
    return (f'<span class="{classes}" tabindex="0" data-term="{esc(term.id)}" data-tip="{esc(tip)}" '
            f'aria-describedby="{term_anchor(term.id)}">')


def _loose(review: Review) -> list[str]:
    if not review.loose:
        return []
    out = ['<section class="loose" aria-labelledby="loose-heading">',
           '<h2 id="loose-heading">Findings outside the seed’s segments</h2><ul class="findings">']
    for lang, finding in review.loose:
        where = f"{_short_path(finding.path)}:{finding.line}"
        context = f" [{finding.context}]" if finding.context else ""
        out.append(_finding(finding).replace("</li>", f' <span class="muted">{esc(lang)} · {esc(where)}'
                                                      f"{esc(context)}</span></li>"))
    out += ["</ul>", "</section>"]
    return out


def _legend(review: Review) -> list[str]:
    if not review.terms:
        return []
    out = ['<section class="legend" aria-labelledby="legend-heading">',
           '<h2 id="legend-heading">Glossary terms on this page</h2>', '<ul class="legend-list">']
    for term_id in sorted(review.terms):
        term = review.terms[term_id]
        renderings = []
        for lang in review.languages:
            allowed = term.allowed(lang, review.source_lang)
            banned = term.banned(lang)
            if allowed or banned:
                text = esc(" | ".join(allowed)) + (f' <s>{esc(" | ".join(banned))}</s>' if banned else "")
                renderings.append(f'<span lang="{esc(lang)}"><b lang="en">{esc(lang)}:</b> {text}</span>')
        note = f'<span class="note">{esc(term.note)}</span>' if term.note else ""
        out.append(f'<li id="{term_anchor(term_id)}"><span class="swatch c{colour_index(term_id)}" aria-hidden="true">'
                   f'</span><code>{esc(term_id)}</code> {" · ".join(renderings)} {note}</li>')
    out += ["</ul>", "</section>"]
    return out


def _stylesheet(languages: Iterable[str]) -> str:
    badge_rules = "\n".join(f".badge.{name}{{color:{fg};background:{bg}}}" for name, (fg, bg) in BADGES.items())
    palette_rules = "\n".join(
        f".c{i}{{background:{bg};box-shadow:inset 0 -2px 0 {accent}}}" for i, (bg, accent) in enumerate(PALETTE)
    )
    font_rules = "\n".join(f":lang({lang}){{font-family:{fonts}}}" for lang, fonts in LANGUAGE_FONTS.items()
                           if any(l.split("-")[0] == lang for l in languages))
    tip_fg, tip_bg = BADGES["tooltip"]
    forbidden_fg, forbidden_bg = BADGES["forbidden"]
    issue_fg, issue_bg = BADGES["issue"]
    return f"""
:root{{color:{TEXT_COLOUR};background:{PAGE_BACKGROUND};font:16px/1.5 system-ui,"Noto Sans","DejaVu Sans",sans-serif}}
{font_rules}
body{{margin:0 auto;max-width:110rem;padding:1rem 1.5rem}}
.skip{{position:absolute;left:-999px}}.skip:focus{{left:1rem;top:1rem;background:{PAGE_BACKGROUND};padding:.25rem .5rem}}
h1{{font-size:1.5rem;margin:.25rem 0}}h2{{font-size:1.15rem;margin:1.25rem 0 .5rem}}
.doc-title{{margin:.25rem 0 1rem;font-style:italic}}
.muted{{color:{MUTED_TEXT};font-size:.85em}}
table{{border-collapse:collapse}}
.summary-table th,.summary-table td{{border:1px solid #c9ced6;padding:.25rem .6rem;text-align:right}}
.summary-table th[scope=row]{{text-align:left}}
.count-error{{color:#b00020;font-weight:bold}}.count-warning{{color:#7a4d00;font-weight:bold}}
.filters{{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:1rem 0;padding:.5rem .75rem;
  border:1px solid #c9ced6;border-radius:6px;background:{STRIPE_BACKGROUND}}}
.filters fieldset{{border:0;margin:0;padding:0;display:flex;gap:.75rem}}
.filters legend{{float:left;margin-right:.5rem;font-weight:bold}}
.filters p{{margin:0}}
input:focus-visible,summary:focus-visible,a:focus-visible{{outline:3px solid #1f6fb2;outline-offset:2px}}
.segments{{width:100%;table-layout:fixed}}
.segments caption{{text-align:left;color:{MUTED_TEXT};padding:.25rem 0}}
.col-id{{width:11rem}}
.segments th,.segments td{{border:1px solid #c9ced6;padding:.5rem .6rem;vertical-align:top;text-align:left;
  overflow-wrap:anywhere}}
.segments thead th{{position:sticky;top:0;background:#e9edf2;z-index:2}}
.segments tbody tr:nth-child(even){{background:{STRIPE_BACKGROUND}}}
.segments th[scope=row] code{{display:block;font-size:.85em}}
.segments tr.doc th{{background:#e9edf2}}
tr.fixed td{{color:#333333}}
td:lang(ko) .text{{word-break:keep-all}}
.text{{margin:0}}
.placeholder{{color:{MUTED_TEXT};font-style:italic}}
.term{{position:relative;border-radius:3px;padding:0 1px;cursor:help;color:{TEXT_COLOUR}}}
.term:focus{{outline:2px solid {TEXT_COLOUR};outline-offset:1px}}
.term.forbidden{{background:{forbidden_bg};color:{forbidden_fg};text-decoration:underline wavy #b00020;
  text-underline-offset:3px;text-decoration-skip-ink:none;box-shadow:none}}
.term.forbidden::before{{content:"⚠ ";font-size:.8em}}
.term:hover::after,.term:focus::after{{content:attr(data-tip);position:absolute;left:0;top:100%;z-index:5;
  margin-top:4px;padding:.35rem .5rem;border-radius:4px;background:{tip_bg};color:{tip_fg};font-size:.8rem;
  line-height:1.35;font-weight:normal;text-decoration:none;width:max-content;max-width:26rem;white-space:normal;
  box-shadow:0 2px 6px rgba(0,0,0,.25)}}
mark.issue{{background:{issue_bg};color:{issue_fg};outline:2px dashed #b00020;outline-offset:0}}
.meta{{margin-top:.4rem;font-size:.85rem}}
.badges{{display:flex;flex-wrap:wrap;gap:.3rem}}
.badge{{display:inline-block;border-radius:999px;padding:0 .5rem;font-size:.78rem;font-weight:bold}}
{badge_rules}
.findings{{list-style:none;margin:.35rem 0 0;padding:0}}
.finding{{margin:.2rem 0}}
.finding .check{{font-weight:bold}}
.previous summary{{cursor:pointer;color:{MUTED_TEXT}}}
.where{{margin:.25rem 0 0}}
.legend-list{{list-style:none;padding:0;columns:2 32rem}}
.legend-list li{{margin:.2rem 0;break-inside:avoid}}
.swatch{{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.35rem;vertical-align:-.1em}}
.legend .note{{display:block;color:{MUTED_TEXT};font-size:.85em}}
{palette_rules}
[hidden]{{display:none!important}}
footer{{margin-top:2rem;color:{MUTED_TEXT};font-size:.85rem}}
"""


# The filters: only-findings hides rows without a finding in a shown column; the column
# toggles hide a language. State in the fragment so a link (or a test) can open it filtered.
_SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var only = document.getElementById("only-findings");
  var status = document.getElementById("shown");
  var toggles = Array.prototype.slice.call(document.querySelectorAll("input[data-lang-toggle]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("#segments tr.segment"));
  function tokens() {
    var hash = window.location.hash.replace(/^#/, "");
    try { hash = decodeURIComponent(hash); } catch (e) { hash = ""; }
    return hash.split(/[&,;]/);
  }
  function readState() {
    var t = tokens();
    only.checked = t.indexOf("only-findings") >= 0;
    toggles.forEach(function (box) {
      box.checked = t.indexOf("hide-" + box.getAttribute("data-lang-toggle")) < 0;
    });
  }
  function writeState() {
    var t = [];
    if (only.checked) { t.push("only-findings"); }
    toggles.forEach(function (box) {
      if (!box.checked) { t.push("hide-" + box.getAttribute("data-lang-toggle")); }
    });
    var url = window.location.href.replace(/#.*$/, "") + (t.length ? "#" + t.join("&") : "");
    try { window.history.replaceState(null, "", url); } catch (e) { /* file:// may refuse */ }
  }
  function apply() {
    var hidden = {};
    toggles.forEach(function (box) { hidden[box.getAttribute("data-lang-toggle")] = !box.checked; });
    Array.prototype.forEach.call(document.querySelectorAll("#segments [data-col]"), function (cell) {
      cell.hidden = hidden[cell.getAttribute("data-col")] === true;
    });
    var shown = 0;
    rows.forEach(function (row) {
      var count = 0;
      Array.prototype.forEach.call(row.querySelectorAll("td[data-col]"), function (cell) {
        if (!cell.hidden) { count += parseInt(cell.getAttribute("data-findings"), 10) || 0; }
      });
      row.hidden = only.checked && count === 0;
      if (!row.hidden) { shown += 1; }
    });
    document.body.setAttribute("data-filter", only.checked ? "only-findings" : "all");
    status.textContent = shown + " of " + rows.length + " segments shown";
  }
  form.hidden = false;
  readState();
  apply();
  form.addEventListener("change", function () { apply(); writeState(); });
  window.addEventListener("hashchange", function () { readState(); apply(); });
})();
"""


# -- the command ----------------------------------------------------------------------------


def report_path(config: Config) -> Path:
    return config.output / REPORT_NAME


def write_report(config: Config, console: Console, check_report=None, output: Path | None = None) -> Path:
    """Run the checks (unless ``check_report`` is given) and write the review page."""
    from termweave.catalog.extract import load_documents
    from termweave.catalog.po import load_po
    from termweave.glossary import load_glossary

    glossary = load_glossary(config.glossary, required_languages=config.languages)
    documents = load_documents(config)
    catalogs = {lang: load_po(config.po_path(lang)) if config.po_path(lang).exists() else None
                for lang in config.target_langs}
    present = [config.po_path(lang) for lang in config.target_langs if catalogs[lang] is not None]
    if check_report is None:
        from termweave.check import run_checks

        check_report = run_checks(present, glossary, source_lang=config.source_lang, console=console)
    findings = {lang: [f for f in check_report.findings if _same_file(f.path, config.po_path(lang))]
                for lang in config.target_langs}
    review = collect(documents, catalogs, glossary, findings, config.source_lang, config.target_langs,
                     progress=console.progress)
    for summary in review.summaries:
        console.debug(f"report [{summary.lang}]: {summary.entries} entries, {summary.percent}% translated, "
                      f"{summary.errors} error(s), {summary.warnings} warning(s)")
    page = render_review(review)
    output = output or report_path(config)
    changed = write_if_changed(output, page)
    console.info(f"{'wrote' if changed else 'unchanged'} {output}")
    return output


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return str(a) == str(b)
