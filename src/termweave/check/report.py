"""What the checks found: :class:`Finding`, :class:`CheckReport` and its two renderings.

The JSON form is a contract other tools parse (CI, the HTML report)::

    {"findings": [{"path": str, "line": int, "context": str|null, "msgid": str,
                   "check": str, "severity": "error"|"warning", "term": str|null,
                   "message": str}, ...],
     "summary": {"files": n, "entries": n, "errors": n, "warnings": n}}

``line`` is the line of the entry's ``msgid`` keyword; ``term`` is the glossary id for the
glossary checks (term-missing, term-forbidden) and null otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from json.encoder import encode_basestring  # json's C encoder where built
from typing import Literal

from termweave.errors import InputError
from termweave.formats.po import Catalog as PoCatalog
from termweave.formats.po import load_po
from termweave.worddiff import as_text, compact, word_diff

Severity = Literal["error", "warning"]
JSON_KEYS = ("path", "line", "context", "msgid", "check", "severity", "term", "message")


@dataclass(frozen=True)
class Finding:
    """One problem in one catalog entry.

    ``span`` is the offending (start, end) in ``msgstr`` where there is one (a forbidden
    variant, an extra number, an altered copyright); ``msgstr`` is kept for showing it.
    Neither is part of the JSON contract.
    """

    path: str
    line: int
    context: str | None
    msgid: str
    check: str
    severity: Severity
    term: str | None
    message: str
    span: tuple[int, int] | None = None
    msgstr: str | None = field(default=None, compare=False, repr=False)

    def to_json(self) -> dict:
        return {key: getattr(self, key) for key in JSON_KEYS}


@dataclass
class CheckReport:
    findings: list[Finding]
    files: int
    entries: int

    @classmethod
    def merged(cls, parts: list[CheckReport]) -> CheckReport:
        """One report of several runs (each article's catalogs with its own glossary)."""
        return cls(
            [f for part in parts for f in part.findings], sum(p.files for p in parts), sum(p.entries for p in parts)
        )

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def to_json(self) -> dict:
        return {
            "findings": [f.to_json() for f in self.findings],
            "summary": self.summary(),
        }

    def summary(self) -> dict[str, int]:
        return {"files": self.files, "entries": self.entries, "errors": self.errors, "warnings": self.warnings}

    def to_json_text(self) -> str:
        """``json.dumps(self.to_json(), ensure_ascii=False, indent=2)``, byte for byte, from json's
        C string encoder: with an indent json uses its pure-Python encoder, 10x slower on 10k findings."""
        return "".join(self.json_pieces())

    def json_pieces(self, findings_per_piece: int = 256) -> Iterator[str]:
        """:meth:`to_json_text` in pieces, for writing a big report without holding it whole."""
        findings = self.findings
        yield '{\n  "findings": ' + ("[\n" if findings else "[]")
        for at in range(0, len(findings), findings_per_piece):
            yield (",\n" if at else "") + ",\n".join(map(_finding_json, findings[at : at + findings_per_piece]))
        lines = ",\n".join(f"    {_json(key)}: {_json(value)}" for key, value in self.summary().items())
        yield ("\n  ]" if findings else "") + f',\n  "summary": {{\n{lines}\n  }}\n}}'

    def by_context(self) -> dict[tuple[str, str | None], list[Finding]]:
        """Findings per (path, msgctxt), as the HTML report shows them."""
        grouped: dict[tuple[str, str | None], list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault((finding.path, finding.context), []).append(finding)
        return grouped

    def by_entry(self) -> dict[str, dict[tuple[int, str | None], list[Finding]]]:
        """Findings grouped by path, then by entry (line, context), in report order."""
        grouped: dict[str, dict[tuple[int, str | None], list[Finding]]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.path, {}).setdefault((finding.line, finding.context), []).append(finding)
        return grouped


_FINDING_JSON = "    {\n" + ",\n".join(f'      "{key}": %s' for key in JSON_KEYS) + "\n    }"  # a finding, indented


def _finding_json(f: Finding) -> str:
    """A finding as to_json_text writes it: the fields of JSON_KEYS, each as :func:`_json` would
    write it (written out here: this runs for every finding)."""
    esc = encode_basestring
    return _FINDING_JSON % (
        esc(f.path),
        int.__repr__(f.line),
        "null" if f.context is None else esc(f.context),
        esc(f.msgid),
        esc(f.check),
        esc(f.severity),
        "null" if f.term is None else esc(f.term),
        esc(f.message),
    )


def _json(value: str | int | None) -> str:
    """One JSON scalar as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return json.dumps(value)
    return int.__repr__(value)


# --------------------------------------------------------------------------------------------
# Text rendering (for people)

_RED, _YELLOW, _BOLD, _DIM, _REVERSE, _RESET = "\033[31m", "\033[33m", "\033[1m", "\033[2m", "\033[7m", "\033[0m"


def _shorten(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def excerpt(text: str, span: tuple[int, int], color: bool, radius: int = 30) -> str:
    """``text`` around ``span`` with the span marked (reverse video on a terminal, ⟦…⟧ else)."""
    start, end = span
    left = max(0, start - radius)
    right = min(len(text), end + radius)
    before = text[left:start]
    inside = text[start:end] or "∅"
    after = text[end:right]
    flat = lambda s: s.replace("\n", "⏎")  # noqa: E731
    mark = f"{_REVERSE}{flat(inside)}{_RESET}" if color else f"⟦{flat(inside)}⟧"
    return ("…" if left else "") + flat(before) + mark + flat(after) + ("…" if right < len(text) else "")


def previous_sources(paths: Iterable[str]) -> dict[tuple[str, str | None, str], str]:
    """(path, msgctxt, msgid) -> previous msgid (``#|``) of every fuzzy entry in the catalogs at ``paths``."""
    catalogs = []
    for path in dict.fromkeys(paths):
        try:
            catalogs.append((path, load_po(path)))
        except InputError:
            continue  # the check has said what is wrong with it
    return previous_sources_of(catalogs)


def previous_sources_of(catalogs: Iterable[tuple[str, PoCatalog]]) -> dict[tuple[str, str | None, str], str]:
    """:func:`previous_sources` of catalogs already read, each with the path its findings name."""
    found: dict[tuple[str, str | None, str], str] = {}
    for path, catalog in catalogs:
        for entry in catalog:
            if entry.fuzzy and entry.previous_msgid and not entry.obsolete:
                found[(path, entry.msgctxt, entry.msgid)] = entry.previous_msgid
    return found


def render_text(
    report: CheckReport, color: bool = False, previous: Mapping[tuple[str, str | None, str], str] | None = None
) -> str:
    """Findings grouped by file and entry, the offending span shown, and under a fuzzy entry what
    changed in its source, word by word; a summary line last. ``previous``: see
    :func:`previous_sources` (read from the catalogs of the fuzzy findings when not given)."""
    if previous is None:
        previous = previous_sources(f.path for f in report.findings if f.check == "fuzzy")
    paint = (lambda code, s: f"{code}{s}{_RESET}") if color else (lambda code, s: s)  # noqa: E731
    lines: list[str] = []
    for path, entries in report.by_entry().items():
        lines.append(paint(_BOLD, path))
        for (line, context), findings in entries.items():
            where = f"{path}:{line}"
            label = f" [{context}]" if context else ""
            lines.append(f"  {where}{label} " + paint(_DIM, f"“{_shorten(findings[0].msgid)}”"))
            for f in findings:
                sev = paint(_RED if f.severity == "error" else _YELLOW, f"{f.severity:<7}")
                term = f" ({f.term})" if f.term else ""
                lines.append(f"    {sev} {f.check:<19} {f.message}{term}")
                if f.span is not None and f.msgstr is not None:
                    lines.append(f"    {'':7} {'':19} {excerpt(f.msgstr, f.span, color)}")
                was = previous.get((path, context, f.msgid)) if f.check == "fuzzy" else None
                if was is not None:
                    lines.append(f"    {'':7} {'':19} source: {as_text(compact(word_diff(was, f.msgid)), color)}")
        lines.append("")
    e, w = report.errors, report.warnings
    summary = (
        f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''} "
        f"in {report.files} file{'s' if report.files != 1 else ''} ({report.entries} entries checked)"
    )
    lines.append(paint(_RED if e else _BOLD, summary))
    return "\n".join(lines)
