"""A strict, fast PO reader: the one syntax check every catalog goes through.

One regular expression reads a whole entry (the work is in C); whatever lies between entries
must be blank lines or comments (obsolete "#~" entries included), else it is a syntax error at
that line. It rejects what GNU msgfmt rejects and polib lets through (unterminated strings,
stray text, msgid without msgstr, duplicate messages). ``catalog.po.load_po`` runs it before
handing the text to polib; the checks read their entries with it directly (twice as fast as
polib on large catalogs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from termweave.errors import InputError


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


_LINE_RE = re.compile(rf"^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?{_STR}$")


def _check_gap(text: str, start: int, end: int, line: int, path: Path) -> None:
    """Between entries only blank lines and comments may stand."""
    if start >= end:
        return
    rows = [(line + offset, row.strip()) for offset, row in enumerate(text[start:end].split("\n"))]
    rows = [(number, row) for number, row in rows if row and not row.startswith("#")]
    if not rows:
        return
    # Name the line that is wrong in itself (an unterminated string) before the entry it breaks.
    for number, row in rows:
        if not _LINE_RE.match(row):
            if row.startswith(("msg", '"')):
                problem = "malformed or unterminated string"
            else:
                problem = f"unexpected text {row[:40]!r}"
            raise InputError(f"PO syntax error: {problem}", path, number)
    number, row = rows[0]
    if row.startswith('"'):
        problem = "string out of place"
    elif row.startswith(("msgid", "msgctxt")):
        problem = "incomplete entry (msgid without msgstr)"
    else:
        problem = f"{row.split()[0]} out of place (it must follow msgid)"
    raise InputError(f"PO syntax error: {problem}", path, number)


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
            raise InputError(f"PO syntax error: duplicate message definition (first on line {seen[key]})", path,
                             id_line)
        seen[key] = id_line
        fuzzy = "#," in comments and _FUZZY_RE.search(comments) is not None
        if plural is None:
            entries.append(Entry(id_line, context, msgid, forms[-1], fuzzy))
        else:
            values = tuple(forms[i] for i in range(len(forms)))
            entries.append(Entry(id_line, context, msgid, values[0], fuzzy, plural, values))
    _check_gap(text, at, len(text), line, path)
    return header, header_line, entries
