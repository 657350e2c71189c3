"""The glossary CSV on disk: cell protection against spreadsheet formulas, and the writer.

A cell that a spreadsheet would evaluate (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is written with a leading apostrophe, as OWASP's CSV-injection guidance
recommends, and the CSV writer quotes any cell holding a comma, quote or line break. The
reader (:func:`unprotect_cell`, used by ``load_glossary``) removes exactly one such apostrophe,
so every value survives a write and a read unchanged -- a value that itself starts with
apostrophes before a formula character gets one more on the way out.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from termweave.errors import InputError
from termweave.fsutil import read_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PROTECTED = re.compile(r"^'+[=+\-@\t\r]")


def protect_cell(value: str) -> str:
    """``value`` as it is written: an apostrophe before a formula start (or before an apostrophe run that
    precedes one, so that reading it back is exact)."""
    if value.startswith(FORMULA_STARTS) or _PROTECTED.match(value):
        return "'" + value
    return value


def unprotect_cell(cell: str) -> str:
    """The value of a cell as written by :func:`protect_cell`."""
    return cell[1:] if _PROTECTED.match(cell) else cell


def csv_text(header: list[str], rows: list[dict[str, str]], newline: str = "\r\n") -> str:
    """The CSV text of ``rows`` (column -> value; a missing column is empty), every cell protected.
    RFC 4180 line ends by default, as the shipped glossary."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow([protect_cell(column) for column in header])
    for row in rows:
        writer.writerow([protect_cell(row.get(column, "")) for column in header])
    return out.getvalue()


def existing_newline(path: Path) -> str:
    """The line ending an existing CSV uses (kept on re-import), CRLF when unknown."""
    try:
        data = path.read_bytes()
    except OSError:
        return "\r\n"
    first = data.find(b"\n")
    return "\n" if first > 0 and data[first - 1 : first] != b"\r" else "\r\n"


def existing_header(path: Path) -> list[str] | None:
    """The header line of an existing glossary CSV, or None when there is none to follow."""
    try:
        first = read_text(path).splitlines()[0]
    except (InputError, IndexError):
        return None
    try:
        return [c.strip() for c in next(csv.reader([first]))]
    except (csv.Error, StopIteration):
        return None
