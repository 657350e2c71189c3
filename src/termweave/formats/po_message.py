"""The PO entry model, :class:`Message` (re-exported by :mod:`termweave.formats.po`), and how its
comment lines are read: in a module of its own so that the readers (po_read, po_scan) and the codec
all build on it without a cycle. Comments are sorted as gettext's read-catalog-abstract.c sorts
them: ``#,`` (and ``#!``) flags, ``#:`` references, ``#.`` extracted and other translator comments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any, SupportsIndex


@dataclass(slots=True)
class Message:
    """One catalog entry. Plural entries hold their forms in ``msgstr_plural`` (``msgstr`` is "")."""

    # The comment lines as read ("#: a.py:1\n# note\n") while the comment fields are unread (see
    # UnreadComments); None once read. First: set before the fields by __init__.
    _comment_block: str | None = field(default=None, init=False, repr=False, compare=False)
    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # "file:line" (or "file")
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0  # 1-based line of the msgid keyword in the file read; 0 when made in memory

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        """Every form has a translation (fuzzy or not)."""
        if self.msgid_plural is None:
            return bool(self.msgstr)
        return bool(self.msgstr_plural) and all(self.msgstr_plural)

    @property
    def first_msgstr(self) -> str:
        """msgstr, or msgstr[0] of a plural entry: what gettext tests for "has a translation"."""
        if self.msgid_plural is None:
            return self.msgstr
        return self.msgstr_plural[0] if self.msgstr_plural else ""

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    def set_fuzzy(self, fuzzy: bool) -> None:
        if fuzzy and "fuzzy" not in self.flags:
            self.flags.insert(0, "fuzzy")
        elif not fuzzy:
            self.flags = [f for f in self.flags if f != "fuzzy"]

    def pairs(self) -> list[tuple[str, str]]:
        """(source, translation) pairs: one, or one per plural form."""
        if self.msgid_plural is None:
            return [(self.msgid, self.msgstr)]
        return [(self.msgid if i == 0 else self.msgid_plural, s) for i, s in enumerate(self.msgstr_plural)]


def apply_comments(message: Message, comments: list[str]) -> None:
    """Sort comment texts (each line's text after its "#") into a message's fields."""
    flags = sort_comments(comments, message.translator_comments, message.extracted_comments, message.references)
    if flags is not None:
        message.flags = flags


def sort_comments(
    comments: list[str], translator: list[str], extracted: list[str], references: list[str]
) -> list[str] | None:
    """Sort comment texts (each line's text after its "#") into the lists; the flags of the last
    "#," line (None if none)."""
    flags = None
    for text in comments:
        kind = text[:1]
        if kind == ":":
            rest = text[1:]
            found = rest.split() if _plain_references().fullmatch(rest) else _references(rest)
            if references:
                references += [reference for reference in dict.fromkeys(found) if reference not in references]
            else:
                references += dict.fromkeys(found)  # the first of each, in order
        elif kind == "," or kind == "!":
            flags = list(_flags(text[1:]))
        elif kind == ".":
            extracted.append(text[2:] if text[1:2] == " " else text[1:])
        else:
            translator.append(text[1:] if kind == " " else text)
    return flags


@cache
def _plain_references() -> re.Pattern[str]:
    """The usual "#:" line, " file:12 other:3" (a name with a non-digit, a line without leading
    zeros): its tokens are the references as they are. (Compiled on first need: a check reads none.)"""
    return re.compile(r"(?:[ \t]+\d*+[^:\d\s][^:\s]*+:(?:0|[1-9]\d*+))*+[ \t]*+")


@cache
def _line_number() -> re.Pattern[str]:
    return re.compile("[0-9]+")  # ASCII digits, as gettext reads a line number


_FLAG_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")


def _references(text: str) -> list[str]:
    """``#:`` tokens as "file:line" / "file" (gettext also reads "file : 12" and "file: 12"; the
    plain form, _plain_references, is split where it is read). "file: ²" is two file names."""
    line_number = _line_number()
    tokens = text.split()
    out = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i + 2 < len(tokens) and tokens[i + 1] == ":" and line_number.fullmatch(tokens[i + 2]):
            out.append(f"{token}:{int(tokens[i + 2])}")
            i += 3
            continue
        if token.endswith(":") and len(token) > 1 and i + 1 < len(tokens) and line_number.fullmatch(tokens[i + 1]):
            out.append(f"{token[:-1]}:{int(tokens[i + 1])}")
            i += 2
            continue
        if i + 1 < len(tokens) and tokens[i + 1].startswith(":") and line_number.fullmatch(tokens[i + 1][1:]):
            out.append(f"{token}:{int(tokens[i + 1][1:])}")
            i += 2
            continue
        match = re.fullmatch(r"(.+?):([0-9]+)", token)
        if match and len(match.group(1)) >= 1:
            out.append(f"{match.group(1)}:{int(match.group(2))}")
        else:
            out.append(token)
        i += 1
    return out


@lru_cache(maxsize=256)
def _flags(text: str) -> tuple[str, ...]:
    """A "#," line's flags (cached: catalogs repeat a few flag lines many times)."""
    tokens = [t for t in _FLAG_SEPARATORS.split(text) if t]
    out: list[str] = []
    for index, token in enumerate(tokens):
        if token == "range:" and index + 1 < len(tokens):
            out.append(f"range: {tokens[index + 1]}")
        elif not (index > 0 and tokens[index - 1] == "range:") and token not in out:
            out.append(token)
    return tuple(out)


def block_flags(block: str) -> list[str]:
    """The flags of an entry's comment lines as read ("#, fuzzy\\n#: a.py:1\\n"): apply_comments's."""
    if "#," not in block and "#!" not in block:
        return []  # (most entries: no flag line)
    for text in reversed(block[1:-1].split("\n#")):
        kind = text[:1]
        if kind == "," or kind == "!":
            return list(_flags(text[1:]))
    return []


class UnreadComments(Message):
    """A message as the PO reader makes it: its translator_comments, extracted_comments and
    references are sorted from its comment lines (``_comment_block``) when one of them is first
    used, read or set, and it is a plain :class:`Message` from then on (the same slots; no cost
    left on later uses). A check uses none of them: sorting them was a fifth of reading a catalog."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return _read_comments(self) == other

    def __repr__(self) -> str:
        return repr(_read_comments(self))

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:  # pickle, copy
        return _read_comments(self).__reduce_ex__(protocol)


def _read_comments(message: Message) -> Message:
    """Sort the comment lines an UnreadComments kept into its comment fields: a Message now."""
    block = message._comment_block
    message.__class__ = Message
    message._comment_block = None
    translator: list[str] = []
    extracted: list[str] = []
    references: list[str] = []
    if block:
        sort_comments(block[1:-1].split("\n#"), translator, extracted, references)
    message.translator_comments, message.extracted_comments, message.references = translator, extracted, references
    return message


def _read_first(name: str) -> property:
    """UnreadComments's ``name``: the comment lines sorted first."""
    field_value = attrgetter(name)

    def get(message: Message) -> list[str]:
        return field_value(_read_comments(message))

    def assign(message: Message, value: list[str]) -> None:
        setattr(_read_comments(message), name, value)

    return property(get, assign)


for _name in ("translator_comments", "extracted_comments", "references"):
    setattr(UnreadComments, _name, _read_first(_name))
_new_message = UnreadComments.__new__


def read_message(msgid: str, msgstr: str, msgctxt: str | None, comment_block: str, line: int) -> Message:
    """A message as the PO reader makes it: its flags read, its other comment fields left to
    read from ``comment_block`` (its "#" lines as read) on first use (see UnreadComments)."""
    message = _new_message(UnreadComments)
    message._comment_block = comment_block
    message.msgid, message.msgstr, message.msgctxt, message.msgid_plural = msgid, msgstr, msgctxt, None
    message.msgstr_plural = []
    message.flags = block_flags(comment_block) if "#," in comment_block or "#!" in comment_block else []
    message.previous_msgctxt = message.previous_msgid = message.previous_msgid_plural = None
    message.obsolete, message.line = False, line
    return message
