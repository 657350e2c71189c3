"""A fast path for the PO reader: files laid out as gettext writes them, read entry by entry.

One regular expression takes a whole entry (comments, ``#|`` lines, keywords and their
strings) when every line is in gettext's own layout: a keyword, one space and one string, or a
string alone, no stray spaces, ``\\n`` line ends. On anything else (or any error) it gives up and
the line-by-line reader in :mod:`termweave.formats.po_read` reads the file, so both always agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from termweave.errors import InputError
from termweave.formats.po_message import Message, read_message

if TYPE_CHECKING:
    from termweave.formats.po_read import _Reader

_CONTENT_RE = r'[^"\\\n]*(?:\\.[^"\\\n]*)*'  # a string's content: no bare quote, whole escapes
_S = f'"{_CONTENT_RE}"'
_STRING = re.compile(f'"({_CONTENT_RE})"')
_CONTENT = re.compile(_CONTENT_RE)
_FORM = re.compile(r"^(?:\#~ )?msgstr(?:\[([0-9]+)\])? ", re.MULTILINE)  # ASCII digits, as gettext reads


@cache
def _entry(obsolete: bool) -> re.Pattern[str]:
    """A whole live or ``#~`` entry of any kind (compiled on first need: most entries are _SIMPLE's)."""
    prefix, previous = (r"\#~ ", r"\#~\| ") if obsolete else ("", r"\#\| ")
    more = rf"(?:{prefix}{_S}\n)*"
    return re.compile(
        rf"(?P<comments>(?:\#(?![~|])[^\n\r]*\n)*)"
        rf"(?P<previous>(?:{previous}[^\n]*\n)*)"
        rf"(?:{prefix}msgctxt (?P<ctx>{_S}\n{more}))?"
        rf"(?P<idline>{prefix}msgid )(?P<id>{_S}\n{more})"
        rf"(?:{prefix}msgid_plural (?P<plural>{_S}\n{more}))?"
        rf"(?P<strs>(?:{prefix}msgstr(?:\[[0-9]+\])? {_S}\n{more})+)"
        rf"\n*"
    )


@cache
def _previous_keyword() -> re.Pattern[str]:
    """A ``#|`` line's keyword and string (compiled on first need)."""
    return re.compile(rf"(msgctxt|msgid_plural|msgid) ({_S})$")


# The usual entry, read without _message's work: comments, then msgctxt, msgid and msgstr (or
# msgid_plural and msgstr[n]), each with its continuation lines (no "#|" lines). What it takes
# (its strings checked by _value), _entry reads the same way; what it leaves (a second msgstr)
# _entry cannot start at. Groups, in order: comments, then each keyword's first string (its
# content) and the string lines after it (as written): ctx, ctx_more, id, id_more, str, str_more;
# or, in a plural entry (str None), its msgid_plural strings and its msgstr[n] lines. A first
# string is taken up to the line's last quote (a quicker pattern); _value checks the rare one with
# a quote or backslash inside. Comment lines may hold "\r" here: no text with one is scanned.
# Possessive repeats ("*+") where giving back a line could never let the rest match: a quicker
# failure, the same matches.
_MORE = rf"((?:{_S}\n)*+)"
_STRINGS = rf"{_S}\n(?:{_S}\n)*+"  # a keyword's string and the string lines after it
_SIMPLE = re.compile(
    r"((?:\#(?![~|])[^\n]*+\n)*+)"
    rf'(?:msgctxt "([^\n]*)"\n{_MORE})?'
    rf'msgid "([^\n]*)"\n{_MORE}'
    rf'(?:msgstr "([^\n]*)"\n{_MORE}|msgid_plural ({_STRINGS})((?:msgstr\[[0-9]+\] {_STRINGS})++))\n*+'
)
_MSGID = len('msgid "')  # from the start of _SIMPLE's id group back to its msgid keyword


class _GiveUp(Exception):
    """Not in gettext's layout (or not valid): the line-by-line reader decides."""


def scan_canonical(text: str, reader: _Reader, unescape: Callable[[str, Path, int], str]) -> bool:
    """Read ``text`` into ``reader`` if it is in gettext's layout; False (reader untouched) if not.
    The line reader lends its escape rules (one definition, no import cycle). The messages' comment
    fields are read on first access (see po_message.read_message)."""
    if "\x04" in text or "\r" in text:
        return False  # the context separator (the line reader names its string), or not gettext's line ends
    if not text.endswith("\n"):
        text += "\n"
    messages: list[Message] = []
    path, end, count, simple = reader.path, len(text), text.count, _SIMPLE.match
    at, line, counted = end - len(text.lstrip("\n")), 1, 0
    try:
        while at < end:
            match = simple(text, at)
            if match is not None:
                comments, ctx, ctx_more, msgid, id_more, msgstr, str_more, plural, forms = match.groups()
                start = match.start(4) - _MSGID
                line += count("\n", counted, start)
                if ctx is not None and (ctx_more or "\\" in ctx or '"' in ctx):
                    ctx = _value(ctx, ctx_more, unescape, path, line)
                if id_more or "\\" in msgid or '"' in msgid:
                    msgid = _value(msgid, id_more, unescape, path, line)
                if msgstr is None:
                    message = read_message(msgid, "", ctx, comments, line)
                    message.msgid_plural = _strings(plural, unescape, path, line)
                    message.msgstr_plural = _forms(forms, unescape, path, line)
                else:
                    if str_more or "\\" in msgstr or '"' in msgstr:
                        msgstr = _value(msgstr, str_more, unescape, path, line)
                    message = read_message(msgid, msgstr, ctx, comments, line)
            else:
                match = _entry(False).match(text, at) or _entry(True).match(text, at)
                if match is None:
                    return False
                start = match.start("idline")
                line += count("\n", counted, start)
                message = _message(match, line, unescape, path)
            counted = start
            messages.append(message)
            at = match.end()
    except (_GiveUp, InputError):
        return False
    try:
        reader.register_all(messages)
    except InputError:
        reader.header, reader.messages, reader.seen = None, [], {}
        return False
    return True


def _strings(block: str, unescape, path, line: int) -> str:
    """The value of a keyword's strings: '"…"\\n' lines (the entry pattern has checked their escapes)."""
    if block.find("\n") == len(block) - 1:
        raw = block[1:-2]  # the usual: one line
    else:
        raw = "".join(_STRING.findall(block))  # (lines of an obsolete entry open with "#~ ")
    return unescape(raw, path, line) if "\\" in raw else raw


def _joined(lines: str) -> str:
    """The contents of _MORE's '"…"\\n' lines, joined (a string holds no raw line end, so each
    '"\\n"' is a closing quote, the line end and the next line's opening quote)."""
    return lines[1:-2].replace('"\n"', "")


def _value(first: str, more: str | None, unescape, path, line: int) -> str:
    """The value of a string (its content up to the line's last quote) and the string lines after it."""
    if ('"' in first or "\\" in first) and _CONTENT.fullmatch(first) is None:
        raise _GiveUp  # a bare quote (two strings on the line?) or a broken escape
    raw = first + _joined(more) if more else first
    return unescape(raw, path, line) if "\\" in raw else raw


def _message(match: re.Match[str], line: int, unescape, path) -> Message:
    idline, msgid, ctx, plural, block, previous, comments = match.group(
        "idline", "id", "ctx", "plural", "strs", "previous", "comments"
    )
    obsolete = idline[0] == "#"
    message = read_message(
        _strings(msgid, unescape, path, line),
        "",
        _strings(ctx, unescape, path, line) if ctx is not None else None,
        comments,
        line,
    )
    message.msgid_plural = _strings(plural, unescape, path, line) if plural is not None else None
    message.obsolete = obsolete
    if plural is None and block.startswith("msgstr ") and block.find("\n") == len(block) - 1:
        message.msgstr = _strings(block[7:], unescape, path, line)  # the usual: msgstr "…" on one line
        if previous:
            _previous(message, previous, obsolete, unescape, path, line)
        return message
    first = _FORM.match(block)
    if plural is None:
        if first is None or first.group(1) is not None or _FORM.search(block, first.end()) is not None:
            raise _GiveUp
        message.msgstr = _strings(block[first.end() :], unescape, path, line)
    else:
        message.msgstr_plural = _forms(block, unescape, path, line)
    if previous:
        _previous(message, previous, obsolete, unescape, path, line)
    return message


def _forms(block: str, unescape, path, line: int) -> list[str]:
    """A plural entry's translations: its msgstr[0], msgstr[1], ... lines, numbered in order."""
    parts = _FORM.split(block)  # "", "0", the strings of msgstr[0], "1", ...
    indexes = parts[1::2]
    if parts[0] or indexes != [str(i) for i in range(len(indexes))]:
        raise _GiveUp
    return [_strings(strings, unescape, path, line) for strings in parts[2::2]]


def _previous(message: Message, block: str, obsolete: bool, unescape, path, line: int) -> None:
    prefix = "#~| " if obsolete else "#| "
    fields: dict[str, list[str]] = {}
    current = None
    for row in block.split("\n")[:-1]:
        row = row[len(prefix) :]
        keyword = _previous_keyword().match(row)
        if keyword:
            current = keyword.group(1)
            if current in fields:
                raise _GiveUp
            fields[current] = [keyword.group(2)]
        elif current is not None and _STRING.fullmatch(row):
            fields[current].append(row)
        else:
            raise _GiveUp
    for name, pieces in fields.items():
        value = unescape("".join(_STRING.findall("".join(pieces))), path, line)
        setattr(message, f"previous_{name}", value)
