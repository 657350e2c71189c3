"""How GNU gettext writes a PO string: escapes and line wrapping (write-po.c ``wrap``).

gettext breaks long strings with libunistring's Unicode line breaker (UAX #14,
``ulc_width_linebreaks``), counting columns as a terminal does (East Asian wide characters take
two). To be byte-identical with ``msgcat`` termweave calls that very function from
``libunistring.so.2``, which every system with GNU gettext has. Without the library a plain
break-after-space rule stands in (identical on text made of spaces and narrow letters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

PAGE_WIDTH = 79

# libunistring's break codes (unilbrk.h)
_UNDEFINED, _PROHIBITED, _POSSIBLE = 0, 1, 2
_POSSIBLE_BYTE = bytes([_POSSIBLE])

# The escapes gettext writes: the C escapes, backslash and quote. Everything else is written raw.
_WRITE_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}
_NEEDS_ESCAPE = re.compile(r'[\a\b\f\n\r\t\v\\"]')

# Format directives gettext does not break inside (the languages real catalogs flag). These and
# _MAYBE_WIDE are compiled on first use (re's cache): a run that only reads catalogs writes none.
_PYTHON = r"%(?:\([^)]*\))?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+)?)?[hlL]?[%crsiduoxXeEfgG]"
_PYTHON_BRACE = r"\{(?:[A-Za-z_]\w*|\d+)(?:\.[A-Za-z_]\w*|\[(?:[A-Za-z_]\w*|\d+)\])*(?::[^{}]*)?\}"
_C = r"%(?:\d+\$)?[-+ #0'I]*(?:\*|\d+)?(?:\.(?:\*|\d+)?)?(?:hh|h|ll|l|L|q|j|z|t)?[a-zA-Z%]"


_ESCAPE_TABLE = str.maketrans(_WRITE_ESCAPES)
# No character below U+1100 is East Asian wide: with these counted twice, a width is never underestimated.
# (Written as the complement of a small range: a class over the large one takes ~5 ms to compile.)
_MAYBE_WIDE = "[^\x00-\u10ff]"


def escape(text: str) -> str:
    """The PO spelling of ``text`` (without quotes)."""
    return text.translate(_ESCAPE_TABLE) if _NEEDS_ESCAPE.search(text) else text


def _library_names() -> Iterator[str | None]:
    yield from ("libunistring.so.5", "libunistring.so.2")
    import ctypes.util  # it imports subprocess and shutil, and runs ldconfig: only if the usual names fail

    yield ctypes.util.find_library("unistring")


@lru_cache(maxsize=1)
def _libunistring() -> Callable[[bytes, int, int, bytes], bytes] | None:
    """libunistring's width line breaker as ``(data, width, start column, overrides) -> break
    codes``, or None when the library is not installed. ctypes loads here, on the first wrap."""
    import ctypes

    func = _breaker_function()
    if func is None:
        return None

    def linebreaks(data: bytes, width: int, start: int, overrides: bytes) -> bytes:
        result = ctypes.create_string_buffer(len(data))
        func(data, len(data), width, start, 0, overrides, b"UTF-8", result)
        return result.raw

    return linebreaks


def _breaker_function() -> Callable[..., int] | None:
    """``u8_width_linebreaks`` of the first libunistring that loads."""
    import ctypes

    for name in _library_names():
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        func = getattr(lib, "u8_width_linebreaks_v2", None) or getattr(lib, "u8_width_linebreaks", None)
        if func is None:
            continue
        func.restype = ctypes.c_int
        func.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_char_p,
        ]
        return func
    return None


def _plain_breaks(data: bytes, width: int, start: int, overrides: bytes) -> list[int]:
    """Fallback breaker: break after a space when the next word would pass ``width``."""
    text = data.decode("utf-8")
    offsets, breaks, column, at = [], [], start, 0
    for char in text:
        offsets.append(at)
        at += len(char.encode("utf-8"))
    last_space = None  # (byte offset after the space, column there)
    for index, char in enumerate(text):
        char_width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if column + char_width > width and last_space is not None and char != " ":
            breaks.append(last_space[0])
            column -= last_space[1]
            last_space = None
        column += char_width
        nxt = offsets[index + 1] if index + 1 < len(offsets) else len(data)
        if char == " " and nxt < len(data) and overrides[nxt] != _PROHIBITED and text[index + 1] != " ":
            last_space = (nxt, column)
    return breaks


def _breaks(data: bytes, width: int, start: int, overrides: bytes) -> list[int]:
    """Byte offsets in ``data`` before which a line break goes."""
    breaker = _libunistring()
    if breaker is None:
        return _plain_breaks(data, width, start, overrides)
    raw = breaker(data, width, start, overrides)
    found, at = [], raw.find(_POSSIBLE_BYTE)
    while at >= 0:
        found.append(at)
        at = raw.find(_POSSIBLE_BYTE, at + 1)
    return found


_CONTINUATION = bytes(_PROHIBITED if 0x80 <= b < 0xC0 else _UNDEFINED for b in range(256))
_ESCAPE_PAIR = re.compile(rb"\\.")


def _portion(text: str, inside_directive: set[int], offset: int) -> tuple[bytes, bytes]:
    """The escaped UTF-8 bytes of one portion and gettext's per-byte break overrides.

    No break inside a multibyte character (continuation bytes), between a backslash and its
    letter, or inside a format directive; none right before a final "\\n".
    """
    data = escape(text).encode("utf-8")
    overrides = bytearray(data.translate(_CONTINUATION))
    if b"\\" in data:
        for match in _ESCAPE_PAIR.finditer(data):
            overrides[match.start() + 1] = _PROHIBITED
    for index in inside_directive:
        if offset <= index < offset + len(text):
            overrides[len(escape(text[: index - offset]).encode("utf-8"))] = _PROHIBITED
    if text.endswith("\n"):
        overrides[len(data) - 2] = _PROHIBITED
    return data, bytes(overrides)


def _inside_directives(value: str, flags: list[str]) -> set[int]:
    """Indexes of characters that start no line: inside a format directive, as gettext 0.21 marks them.

    Its parsers stop at the first invalid directive. The python-brace parser records its
    directives relative to the directive rather than the string (format.h FDI_SET), so what it
    protects is the start of the string, up to the shortest directive's length.
    """
    names = {flag.removeprefix("possible-") for flag in flags}
    for flag in ("c-format", "python-format", "python-brace-format"):
        if flag in names:
            break
    else:
        return set()
    if flag == "python-brace-format":
        lengths = []
        for at in (i for i, c in enumerate(value) if c == "{"):
            if value.startswith("{{", at) or (at > 0 and value[at - 1] == "{"):
                continue
            match = re.compile(_PYTHON_BRACE).match(value, at)
            if match is None:
                break
            lengths.append(match.end() - at)
        return set(range(1, min(lengths))) if lengths else set()
    inside: set[int]
    pattern, inside = re.compile(_C if flag == "c-format" else _PYTHON), set()
    for at in (i for i, c in enumerate(value) if c == "%"):
        if inside and at in inside:
            continue
        match = pattern.match(value, at)
        if match is None:
            break
        inside.update(range(at + 1, match.end()))
    return inside


def wrap(name: str, value: str, prefix: str = "", flags: list[str] | None = None, no_wrap: bool = False) -> str:
    """``name "value"`` as gettext writes it, one or more lines, each ending in a newline."""
    escaped = escape(value)
    columns = len(escaped) if escaped.isascii() else len(escaped) + len(re.findall(_MAYBE_WIDE, escaped))
    if "\n" not in value[:-1] and len(prefix) + len(name) + columns + 3 <= PAGE_WIDTH:
        return f'{prefix}{name} "{escaped}"\n'  # fits on its first line: nothing to break
    inside = _inside_directives(value, flags or []) if value else set()
    width = (PAGE_WIDTH if not no_wrap else 2**31 - 1) - 1 - (len(prefix) + 1)
    portions = _split_on_newline(value)
    out: list[str] = []
    first_line, offset = True, 0
    for index, text in enumerate(portions):
        data, overrides = _portion(text, inside, offset)
        more = index + 1 < len(portions)
        start = len(prefix) + (len(name) + 1 if first_line else 0) + 1 - (len(prefix) + 1)
        breaks = _breaks(data, width, start, overrides) if data else []
        if first_line and data and (more or start > width or breaks):
            out.append(f'{prefix}{name} ""\n')
            first_line = False
            start = 0
            breaks = _breaks(data, width, start, overrides)
        lead = f"{prefix}{name} " if first_line else prefix
        first_line = False
        pieces, at = [], 0
        for cut in breaks:
            pieces.append(data[at:cut])
            at = cut
        pieces.append(data[at:])
        out.append(lead + '"' + f'"\n{prefix}"'.join(p.decode("utf-8") for p in pieces) + '"\n')
        offset += len(text)
    return "".join(out)


def _split_on_newline(value: str) -> list[str]:
    """Portions ending after each "\\n" (only "\\n": U+2028, U+0085 ... stay inside a portion)."""
    if not value:
        return [""]
    parts = value.split("\n")
    portions = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        portions.append(parts[-1])
    return portions
