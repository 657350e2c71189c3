"""The one PO codec: entry model, a strict reader with gettext's rules, a writer equal to msgcat.

Reading follows GNU gettext's lexer and grammar (po-lex.c, po-gram.y, read-catalog*.c): only
``\\n`` ends a line; the escapes are ``\\n \\t \\b \\r \\f \\v \\a \\\\ \\"``, octal (1-3 digits)
and hex, decoded as bytes (so ``\\303\\251`` is "é"); anything msgfmt rejects as a syntax error
raises :class:`InputError` naming the broken line. Writing follows write-po.c: comments, then
``#:`` references wrapped at 79 columns, one normalised ``#,`` line, ``#|`` previous strings, the
strings wrapped as gettext wraps them; obsolete entries last, untranslated obsolete ones dropped.
So ``dump_po(load_po(f)) == msgcat f`` byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from termweave.errors import InputError
from termweave.formats.po_message import Message
from termweave.formats.po_read import read_messages
from termweave.formats.po_wrap import PAGE_WIDTH, wrap
from termweave.fsutil import atomic_write_text, read_text, write_if_changed

if TYPE_CHECKING:
    from datetime import datetime

DATE_HEADERS = ("POT-Creation-Date", "PO-Revision-Date")


@dataclass
class Catalog:
    """A PO/POT file: the header entry (kept as written) and the messages, obsolete ones included."""

    header: Message | None = None
    messages: list[Message] = field(default_factory=list)
    path: Path | None = None

    def __iter__(self) -> Iterator[Message]:
        """The messages, obsolete ones included (not the header)."""
        return iter(self.messages)

    @property
    def header_fields(self) -> list[tuple[str, str]]:
        """The header's ``Key: value`` lines, in their order."""
        fields = []
        for row in (self.header.msgstr if self.header else "").split("\n"):
            key, sep, value = row.partition(":")
            if sep and key.strip():
                fields.append((key.strip(), value.strip()))
        return fields

    def header_value(self, key: str) -> str | None:
        for name, value in self.header_fields:
            if name == key:
                return value
        return None

    def set_header(self, key: str, value: str) -> None:
        """Set one header field in place (its line keeps its position), or append it."""
        if self.header is None:
            self.header = Message(msgid="")
        rows = self.header.msgstr.split("\n")
        for index, row in enumerate(rows):
            if row.partition(":")[0].strip() == key and ":" in row:
                rows[index] = f"{key}: {value}"
                self.header.msgstr = "\n".join(rows)
                return
        text = self.header.msgstr
        self.header.msgstr = text + ("" if not text or text.endswith("\n") else "\n") + f"{key}: {value}\n"

    @property
    def language(self) -> str | None:
        return self.header_value("Language") or None

    @property
    def nplurals(self) -> int | None:
        match = re.search(r"nplurals\s*=\s*(\d+)", self.header_value("Plural-Forms") or "")
        return int(match.group(1)) if match else None

    @property
    def live(self) -> list[Message]:
        return [m for m in self.messages if not m.obsolete]

    def find(self, msgid: str, msgctxt: str | None = None) -> Message | None:
        for message in self.messages:
            if not message.obsolete and message.msgid == msgid and message.msgctxt == msgctxt:
                return message
        return None


def po_timestamp(now: datetime | None = None) -> str:
    from datetime import UTC, datetime  # here: a check run never writes a date (datetime costs ~1 ms to import)

    now = now or datetime.now(UTC)
    return now.strftime("%Y-%m-%d %H:%M%z")


def load_po(path: str | Path) -> Catalog:
    """Read a PO/POT file (UTF-8); bad syntax raises InputError with the file and line."""
    path = Path(path)
    return parse_po(read_text(path), path)


def parse_po(text: str, path: str | Path | None = None) -> Catalog:
    given = path if isinstance(path, Path) or path is None else Path(path)
    where = given if given is not None else Path("<string>")
    header, messages = read_messages(text, where)
    _check_charset(header, where)
    return Catalog(header=header, messages=messages, path=given)


def _check_charset(header: Message | None, path: Path) -> None:
    """Catalogs are read as UTF-8; a file declaring another charset is refused, not misread."""
    if header is None:
        return
    match = re.search(r"charset=([^\s;\n]+)", header.msgstr)
    charset = match.group(1).upper() if match else "UTF-8"
    if match is not None and charset.replace("_", "-") not in ("UTF-8", "UTF8", "CHARSET", "ASCII", "US-ASCII"):
        raise InputError(
            f"charset {match.group(1)} is not supported; convert the file first (msgconv --to-code=UTF-8 {path.name})",
            path,
            header.line or None,
        )


# --- writing ------------------------------------------------------------------------------------

FORMAT_LANGUAGES = (
    "c",
    "objc",
    "python",
    "python-brace",
    "java",
    "java-printf",
    "csharp",
    "javascript",
    "scheme",
    "lisp",
    "elisp",
    "librep",
    "ruby",
    "sh",
    "awk",
    "lua",
    "object-pascal",
    "smalltalk",
    "qt",
    "qt-plural",
    "kde",
    "kde-kuit",
    "boost",
    "tcl",
    "perl",
    "perl-brace",
    "php",
    "gcc-internal",
    "gfc-internal",
    "ycp",
)  # gettext 0.21's order (message.c format_language)


def normalized_flags(flags: list[str], with_fuzzy: bool, with_range: bool = True) -> list[str]:
    """The flags gettext writes, in its order: fuzzy, format flags, range, no-wrap; then every
    flag gettext does not know, as written (gettext drops those; Weblate and translate-toolkit
    keep them, and ``ignore-<check>`` is a reviewer's decision that must survive a rewrite)."""
    return list(_normalized_flags(tuple(flags), with_fuzzy, with_range)) if flags else []


def gettext_flag(flag: str) -> bool:
    """Is this a flag gettext reads (fuzzy, a format flag, range, wrap)? Others are a tool's own."""
    return flag in ("fuzzy", "wrap", "no-wrap") or flag.endswith("-format") or flag.startswith("range:")


@lru_cache(maxsize=1024)
def _normalized_flags(flags: tuple[str, ...], with_fuzzy: bool, with_range: bool) -> tuple[str, ...]:
    formats: dict[str, str | None] = {}  # None: impossible-<name>-format, dropped
    range_flag, no_wrap = None, False
    others: list[str] = []
    state: str | None
    for flag in flags:
        if flag == "fuzzy":
            continue
        if flag.endswith("-format"):
            name, state = flag[:-7], "yes"
            for prefix, value in (("no-", "no"), ("possible-", "yes"), ("impossible-", None)):
                if name.startswith(prefix) and name[len(prefix) :] in FORMAT_LANGUAGES:
                    name, state = name[len(prefix) :], value
                    break
            if name in FORMAT_LANGUAGES:
                formats[name] = state
        elif flag.startswith("range:") and re.fullmatch(r"range: \d+\.\.\d+", flag):
            range_flag = flag
        elif flag in ("wrap", "no-wrap"):
            no_wrap = flag == "no-wrap"
        elif not gettext_flag(flag) and flag not in others:
            others.append(flag)
    out = ["fuzzy"] if with_fuzzy and "fuzzy" in flags else []
    for name in FORMAT_LANGUAGES:
        state = formats.get(name)
        if state is not None:
            out.append(f"{name}-format" if state == "yes" else f"no-{name}-format")
    if range_flag and with_range:
        out.append(range_flag)
    if no_wrap:
        out.append("no-wrap")
    return (*out, *others)


def _comment_lines(comments: list[str]) -> list[str]:
    out = []
    for comment in comments:  # write-po.c message_print_comment: each "\n" starts a new "#" line
        rest: str | None = comment
        while rest is not None:
            head, sep, tail = rest.partition("\n")
            out.append("#" + (" " if rest else "") + head + "\n")
            rest = tail if sep else None
    return out


def _reference_lines(references: list[str]) -> list[str]:
    if not references:
        return []
    line, column, out = "#:", 2, []
    for reference in references:
        size = len(reference.encode("utf-8")) + 1
        if column > 2 and column + size > PAGE_WIDTH:
            out.append(line + "\n")
            line, column = "#:", 2
        line += " " + reference
        column += size
    out.append(line + "\n")
    return out


def render_message(message: Message) -> str:
    """One entry as gettext writes it (no blank line before it)."""
    obsolete = message.obsolete
    lines = _comment_lines(message.translator_comments)
    lines += ["#." + (" " if c else "") + c + "\n" for c in message.extracted_comments]
    lines += _reference_lines(message.references)
    with_fuzzy = obsolete or bool(message.first_msgstr)
    flags = normalized_flags(message.flags, with_fuzzy, with_range=not obsolete)
    if flags:
        lines.append("#, " + ", ".join(flags) + "\n")
    no_wrap = "no-wrap" in flags
    prefix = "#~| " if obsolete else "#| "
    for name, value in (
        ("msgctxt", message.previous_msgctxt),
        ("msgid", message.previous_msgid),
        ("msgid_plural", message.previous_msgid_plural),
    ):
        if value is not None:
            lines.append(wrap(name, value, prefix, flags, no_wrap))
    prefix = "#~ " if obsolete else ""
    strings = [("msgctxt", message.msgctxt), ("msgid", message.msgid), ("msgid_plural", message.msgid_plural)]
    if message.msgid_plural is None:
        strings.append(("msgstr", message.msgstr))
    else:
        strings += [(f"msgstr[{i}]", form) for i, form in enumerate(message.msgstr_plural or [""])]
    for name, value in strings:
        if value is not None:
            lines.append(wrap(name, value, prefix, flags, no_wrap))
    return "".join(lines)


def dump_po(catalog: Catalog) -> str:
    """The catalog's text, exactly as ``msgcat`` writes it."""
    blocks = [render_message(catalog.header)] if catalog.header is not None else []
    blocks += [render_message(m) for m in catalog.messages if not m.obsolete]
    blocks += [render_message(m) for m in catalog.messages if m.obsolete and m.first_msgstr]
    return "\n".join(blocks)


def _without_dates(text: str) -> str:
    return re.sub(rf'^"({"|".join(DATE_HEADERS)}): [^"\\]*\\n"$', "", text, flags=re.MULTILINE)


def save_po(
    catalog: Catalog, path: str | Path, on_change: dict[str, str] | None = None, current: str | None = None
) -> bool:
    """Write ``catalog`` atomically unless nothing but its dates would change. True if written.

    When the file exists and holds the same catalog (dates aside, as msgcat would write either),
    it is left alone: no churn. Otherwise the file's dates are kept, the headers in
    ``on_change`` (typically a fresh date) are set, and the file is replaced atomically.
    ``current``: the file's text when the caller has it already (it is not read again).
    """
    path = Path(path)
    old_text = current if current is not None else path.read_text(encoding="utf-8") if path.exists() else None
    if old_text is not None:
        try:
            old = parse_po(old_text, path)
        except InputError:
            old = None
        if old is not None:
            for key in DATE_HEADERS:
                value = old.header_value(key)
                if value is not None and catalog.header_value(key) is not None:
                    catalog.set_header(key, value)
            if _without_dates(dump_po(old)) == _without_dates(dump_po(catalog)):
                return False
    for key, value in (on_change or {}).items():
        catalog.set_header(key, value)
    text = dump_po(catalog)
    if old_text is not None and current is not None:  # compared with what is there: no second read
        if text == old_text:
            return False
        atomic_write_text(path, text)
        return True
    return write_if_changed(path, text)
