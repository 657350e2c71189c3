"""The review page as HTML: ``assets/review.html`` filled with escaped fragments, with
``assets/review.css`` and ``assets/review.js`` inlined and admitted by their CSP hashes.

Every piece of catalog or glossary text is HTML-escaped, and the Content-Security-Policy admits
only this page's own script and style (by hash): nothing a catalog holds can run or load
anything. The colours are read from the style sheet, so the tests check what ships.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable, Mapping
from string import Template

from termweave import __version__
from termweave.check.report import Finding
from termweave.glossary.match import TermHit
from termweave.render.review_data import Cell, Review, Row, colour_index
from termweave.render.review_style import asset
from termweave.worddiff import Piece


def esc(text: object) -> str:
    """Escape for element content and double-quoted attribute values alike."""
    return html.escape(str(text), quote=True)


def csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def render_review(review: Review) -> str:
    style, script = asset("review.css"), asset("review.js")
    csp = (
        "default-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'; "
        f"style-src '{csp_hash(style)}'; script-src '{csp_hash(script)}'"
    )
    titles = [
        f'<p class="doc-title" lang="{esc(a.document.lang)}">{esc(title.text)}</p>'
        for a in review.articles
        if (title := a.document.get("title")) is not None
    ]
    # Template's substitute never re-reads what it inserts, so "$" in catalog text stays text.
    return Template(asset("review.html")).substitute(
        csp=esc(csp),
        version=esc(__version__),
        title=esc(review.title),
        style=style,
        script=script,
        document_titles="\n".join(titles),
        summary="\n".join(_summary(review)),
        articles="\n".join(_articles(review)),
        filters="\n".join(_filters(review)),
        segments="\n".join(_table(review)),
        loose="\n".join(_loose(review)),
        legend="\n".join(_legend(review)),
    )


def _language_name(code: str) -> tuple[str, str]:
    """(English name, native name) from CLDR; the code itself when CLDR does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code, code
    return locale.get_display_name("en") or code, locale.get_display_name(locale) or code


_SUMMARY_COLUMNS = ("Language", "Entries", "Translated", "Fuzzy", "Untranslated", "Errors", "Warnings")


def _summary(review: Review) -> list[str]:
    rows = sum(len(article.rows) for article in review.articles)
    errors = sum(s.errors for s in review.summaries)
    warnings = sum(s.warnings for s in review.summaries)
    articles = f"{len(review.articles)} articles, " if len(review.articles) > 1 else ""
    out = [
        '<section class="summary" aria-labelledby="summary-heading">',
        '<h2 id="summary-heading">Summary</h2>',
        f"<p>{articles}{rows} segments; {errors} error(s) and {warnings} warning(s) in all catalogs.</p>",
        '<table class="summary-table">',
        "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in _SUMMARY_COLUMNS) + "</tr></thead>",
        "<tbody>",
    ]
    for s in review.summaries:
        english, native = _language_name(s.lang)
        labels = iter(_SUMMARY_COLUMNS[1:])
        out.append(
            f'<tr data-summary="{esc(s.lang)}"><th scope="row">{esc(s.lang)} · {esc(english)} '
            f'<span lang="{esc(s.lang)}">({esc(native)})</span></th>'
            f'<td data-label="{next(labels)}">{s.entries}</td>'
            f'<td data-label="{next(labels)}">{s.percent}% <span class="muted">({s.translated})</span></td>'
            f'<td data-label="{next(labels)}">{s.fuzzy}</td><td data-label="{next(labels)}">{s.untranslated}</td>'
            f'<td data-label="{next(labels)}" class="{"count-error" if s.errors else ""}">{s.errors}</td>'
            f'<td data-label="{next(labels)}" class="{"count-warning" if s.warnings else ""}">{s.warnings}</td></tr>'
        )
    out += ["</tbody>", "</table>", "</section>"]
    return out


def _articles(review: Review) -> list[str]:
    """Navigation with each article's counts, when the page holds more than one."""
    if len(review.articles) < 2:
        return []
    out = [
        '<nav class="articles" aria-labelledby="articles-heading">',
        f'<h2 id="articles-heading">Articles ({len(review.articles)})</h2>',
        "<ol>",
    ]
    for article in review.articles:
        counts = "; ".join(
            f"{esc(s.lang)}: {s.translated}/{s.entries} translated"
            + (f", {s.fuzzy} fuzzy" if s.fuzzy else "")
            + (f", {s.untranslated} untranslated" if s.untranslated else "")
            + (f", {s.errors} error(s)" if s.errors else "")
            + (f", {s.warnings} warning(s)" if s.warnings else "")
            for s in article.summaries
        )
        out.append(
            f'<li data-article="{esc(article.name)}"><a href="#{esc(article.anchor)}">{esc(article.name)}</a> '
            f'<span class="article-counts">{counts}</span></li>'
        )
    out += ["</ol>", "</nav>"]
    return out


def _filters(review: Review) -> list[str]:
    out = [
        '<form id="filters" class="filters" hidden aria-label="Filters">',
        '<label><input type="checkbox" id="only-findings"> Only segments with findings</label>',
        "<fieldset><legend>Columns</legend>",
    ]
    for lang in review.languages:
        out.append(f'<label><input type="checkbox" data-lang-toggle="{esc(lang)}" checked> {esc(lang)}</label>')
    out += ["</fieldset>", '<p id="shown" role="status" aria-live="polite"></p>', "</form>"]
    return out


def _column_label(review: Review, lang: str) -> tuple[str, str]:
    """(HTML for the column head, plain label repeated on each cell of a narrow screen)."""
    english, native = _language_name(lang)
    role = "source" if lang == review.source_lang else "translation"
    native_html = f' <span lang="{esc(lang)}">{esc(native)}</span>' if native != english else ""
    head = f'{esc(lang)} · {esc(english)}{native_html} <span class="muted">({role})</span>'
    return head, f"{lang} · {english} ({role})"


def _table(review: Review) -> list[str]:
    labels = {lang: _column_label(review, lang) for lang in review.languages}
    out = [
        '<table id="segments" class="segments">',
        f"<caption>Segments in reading order: {esc(review.source_lang)} source, then "
        f"{esc(', '.join(review.target_langs))}</caption>",
        '<colgroup><col class="col-id">' + "".join('<col class="col-lang">' for _ in review.languages) + "</colgroup>",
        '<thead><tr><th scope="col">Segment</th>',
    ]
    out += [f'<th scope="col" data-col="{esc(lang)}">{labels[lang][0]}</th>' for lang in review.languages]
    out.append("</tr></thead>")
    several = len(review.articles) > 1
    for article in review.articles:
        out.append(f'<tbody id="{esc(article.anchor)}" data-article="{esc(article.name)}">')
        if several:
            out.append(
                f'<tr class="doc"><th colspan="{len(review.languages) + 1}" scope="colgroup">'
                f"{esc(article.document.path.name)}</th></tr>"
            )
        out += [
            _row(row, {lang: label for lang, (_, label) in labels.items()}, review.source_lang) for row in article.rows
        ]
        out.append("</tbody>")
    out.append("</table>")
    return out


def _row(row: Row, labels: Mapping[str, str], source_lang: str) -> str:
    count = sum(len(c.findings) for c in row.cells)
    classes = "segment" + ("" if row.segment.translatable else " fixed") + (" has-findings" if count else "")
    seed_line = f'<span class="muted">seed line {row.segment.line}</span>' if row.segment.line else ""
    cells = "".join(_cell(cell, labels[cell.lang], row.colours, source_lang) for cell in row.cells)
    return (
        f'<tr class="{classes}" id="seg-{esc(row.context)}" data-context="{esc(row.context)}" '
        f'data-findings="{count}"><th scope="row"><code>{esc(row.context)}</code>{seed_line}</th>{cells}</tr>'
    )


def _cell(cell: Cell, label: str, colours: Mapping[str, int], source_lang: str) -> str:
    badges = []
    if cell.state in ("fuzzy", "untranslated", "outdated", "kept"):
        text = {"kept": "kept as in the source", "outdated": "outdated: source changed"}.get(cell.state, cell.state)
        badges.append(f'<span class="badge {cell.state}">{esc(text)}</span>')
    if cell.text is None:
        body = '<p class="text placeholder" lang="en">(no translation)</p>'
    else:
        spans = [f.span for f in cell.findings if f.span and f.msgstr in (None, cell.text)]
        marked = mark_text(cell.text, cell.hits, cell.forbidden, spans, colours)
        body = f'<p class="text" lang="{esc(cell.text_lang)}">{marked}</p>'
    meta = []
    if badges:
        meta.append('<div class="badges">' + "".join(badges) + "</div>")
    if cell.previous is not None:
        meta.append(_source_diff(cell, source_lang))
    if cell.findings:
        meta.append('<ul class="findings">' + "".join(_finding(f) for f in cell.findings) + "</ul>")
    if cell.suppressed:
        meta.append(_suppressed(cell.suppressed))
    if cell.where and (cell.findings or cell.suppressed or cell.state != "translated"):
        meta.append(f'<p class="where muted">{esc(cell.where)}</p>')
    meta_html = f'<div class="meta" lang="en">{"".join(meta)}</div>' if meta else ""
    return (
        f'<td data-col="{esc(cell.lang)}" data-label="{esc(label)}" lang="{esc(cell.lang)}" '
        f'data-state="{esc(cell.state)}" data-findings="{len(cell.findings)}">{body}{meta_html}</td>'
    )


def _suppressed(ids: tuple[str, ...]) -> str:
    """The checks the entry's ``#, ignore-<id>`` flags switch off: a reviewer must see that a
    clean cell is clean because someone silenced a check, not because the check passed."""
    flags = ", ".join(f"<code>ignore-{esc(check_id)}</code>" for check_id in ids)
    return f'<p class="suppressed muted" data-suppressed="{esc(" ".join(ids))}">Checks switched off here: {flags}</p>'


def _source_diff(cell: Cell, source_lang: str) -> str:
    """What changed in the source since the translation was made: the previous source with the
    removed words struck and the new ones underlined (or the previous source whole if it is equal)."""
    label = "Source changed since this translation:" if cell.diff else "Previous source:"
    body = diff_html(cell.diff) if cell.diff else esc(cell.previous)
    return (
        f'<div class="source-diff"><p class="diff-label">{label}</p>'
        f'<p class="diff-text" lang="{esc(source_lang)}">{body}</p></div>'
    )


def diff_html(pieces: Iterable[Piece]) -> str:
    out = []
    for piece in pieces:
        text = esc(piece.text)
        if piece.op == "delete":
            out.append(f'<del class="diff" title="removed">{text}</del>')
        elif piece.op == "insert":
            out.append(f'<ins class="diff" title="added">{text}</ins>')
        else:
            out.append(text)
    return "".join(out)


def _finding(finding: Finding) -> str:
    term = f' <span class="term-ref">({esc(finding.term)})</span>' if finding.term else ""
    return (
        f'<li class="finding {esc(finding.severity)}" data-check="{esc(finding.check)}">'
        f'<span class="badge {esc(finding.severity)}">{esc(finding.severity)}</span> '
        f'<code class="check">{esc(finding.check)}</code> {esc(finding.message)}{term}</li>'
    )


def mark_text(
    text: str,
    hits: list[TermHit],
    forbidden: Iterable[TermHit] = (),
    spans: Iterable[tuple[int, int]] = (),
    colours: Mapping[str, int] | None = None,
) -> str:
    """``text`` escaped, with term highlights (coloured by ``colours``, term id -> palette slot) and the
    findings' spans marked, properly nested."""
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
                hit, bad = chosen[current]
                out.append(_term_open(hit, bad, (colours or {}).get(hit.term.id, colour_index(hit.term.id))))
            open_hit = current
        piece = esc(text[a:b])
        if any(x <= a and b <= y for x, y in spans):
            piece = f'<mark class="issue">{piece}</mark>'
        out.append(piece)
    if open_hit is not None:
        out.append("</span>")
    return "".join(out)


def _non_overlapping(hits: list[tuple[TermHit, bool]], length: int) -> list[tuple[TermHit, bool]]:
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


def _term_open(hit: TermHit, forbidden: bool, colour: int) -> str:
    term = hit.term
    renderings = "; ".join(f"{lang}: {' | '.join(values)}" for lang, values in term.variants.items() if values)
    if forbidden:
        tip = f"{term.id}: forbidden rendering “{hit.variant}”. Approved: {renderings}"
        classes = f"term forbidden c{colour}"
    else:
        tip = f"{term.id}: {renderings}" + (" (do not translate)" if term.dnt else "")
        classes = f"term c{colour}"
    return (
        f'<span class="{classes}" tabindex="0" data-term="{esc(term.id)}" data-tip="{esc(tip)}" '
        f'aria-describedby="{term_anchor(term.id)}">'
    )


def _loose(review: Review) -> list[str]:
    if not review.loose:
        return []
    out = [
        '<section class="loose" aria-labelledby="loose-heading">',
        '<h2 id="loose-heading">Findings outside the seed’s segments</h2><ul class="findings">',
    ]
    for lang, finding in review.loose:
        where = f"{finding.path.replace(chr(92), '/').rsplit('/', 1)[-1]}:{finding.line}"
        context = f" [{finding.context}]" if finding.context else ""
        out.append(
            _finding(finding).replace(
                "</li>", f' <span class="muted">{esc(lang)} · {esc(where)}{esc(context)}</span></li>'
            )
        )
    out += ["</ul>", "</section>"]
    return out


def _legend(review: Review) -> list[str]:
    if not review.terms:
        return []
    out = [
        '<section class="legend" aria-labelledby="legend-heading">',
        '<h2 id="legend-heading">Glossary terms on this page</h2>',
        '<ul class="legend-list">',
    ]
    for term_id in sorted(review.terms):
        term = review.terms[term_id]
        renderings = []
        for lang in review.languages:
            allowed, banned = term.allowed(lang, review.source_lang), term.banned(lang)
            if allowed or banned:
                text = esc(" | ".join(allowed)) + (f" <s>{esc(' | '.join(banned))}</s>" if banned else "")
                renderings.append(f'<span lang="{esc(lang)}"><b lang="en">{esc(lang)}:</b> {text}</span>')
        note = f'<span class="note">{esc(term.note)}</span>' if term.note else ""
        colour = review.term_colours.get(term_id, colour_index(term_id))
        out.append(
            f'<li id="{term_anchor(term_id)}"><span class="swatch c{colour}" aria-hidden="true">'
            f"</span><code>{esc(term_id)}</code> {' · '.join(renderings)} {note}</li>"
        )
    out += ["</ul>", "</section>"]
    return out
