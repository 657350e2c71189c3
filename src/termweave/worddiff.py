"""Word-level differences between a fuzzy entry's previous source (``#|``) and its current one.

What changed in a 60-word sentence is often one word; Poedit and Weblate highlight it, and so
do the review page (``<del>``/``<ins>``) and ``termweave check`` (``[-old-]{+new+}`` as
``git diff --word-diff`` and wdiff write it, or red and green on a terminal). Words are runs of
letters/digits (with inner apostrophes and hyphens), each other non-space character is a word
of its own, and a run of whitespace is a token too, so the spaces between two changed words
stay outside the marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Op = Literal["equal", "delete", "insert"]
_TOKEN = r"\s+|\w+(?:[’ʼ'-]\w+)*|[^\w\s]"  # compiled on first use (re's cache): most runs show no diff


@dataclass(frozen=True)
class Piece:
    op: Op
    text: str


def tokens(text: str) -> list[str]:
    return re.findall(_TOKEN, text)


def word_diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn ``old`` into ``new``: equal runs, deletions, insertions (a replacement is
    a deletion followed by an insertion). Joining the equal and deleted pieces gives ``old``, the
    equal and inserted ones ``new``."""
    import difflib  # only where a diff is shown (a fuzzy entry's previous source)

    a, b = tokens(old), tokens(new)
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    pieces: list[Piece] = []
    deleted, inserted = "", ""  # the change being gathered
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        between_changes = 0 < index < len(opcodes) - 1 and "".join(a[i1:i2]).isspace()
        if tag == "equal" and not between_changes:
            _flush(pieces, deleted, inserted)
            deleted, inserted = "", ""
            _add(pieces, "equal", "".join(a[i1:i2]))
            continue
        # A space between two changed words joins them: [-the DPRK-]{+North Korea+}, not word by word.
        deleted += "".join(a[i1:i2])
        inserted += "".join(b[j1:j2])
    _flush(pieces, deleted, inserted)
    return pieces


def _flush(pieces: list[Piece], deleted: str, inserted: str) -> None:
    _add(pieces, "delete", deleted)
    _add(pieces, "insert", inserted)


def _add(pieces: list[Piece], op: Op, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].op == op:
        pieces[-1] = Piece(op, pieces[-1].text + text)
    else:
        pieces.append(Piece(op, text))


def compact(pieces: list[Piece], context_words: int = 6) -> list[Piece]:
    """Long unchanged runs shortened to ``context_words`` words on each side of a change, with "…"."""
    out: list[Piece] = []
    for index, piece in enumerate(pieces):
        if piece.op != "equal":
            out.append(piece)
            continue
        words = tokens(piece.text)
        keep_left = index > 0  # after a change: keep its right context
        keep_right = index < len(pieces) - 1  # before a change: keep its left context
        if len(words) <= 2 * context_words * 2 + 1:  # tokens count spaces: about 2 per word
            out.append(piece)
            continue
        head = "".join(words[: 2 * context_words]) if keep_left else ""
        tail = "".join(words[-2 * context_words :]) if keep_right else ""
        out.append(Piece("equal", head + "…" + tail))
    return out


def changed(pieces: list[Piece]) -> bool:
    return any(piece.op != "equal" for piece in pieces)


def as_text(pieces: list[Piece], color: bool = False) -> str:
    """One line: ``[-deleted-]{+inserted+}`` (git's --word-diff=plain), or red/green on a terminal."""
    out = []
    for piece in pieces:
        text = piece.text.replace("\n", "⏎")
        if piece.op == "equal":
            out.append(text)
        elif color:
            out.append(f"\033[31;9m{text}\033[0m" if piece.op == "delete" else f"\033[32;4m{text}\033[0m")
        else:
            out.append(f"[-{text}-]" if piece.op == "delete" else f"{{+{text}+}}")
    return "".join(out)
