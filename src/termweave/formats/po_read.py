"""The PO reader behind ``formats.po.parse_po``: gettext's lexer and grammar, line by line.

Tokens are read per line (only ``\\n`` ends a line). ``#~`` marks obsolete tokens, ``#|`` (and
``#~|``) previous strings; other ``#`` lines are comments that belong to the next entry. What
msgfmt rejects (unterminated string, unknown escape, msgid without msgstr, msgstr[n] out of order,
a duplicate message, stray text, the context separator) raises InputError at the broken line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from termweave.errors import InputError
from termweave.formats.po_message import Message, apply_comments
from termweave.formats.po_scan import scan_canonical

_KEYWORDS = frozenset(("msgctxt", "msgid", "msgid_plural", "msgstr", *(f"msgstr[{i}]" for i in range(10))))
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)", re.S)
_ESCAPE_BYTES = re.compile(rb"\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)", re.S)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\", '"': '"'}
_SIMPLE_CODES = frozenset(_SIMPLE_ESCAPES)


# The patterns below serve the line-by-line reader: compiled on first need, as the files gettext
# and termweave write never reach it.
@cache
def _simple_line() -> re.Pattern[str]:
    """A line of one keyword and one string, or one string."""
    return re.compile(r'(?:(msgctxt|msgid_plural|msgid|msgstr)(?:\[([0-9]+)\])?[ \t]*)?"((?:[^"\\]|\\.)*)"[ \t\r\f\v]*')


@cache
def _token() -> re.Pattern[str]:
    """One token of a line: a keyword, a string, an index; an unterminated string or junk (errors)."""
    return re.compile(
        r'[ \t\r\f\v]*(?:(?P<kw>msgctxt|msgid_plural|msgid|msgstr|domain)\b|"(?P<str>(?:[^"\\]|\\.)*)"'
        r"|\[[ \t]*(?P<index>[0-9]+)[ \t]*\]|(?P<open>\")|(?P<junk>\S))"
    )


def _escape_value(code: str) -> str | int | None:
    """What one escape (the text after the backslash) stands for: a character, a byte, or None (invalid)."""
    if code in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[code]
    if code == "x":
        return None
    if code[0] == "x":
        return int(code[1:], 16) & 0xFF
    if code[0] in "01234567":
        return int(code, 8) & 0xFF
    return None


def unescape(raw: str, path: Path, line: int) -> str:
    """A string's value; the escapes as gettext reads them (octal/hex give bytes)."""
    if "\\" not in raw:
        value = raw
    else:
        # The usual escapes, \n and \": right when no backslash is left, as a backslash is only ever
        # taken as an escape's first character (the first of a "\\" pair, or of any other escape, stays).
        value = raw.replace("\\n", "\n").replace('\\"', '"')
        if "\\" in value:
            value = _unescape_all(raw, path, line)
    if "\x04" in value:
        raise InputError("PO syntax error: context separator <EOT> within string", path, line)
    return value


def _unescape_all(raw: str, path: Path, line: int) -> str:
    codes = set(_ESCAPE.findall(raw))
    if codes <= _SIMPLE_CODES:  # the usual: \n, \", \\ and the like
        if "\\\\" in raw:
            return _ESCAPE.sub(_simple_escape, raw)
        value = raw  # every backslash starts an escape: replacing one kind never makes another
        for code in codes:
            value = value.replace("\\" + code, _SIMPLE_ESCAPES[code])
        return value
    if any(_escape_value(code) is None for code in codes):
        raise InputError("PO syntax error: invalid control sequence", path, line)

    def byte(m: re.Match[bytes]) -> bytes:  # octal or hex: bytes, decoded together
        decoded = _escape_value(m.group(1).decode("ascii"))
        return bytes([decoded]) if isinstance(decoded, int) else str(decoded).encode("ascii")

    try:
        return _ESCAPE_BYTES.sub(byte, raw.encode("utf-8")).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("PO syntax error: escape gives invalid UTF-8", path, line) from None


def _simple_escape(match: re.Match[str]) -> str:
    return _SIMPLE_ESCAPES[match.group(1)]


@dataclass(repr=False, eq=False)  # (the reader's own state, never compared or shown: quicker to define)
class _Pending:
    """The entry being read."""

    comments: list[str] = field(default_factory=list)  # raw comment texts after "#"
    fields: dict[str, list[str]] = field(default_factory=dict)  # keyword -> string pieces (raw)
    lines: dict[str, int] = field(default_factory=dict)
    forms: int = 0
    obsolete: bool | None = None
    current: str | None = None

    def has(self, name: str) -> bool:
        return name in self.fields


@dataclass(repr=False, eq=False)
class _Reader:
    path: Path
    header: Message | None = None
    messages: list[Message] = field(default_factory=list)
    # A live message's key -> its line. The key: its msgid, or (msgctxt, msgid) when it has a
    # context (no tuple for the usual message; a string never equals a tuple).
    seen: dict[str | tuple[str, str], int] = field(default_factory=dict)
    entry: _Pending = field(default_factory=_Pending)

    def error(self, message: str, line: int) -> InputError:
        return InputError(f"PO syntax error: {message}", self.path, line)

    def comment(self, text: str, line: int) -> None:
        if self.entry.has("msgstr") or self.entry.forms:
            self.finish()
        elif self.entry.has("msgid") or self.entry.has("msgctxt"):
            raise self.error("comment inside an entry (msgid without msgstr before it?)", line)
        self.entry.comments.append(text)

    def keyword(self, name: str, index: str | None, line: int, obsolete: bool, previous: bool) -> None:
        entry = self.entry
        if previous:
            if entry.has("msgstr") or entry.forms:
                self.finish()
                entry = self.entry
            key = "prev_" + name
            if name == "msgstr" or index is not None or key in entry.fields:
                raise self.error(f"{name} out of place after '#|'", line)
        else:
            if name in ("msgctxt", "msgid") and (entry.has("msgstr") or entry.forms):
                self.finish()
                entry = self.entry
            if entry.obsolete is not None and entry.obsolete != obsolete:
                raise self.error("inconsistent use of #~", line)
            entry.obsolete = obsolete
            key = self._check_order(name, index, line)
        entry.fields[key] = []
        entry.lines[key] = line
        entry.current = key

    def _check_order(self, name: str, index: str | None, line: int) -> str:
        entry = self.entry
        if name == "msgctxt" and not entry.has("msgctxt") and not entry.has("msgid"):
            return name
        if name == "msgid" and not entry.has("msgid"):
            return name
        if name == "msgid_plural" and entry.has("msgid") and not entry.has("msgid_plural") and not entry.has("msgstr"):
            return name
        if name == "msgstr" and entry.has("msgid") and index is None and not entry.has("msgstr"):
            if entry.has("msgid_plural"):
                raise self.error("msgid_plural needs msgstr[0], msgstr[1], ...", line)
            return name
        if name == "msgstr" and entry.has("msgid") and index is not None:
            if not entry.has("msgid_plural"):
                raise self.error("msgstr[n] without msgid_plural", line)
            if int(index) != entry.forms:
                raise self.error(f"plural form msgstr[{index}] out of order (expected msgstr[{entry.forms}])", line)
            entry.forms += 1
            return f"msgstr[{index}]"
        if name in ("msgctxt", "msgid") and not entry.has("msgstr"):
            raise self.error("incomplete entry (msgid without msgstr)", entry.lines.get("msgid", line))
        raise self.error(f"{name} out of place", line)

    def string(self, raw: str, line: int) -> None:
        if self.entry.current is None:
            raise self.error("string out of place", line)
        self.entry.fields[self.entry.current].append(raw)

    def finish(self) -> None:
        entry, self.entry = self.entry, _Pending()
        if not entry.fields:
            return
        if not entry.has("msgid"):
            raise self.error("'#|' previous strings without an entry", min(entry.lines.values()))
        if not entry.has("msgstr") and not entry.forms:
            raise self.error("incomplete entry (msgid without msgstr)", entry.lines["msgid"])
        if entry.has("msgid_plural") and not entry.forms:
            raise self.error("msgid_plural needs msgstr[0], msgstr[1], ...", entry.lines["msgid_plural"])
        for key, pieces in entry.fields.items():
            if not pieces:
                raise self.error(f"{key.removeprefix('prev_')} without a string", entry.lines[key])
        self.add(entry)

    def value(self, entry: _Pending, key: str) -> str | None:
        if key not in entry.fields:
            return None
        return unescape("".join(entry.fields[key]), self.path, entry.lines[key])

    def add(self, entry: _Pending) -> None:
        line = entry.lines["msgid"]
        message = Message(
            msgid=self.value(entry, "msgid") or "",
            msgctxt=self.value(entry, "msgctxt"),
            msgid_plural=self.value(entry, "msgid_plural"),
            obsolete=bool(entry.obsolete),
            line=line,
            previous_msgctxt=self.value(entry, "prev_msgctxt"),
            previous_msgid=self.value(entry, "prev_msgid"),
            previous_msgid_plural=self.value(entry, "prev_msgid_plural"),
        )
        if entry.forms:
            message.msgstr_plural = [self.value(entry, f"msgstr[{i}]") or "" for i in range(entry.forms)]
        else:
            message.msgstr = self.value(entry, "msgstr") or ""
        apply_comments(message, entry.comments)
        self.register(message)

    def register(self, message: Message) -> None:
        """Keep a read message: the header, or one more message (a live duplicate is an error)."""
        line = message.line
        if message.obsolete:
            self.messages.append(message)
            return
        msgctxt = message.msgctxt
        key = message.msgid if msgctxt is None else (msgctxt, message.msgid)  # (see seen)
        first = self.seen.get(key)
        if first is not None:
            raise self.error(f"duplicate message definition (first on line {first})", line)
        self.seen[key] = line
        if self._is_header(message):
            self.header = message
        else:
            self.messages.append(message)

    def _is_header(self, message: Message) -> bool:
        """The first message, when it is a live one with an empty msgid and no context."""
        return message.msgid == "" and message.msgctxt is None and self.header is None and not self.messages

    def register_all(self, messages: list[Message]) -> None:
        """register() each of ``messages``; in one pass when none is a duplicate (the usual)."""
        live = [message for message in messages if not message.obsolete]
        seen = {m.msgid if m.msgctxt is None else (m.msgctxt, m.msgid): m.line for m in live}  # (see seen)
        if len(seen) != len(live) or self.seen or self.messages or self.header is not None:
            for message in messages:
                self.register(message)  # the first duplicate's error
            return
        self.seen = seen
        if messages and not messages[0].obsolete and self._is_header(messages[0]):
            self.header, messages = messages[0], messages[1:]
        self.messages = messages


def read_messages(text: str, path: Path) -> tuple[Message | None, list[Message]]:
    """(header, messages) of a PO text; InputError on what msgfmt rejects."""
    reader = _Reader(path)
    if scan_canonical(text, reader, unescape):
        return reader.header, reader.messages
    reader = _Reader(path)
    for number, row in enumerate(text.split("\n"), 1):
        stripped = row.lstrip(" \t\r\f\v")
        if not stripped:
            continue
        obsolete = previous = False
        first = stripped[0]
        if first == '"' or first == "m":  # the usual lines: one string, or a keyword and one string
            keyword, _, rest = stripped.partition(" ") if first == "m" else ("", "", stripped)
            rest = rest.strip(" \t\r\f\v")
            inner = rest[1:-1]
            if (
                len(rest) >= 2
                and rest[0] == '"'
                and rest[-1] == '"'
                and '"' not in inner
                and inner[-1:] != "\\"
                and (not keyword or keyword in _KEYWORDS)
                and (keyword or reader.entry.current is not None)
            ):
                if keyword:
                    index = keyword[7:-1] if keyword.startswith("msgstr[") else None
                    reader.keyword("msgstr" if index is not None else keyword, index, number, False, False)
                current = reader.entry.current
                assert current is not None  # set by reader.keyword, or checked above
                reader.entry.fields[current].append(inner)
                continue
        if first == "#":
            second = stripped[1:2]
            if second == "~":
                obsolete = True
                stripped = stripped[2:]
                if stripped[:1] == "|":
                    previous, stripped = True, stripped[1:]
            elif second == "|":
                previous, stripped = True, stripped[2:]
            else:
                reader.comment(stripped[1:].rstrip("\r"), number)
                continue
        _read_tokens(reader, stripped, number, obsolete, previous)
    reader.finish()
    return reader.header, reader.messages


def _read_tokens(reader: _Reader, text: str, number: int, obsolete: bool, previous: bool) -> None:
    simple = _simple_line().fullmatch(text.lstrip(" \t\r\f\v"))
    if simple:
        if simple.group(1):
            reader.keyword(simple.group(1), simple.group(2), number, obsolete, previous)
        reader.string(simple.group(3), number)
        return
    at = 0
    while at < len(text):
        if not text[at:].strip(" \t\r\f\v"):
            return
        if text[at:].lstrip(" \t\r\f\v").startswith("#"):  # a comment after tokens ends the line
            reader.comment(text[at:].lstrip(" \t\r\f\v")[1:], number)
            return
        match = _token().match(text, at)
        if match is None or match.group("junk") is not None or match.group("open") is not None:
            problem = (
                "unterminated string (end of line within it):"
                if match is not None and match.group("open")
                else "unexpected text"
            )
            raise reader.error(f"{problem} {text[at:].strip()[:40]!r}", number)
        if match.group("kw") == "domain":
            raise reader.error("'domain' directives are not supported", number)
        if match.group("kw"):
            name, index = match.group("kw"), None
            after = _token().match(text, match.end())
            if after is not None and after.group("index") is not None:
                if name != "msgstr":
                    raise reader.error(f"{name}[...] is not a keyword", number)
                index, match = after.group("index"), after
            reader.keyword(name, index, number, obsolete, previous)
        elif match.group("index") is not None:
            raise reader.error("'[' out of place", number)
        else:
            reader.string(match.group("str"), number)
        at = match.end()
