"""Reading and writing PO files: strict UTF-8, syntax errors with line numbers, atomic saves."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import polib

from termweave.catalog.reader import read_po
from termweave.errors import InputError
from termweave.fsutil import read_text, write_if_changed

WRAP_WIDTH = 78
DATE_HEADERS = ("POT-Creation-Date", "PO-Revision-Date")


def load_po(path: str | Path) -> polib.POFile:
    """Parse a PO/POT file; a syntax error becomes an InputError with the file and line."""
    path = Path(path)
    return parse_po(read_text(path), path)


def parse_po(text: str, path: Path) -> polib.POFile:
    """Parse the text of the PO file at ``path`` (already read)."""
    _, _, strict_entries = read_po(text, path)  # strict syntax first: polib accepts what msgfmt rejects
    try:
        po = polib.pofile(text, wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError) as exc:
        match = re.search(r"\(line (\d+)\)", str(exc))
        raise InputError("PO syntax error", path, int(match.group(1)) if match else None) from None
    po.fpath = str(path)
    # Every entry's ``line`` is its msgid keyword's line, as gettext tools and the checks cite it
    # (polib's ``linenum`` is where the entry's comments start); the entry model's field name.
    msgid_lines = {(e.context, e.msgid): e.line for e in strict_entries}
    for entry in po:
        entry.line = msgid_lines.get((entry.msgctxt, entry.msgid))
    return po


def po_timestamp(now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    return now.strftime("%Y-%m-%d %H:%M%z")


def render_po(po: polib.POFile) -> str:
    po.wrapwidth = WRAP_WIDTH
    text = str(po)
    return text if text.endswith("\n") else text + "\n"


def _without_dates(text: str) -> str:
    return re.sub(r'^"(%s): [^"\\]*\\n"$' % "|".join(DATE_HEADERS), "", text, flags=re.MULTILINE)


def save_po(po: polib.POFile, path: str | Path, on_change: dict[str, str] | None = None) -> bool:
    """Write ``po`` atomically unless only its dates would change.

    The dates of the file on disk are kept; when the content (dates aside) equals the file,
    nothing is written, so running a step twice leaves every file as it was. Otherwise the
    headers in ``on_change`` (typically a fresh date) are set and the file is replaced.
    Returns True when the file was written.
    """
    path = Path(path)
    on_change = on_change or {}
    rendered = None
    if path.exists():
        old = path.read_text(encoding="utf-8")
        old_po = polib.pofile(old, wrapwidth=WRAP_WIDTH)
        for key in DATE_HEADERS:
            if key in old_po.metadata:
                po.metadata[key] = old_po.metadata[key]
        rendered = render_po(po)
        if _without_dates(rendered) == _without_dates(old):
            return False
    if rendered is None or any(key not in po.metadata for key in on_change):
        po.metadata.update(on_change)
        return write_if_changed(path, render_po(po))
    po.metadata.update(on_change)
    for key, value in on_change.items():  # the headers are there: patch them, don't render again
        rendered = re.sub(rf'^"{re.escape(key)}: [^"\\]*\\n"$', lambda _m, k=key, v=value: f'"{k}: {v}\\n"',
                          rendered, count=1, flags=re.MULTILINE)
    return write_if_changed(path, rendered)
