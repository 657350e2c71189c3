"""``termweave status``: where each article stands in each language (like ``pocount`` and
``msgfmt --statistics``, plus the check's errors and warnings).

Counts are over the article's messages as the seed has them now: a message the catalog does
not hold yet (the seed changed since the last ``update``) counts as untranslated. "Words to
translate" are the source words of the untranslated and fuzzy messages.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from termweave.catalog.identity import is_translated
from termweave.check.report import CheckReport
from termweave.project import Project

# Words as Unicode word segmentation (UAX #29) counts them, like translate-toolkit's pocount:
# hyphenated parts separately, "4.0" and "1,234" as one, apostrophes inside a word.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’ʼ]\w+)*")


@dataclass
class Standing:
    article: str
    lang: str
    catalog: str
    messages: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    errors: int = 0
    warnings: int = 0
    words_to_translate: int = 0

    @property
    def complete(self) -> bool:
        return self.translated == self.messages and not self.errors


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def standings(project: Project, report: CheckReport | None = None) -> list[Standing]:
    """One :class:`Standing` per article and target language, in project order."""
    found = _findings_by_file(report)
    rows = []
    for article in project.articles:
        for lang in project.target_langs:
            path = article.po_path(lang)
            units = project.units(article, lang)
            row = Standing(article.name, lang, _relative(path, project.root), messages=len(units))
            for unit in units:
                entry = unit.entry
                if entry is None or not is_translated(entry):
                    row.untranslated += 1
                elif entry.fuzzy:
                    row.fuzzy += 1
                else:
                    row.translated += 1
                    continue
                row.words_to_translate += count_words(unit.segment.text)
            row.errors, row.warnings = found.get(path.resolve(), (0, 0))
            rows.append(row)
    return rows


def _findings_by_file(report: CheckReport | None) -> dict[Path, tuple[int, int]]:
    counts: dict[Path, tuple[int, int]] = {}
    for finding in report.findings if report is not None else ():
        if finding.check in ("fuzzy", "untranslated"):
            continue  # counted as states, not as problems of the text
        key = Path(finding.path).resolve()
        errors, warnings = counts.get(key, (0, 0))
        counts[key] = (errors + 1, warnings) if finding.severity == "error" else (errors, warnings + 1)
    return counts


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


COLUMNS = (
    ("article", "article"),
    ("lang", "lang"),
    ("translated", "translated"),
    ("fuzzy", "fuzzy"),
    ("untranslated", "untransl."),
    ("errors", "errors"),
    ("warnings", "warnings"),
    ("words_to_translate", "words to do"),
)


def render_table(rows: list[Standing]) -> str:
    """A plain-text table, one row per article and language, and a total line."""
    cells = [[label for _, label in COLUMNS]]
    for row in rows:
        cells.append([str(getattr(row, name)) for name, _ in COLUMNS])
    total = ["total", ""] + [str(sum(getattr(r, name) for r in rows)) for name, _ in COLUMNS[2:]]
    cells.append(total)
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = []
    for number, line in enumerate(cells):
        parts = [cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(line)]
        lines.append("  ".join(parts).rstrip())
        if number == 0 or number == len(cells) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render_json(rows: list[Standing]) -> str:
    """``{"articles": [{article, lang, catalog, messages, translated, fuzzy, untranslated,
    errors, warnings, words_to_translate, complete}], "summary": {...}}``"""
    summary = {
        name: sum(getattr(r, name) for r in rows)
        for name in ("messages", "translated", "fuzzy", "untranslated", "errors", "warnings", "words_to_translate")
    }
    summary["articles"] = len({r.article for r in rows})
    data = {"articles": [{**asdict(r), "complete": r.complete} for r in rows], "summary": summary}
    return json.dumps(data, ensure_ascii=False, indent=2)


_PAGE_STYLE = """body{font:1rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a}
h1{font-size:1.4rem}section{margin:1.5rem 0}table{border-collapse:collapse;width:100%}
th,td{padding:.2rem .3rem;font-size:.9rem;text-align:right;border-bottom:1px solid #ccc}
th:first-child,td:first-child{text-align:left}
.bad{color:#a00000;font-weight:bold}@media print{a{color:inherit;text-decoration:none}}"""


def render_html(title: str, rows: list[Standing], pages: dict[str, str]) -> str:
    """The journal's review index: one section per article (linked to its review page, ``pages``:
    article -> relative URL) with its counts per language, and the totals. Self-contained, no script."""
    by_article: dict[str, list[Standing]] = {}
    for row in rows:
        by_article.setdefault(row.article, []).append(row)
    head = (
        '<tr><th>lang</th><th title="translated / messages">done</th><th>fuzzy</th>'
        '<th title="untranslated">to do</th><th title="check errors">err.</th>'
        '<th title="check warnings">warn.</th></tr>'
    )
    parts = []
    for article, standings_ in by_article.items():
        body = "".join(
            f"<tr><td>{html.escape(r.lang)}</td><td>{r.translated}/{r.messages}</td><td>{r.fuzzy}</td>"
            f"<td>{r.untranslated}</td><td{' class=bad' if r.errors else ''}>{r.errors}</td><td>{r.warnings}</td></tr>"
            for r in standings_
        )
        link = html.escape(pages.get(article, ""), quote=True)
        parts.append(
            f'<section><h2><a href="{link}">{html.escape(article)}</a></h2>'
            f"<table><thead>{head}</thead><tbody>{body}</tbody></table></section>"
        )
    done = sum(1 for r in rows if r.complete)
    summary = (
        f"<p>{len(by_article)} articles, {done} of {len(rows)} article editions complete; "
        f"{sum(r.errors for r in rows)} error(s), {sum(r.warnings for r in rows)} warning(s).</p>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_PAGE_STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{summary}{''.join(parts)}</body></html>\n"
    )
