"""The comment lines of a PO entry, sorted as gettext's read-catalog-abstract.c sorts them: ``#,``
(and ``#!``) flags, ``#:`` references, ``#.`` extracted and other translator comments."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termweave.formats.po_message import Message


def apply_comments(message: Message, comments: list[str]) -> None:
    """Sort comment texts (each line's text after its "#"); the last "#," line sets the flags."""
    for text in comments:
        kind = text[:1]
        if kind == ":":
            rest = text[1:]
            found = rest.split() if _PLAIN_REFERENCES.fullmatch(rest) else _references(rest)
            references = message.references
            if references:
                references += [reference for reference in dict.fromkeys(found) if reference not in references]
            else:
                references += dict.fromkeys(found)  # the first of each, in order
        elif kind == "," or kind == "!":
            message.flags = list(_flags(text[1:]))
        elif kind == ".":
            message.extracted_comments.append(text[2:] if text[1:2] == " " else text[1:])
        else:
            message.translator_comments.append(text[1:] if kind == " " else text)


# The usual "#:" line, " file:12 other:3" (a name with a non-digit, a line without leading zeros):
# its tokens are the references as they are.
_PLAIN_REFERENCES = re.compile(r"(?:[ \t]+\d*+[^:\d\s][^:\s]*+:(?:0|[1-9]\d*+))*+[ \t]*+")
_LINE_NUMBER = re.compile("[0-9]+")  # ASCII digits, as gettext reads a line number
_FLAG_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")


def _references(text: str) -> list[str]:
    """``#:`` tokens as "file:line" / "file" (gettext also reads "file : 12" and "file: 12"; the
    plain form, _PLAIN_REFERENCES, is split where it is read). "file: ²" is two file names."""
    tokens = text.split()
    out = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i + 2 < len(tokens) and tokens[i + 1] == ":" and _LINE_NUMBER.fullmatch(tokens[i + 2]):
            out.append(f"{token}:{int(tokens[i + 2])}")
            i += 3
            continue
        if token.endswith(":") and len(token) > 1 and i + 1 < len(tokens) and _LINE_NUMBER.fullmatch(tokens[i + 1]):
            out.append(f"{token[:-1]}:{int(tokens[i + 1])}")
            i += 2
            continue
        if i + 1 < len(tokens) and tokens[i + 1].startswith(":") and _LINE_NUMBER.fullmatch(tokens[i + 1][1:]):
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
