"""Read a PO catalog into plain :class:`Entry` objects for the checks.

Bad input ends the run with an :class:`~termweave.errors.InputError` naming the file and the
line: a file that is not UTF-8 or does not parse, a missing or unknown ``Language`` header.
Obsolete (``#~``) entries and the header are dropped here, so no check ever sees them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from termweave.config import check_language
from termweave.errors import InputError
from termweave.fsutil import read_text


@dataclass(frozen=True)
class Entry:
    """One live catalog entry (singular, or plural with ``msgid_plural``/``plural_forms``)."""

    line: int  # line of the msgid keyword
    context: str | None
    msgid: str
    msgstr: str
    fuzzy: bool = False
    msgid_plural: str | None = None
    plural_forms: tuple[str, ...] = ()  # msgstr[0], msgstr[1], ... for plural entries

    def pairs(self) -> list[tuple[str, str]]:
        """(source, translation) pairs to check: one, or one per plural form."""
        if self.msgid_plural is None:
            return [(self.msgid, self.msgstr)]
        return [(self.msgid if i == 0 else self.msgid_plural, s) for i, s in enumerate(self.plural_forms)]

    @property
    def translated(self) -> bool:
        if self.msgid_plural is None:
            return bool(self.msgstr)
        return bool(self.plural_forms) and all(self.plural_forms)


@dataclass
class Catalog:
    path: Path
    language: str  # the target language (base code: "uk" for "uk_UA")
    source_lang: str
    entries: list[Entry] = field(default_factory=list)


def base_language(code: str) -> str:
    return code.replace("-", "_").split("_")[0].split("@")[0].lower()


# --------------------------------------------------------------------------------------------
# A strict PO reader. One regular expression reads a whole entry (fast: the work is in C);
# whatever lies between entries must be blank lines or comments (obsolete "#~" entries
# included), else it is a syntax error at that line. It rejects what GNU msgfmt rejects
# (unterminated strings, stray text, msgid without msgstr) and keeps only what the checks need.

_STR = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'  # unrolled: [^"\\]* runs fast
_CONT = rf"(?:[ \t]*{_STR}[ \t]*\n)*"
_ENTRY_RE = re.compile(
    rf"""(?P<comments>(?:[ \t]*\#[^\n]*\n)*)
    (?:[ \t]*msgctxt[ \t]+(?P<ctx>{_STR}[ \t]*\n{_CONT}))?
    [ \t]*msgid[ \t]+(?P<id>{_STR}[ \t]*\n{_CONT})
    (?:[ \t]*msgid_plural[ \t]+(?P<plural>{_STR}[ \t]*\n{_CONT}))?
    (?P<strs>(?:[ \t]*msgstr(?:\[\d+\])?[ \t]+{_STR}[ \t]*\n{_CONT})+)""",
    re.X,
)
_MSGSTR_RE = re.compile(rf"[ \t]*msgstr(?:\[(\d+)\])?[ \t]+({_STR}[ \t]*\n{_CONT})")
_STRING_RE = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')
_FUZZY_RE = re.compile(r"^[ \t]*#,.*\bfuzzy\b", re.M)
_ESCAPE_RE = re.compile(r"\\(?:([\\\"abfnrtv?'])|([0-7]{1,3})|x([0-9A-Fa-f]{1,2}))")
_ESCAPES = {"\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "?": "?", "'": "'"}


def _unescape_match(m: re.Match) -> str:
    if m.group(1) is not None:
        return _ESCAPES[m.group(1)]
    if m.group(2) is not None:
        return chr(int(m.group(2), 8))
    return chr(int(m.group(3), 16))


def _string(block: str) -> str:
    """The value of a keyword's strings: concatenated, escapes resolved."""
    raw = "".join(_STRING_RE.findall(block))
    return _ESCAPE_RE.sub(_unescape_match, raw) if "\\" in raw else raw


def _check_gap(text: str, start: int, end: int, line: int, path: Path) -> None:
    """Between entries only blank lines and comments may stand."""
    if start >= end:
        return
    for offset, row in enumerate(text[start:end].split("\n")):
        stripped = row.strip()
        if stripped and not stripped.startswith("#"):
            if stripped.startswith('"'):
                problem = "malformed or unterminated string"
            elif stripped.startswith("msgid") or stripped.startswith("msgctxt"):
                problem = "incomplete entry (msgid without msgstr, or a malformed string)"
            elif stripped.startswith("msg"):
                problem = f"{stripped.split()[0]} out of place (it must follow msgid)"
            else:
                problem = f"unexpected text {stripped[:40]!r}"
            raise InputError(f"PO syntax error: {problem}", path, line + offset)


def read_po(text: str, path: Path) -> tuple[dict[str, str], int, list[Entry]]:
    """(header fields, line of the header entry, live entries); InputError on bad syntax."""
    if not text.endswith("\n"):
        text += "\n"
    header: dict[str, str] = {}
    header_line = 0
    entries: list[Entry] = []
    seen: dict[tuple[str | None, str], int] = {}
    at, line = 0, 1
    for m in _ENTRY_RE.finditer(text):
        start = m.start()
        # finditer may start a match inside a comment block; align the gap check on lines.
        _check_gap(text, at, start, line, path)
        line += text.count("\n", at, start)
        comments = m.group("comments")
        id_line = line + comments.count("\n") + (m.group("ctx") or "").count("\n")
        line += text.count("\n", start, m.end())
        at = m.end()
        if "#~" in comments:
            comments = comments[comments.rindex("#~"):].partition("\n")[2]  # an obsolete entry's flags are not ours
        msgid = _string(m.group("id"))
        context = None if m.group("ctx") is None else _string(m.group("ctx"))
        forms: dict[int, str] = {}
        for form in _MSGSTR_RE.finditer(m.group("strs")):
            index = int(form.group(1)) if form.group(1) is not None else -1
            if index in forms:
                raise InputError("PO syntax error: msgstr given twice", path, id_line)
            forms[index] = _string(form.group(2))
        plural = None if m.group("plural") is None else _string(m.group("plural"))
        if plural is None and (len(forms) != 1 or -1 not in forms):
            raise InputError("PO syntax error: msgstr[n] without msgid_plural", path, id_line)
        if plural is not None and (-1 in forms or sorted(forms) != list(range(len(forms)))):
            raise InputError("PO syntax error: msgid_plural needs msgstr[0], msgstr[1], ...", path, id_line)
        if msgid == "" and context is None:
            header_line = id_line
            for row in forms.get(-1, "").split("\n"):
                key, sep, value = row.partition(":")
                if sep and key.strip():
                    header[key.strip()] = value.strip()
            continue
        key = (context, msgid)
        if key in seen:
            raise InputError(f"PO syntax error: duplicate message (first on line {seen[key]})", path, id_line)
        seen[key] = id_line
        fuzzy = "#," in comments and _FUZZY_RE.search(comments) is not None
        if plural is None:
            entries.append(Entry(id_line, context, msgid, forms[-1], fuzzy))
        else:
            values = tuple(forms[i] for i in range(len(forms)))
            entries.append(Entry(id_line, context, msgid, values[0], fuzzy, plural, values))
    _check_gap(text, at, len(text), line, path)
    return header, header_line, entries


def load_catalog(path: str | Path, source_lang: str | None = None) -> Catalog:
    """Parse ``path``; the source language is ``source_lang``, else the ``X-Source-Language``
    header, else English."""
    path = Path(path)
    text = read_text(path)
    header, header_line, entries = read_po(text, path)
    lines = text.split("\n", 80)[:80]
    language = header.get("Language", "").strip()
    if not language:
        raise InputError(
            "missing 'Language' header (expected e.g. \"Language: uk\\n\" in the header entry)",
            path,
            _header_line(lines, "Language") or header_line or 1,
        )
    check_language(language, path, _header_line(lines, "Language"))
    header_source = header.get("X-Source-Language", "").strip()
    if source_lang is None and header_source:
        check_language(header_source, path, _header_line(lines, "X-Source-Language"))
    source = base_language(source_lang or header_source or "en")
    return Catalog(path=path, language=base_language(language), source_lang=source, entries=entries)


def _header_line(lines: list[str], key: str) -> int | None:
    needle = f'"{key}:'
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith(needle):
            return number
    return None
