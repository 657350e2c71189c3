"""A fast path for the PO reader: files laid out as gettext writes them, read entry by entry.

One regular expression takes a whole entry (comments, ``#|`` lines, keywords and their
strings) when every line is in gettext's own layout: a keyword, one space and one string, or a
string alone, no stray spaces, ``\\n`` line ends. On anything else (or any error) it gives up and
the line-by-line reader in :mod:`termweave.formats.po_read` reads the file, so both always agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from termweave.errors import InputError
from termweave.formats.po_message import Message

if TYPE_CHECKING:
    from termweave.formats.po_read import _Reader

_S = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
_STRING = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')
_FORM = re.compile(r"^(?:\#~ )?msgstr(?:\[(\d+)\])? ", re.MULTILINE)
_PREVIOUS = re.compile(rf"(msgctxt|msgid_plural|msgid) ({_S})$")


def _entry_pattern(prefix: str, previous: str) -> re.Pattern[str]:
    more = rf"(?:{prefix}{_S}\n)*"
    return re.compile(
        rf"(?P<comments>(?:\#(?![~|])[^\n\r]*\n)*)"
        rf"(?P<previous>(?:{previous}[^\n]*\n)*)"
        rf"(?:{prefix}msgctxt (?P<ctx>{_S}\n{more}))?"
        rf"(?P<idline>{prefix}msgid )(?P<id>{_S}\n{more})"
        rf"(?:{prefix}msgid_plural (?P<plural>{_S}\n{more}))?"
        rf"(?P<strs>(?:{prefix}msgstr(?:\[\d+\])? {_S}\n{more})+)"
        rf"\n*"
    )


_LIVE = _entry_pattern("", r"\#\| ")
_OBSOLETE = _entry_pattern(r"\#~ ", r"\#~\| ")


def _one_line(name: str) -> str:
    return rf'"(?P<{name}>[^"\\\n]*(?:\\.[^"\\\n]*)*)"\n'


# The usual entry, read without _message's work: comments, then msgctxt, msgid and msgstr of one
# line each (no "#|" lines, no plural, no continuation line after msgstr). What it takes, _LIVE
# reads the same way; what it leaves (a continuation, a second msgstr) _LIVE cannot start at.
_SIMPLE = re.compile(
    r"(?P<comments>(?:\#(?![~|])[^\n\r]*\n)*)"
    rf"(?:msgctxt {_one_line('ctx')})?(?P<idline>msgid ){_one_line('id')}msgstr {_one_line('str')}(?!\")\n*"
)


class _GiveUp(Exception):
    """Not in gettext's layout (or not valid): the line-by-line reader decides."""


def scan_canonical(
    text: str,
    reader: _Reader,
    _apply_comments: Callable[[Message, list[str]], None],
    unescape: Callable[[str, Path, int], str],
) -> bool:
    """Read ``text`` into ``reader`` if it is in gettext's layout; False (reader untouched) if not.
    The line reader lends its comment and escape rules (one definition each, no import cycle)."""
    if not text.endswith("\n"):
        text += "\n"
    messages: list[Message] = []
    at, line, counted = len(text) - len(text.lstrip("\n")), 1, 0
    try:
        while at < len(text):
            simple = _SIMPLE.match(text, at)
            match = simple or _LIVE.match(text, at) or _OBSOLETE.match(text, at)
            if match is None:
                return False
            line += text.count("\n", counted, match.start("idline"))
            counted = match.start("idline")
            if simple is not None:
                ctx, msgid, msgstr = simple.group("ctx", "id", "str")
                message = Message(
                    msgid=_text(msgid, unescape, reader.path, line),
                    msgctxt=_text(ctx, unescape, reader.path, line) if ctx is not None else None,
                    msgstr=_text(msgstr, unescape, reader.path, line),
                    line=line,
                )
            else:
                message = _message(match, line, unescape, reader.path)
            comments = match.group("comments")
            if comments:
                _apply_comments(message, [c[1:] for c in comments.split("\n")[:-1]])
            messages.append(message)
            at = match.end()
    except (_GiveUp, InputError):
        return False
    try:
        for message in messages:
            reader.register(message)
    except InputError:
        reader.header, reader.messages, reader.seen = None, [], {}
        return False
    return True


def _strings(block: str | None, unescape, path, line: int) -> str | None:
    if block is None:
        return None
    if block.find("\n") == len(block) - 1:
        raw = block[1:-2]  # the usual: one line, '"…"\n' (the entry pattern has checked its escapes)
    else:
        raw = "".join(_STRING.findall(block))
    return _text(raw, unescape, path, line)


def _text(raw: str, unescape, path, line: int) -> str:
    """A string's content as written between the quotes, unescaped."""
    return unescape(raw, path, line) if "\\" in raw or "\x04" in raw else raw


def _message(match: re.Match[str], line: int, unescape, path) -> Message:
    idline, msgid, ctx, plural, block, previous = match.group("idline", "id", "ctx", "plural", "strs", "previous")
    obsolete = idline[0] == "#"
    message = Message(
        msgid=_strings(msgid, unescape, path, line) or "",
        msgctxt=_strings(ctx, unescape, path, line) if ctx is not None else None,
        msgid_plural=_strings(plural, unescape, path, line) if plural is not None else None,
        obsolete=obsolete,
        line=line,
    )
    if plural is None and block.startswith("msgstr ") and block.find("\n") == len(block) - 1:
        message.msgstr = _strings(block[7:], unescape, path, line) or ""  # the usual: msgstr "…" on one line
        if previous:
            _previous(message, previous, obsolete, unescape, path, line)
        return message
    first = _FORM.match(block)
    if plural is None:
        if first is None or first.group(1) is not None or _FORM.search(block, first.end()) is not None:
            raise _GiveUp
        message.msgstr = _strings(block[first.end() :], unescape, path, line) or ""
    else:
        forms = list(_FORM.finditer(block))
        if [m.group(1) for m in forms] != [str(i) for i in range(len(forms))]:
            raise _GiveUp
        ends = [m.start() for m in forms[1:]] + [len(block)]
        message.msgstr_plural = [
            _strings(block[m.end() : end], unescape, path, line) or "" for m, end in zip(forms, ends, strict=True)
        ]
    if previous:
        _previous(message, previous, obsolete, unescape, path, line)
    return message


def _previous(message: Message, block: str, obsolete: bool, unescape, path, line: int) -> None:
    prefix = "#~| " if obsolete else "#| "
    fields: dict[str, list[str]] = {}
    current = None
    for row in block.split("\n")[:-1]:
        row = row[len(prefix) :]
        keyword = _PREVIOUS.match(row)
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
