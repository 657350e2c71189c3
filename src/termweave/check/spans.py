"""Spans of a text that are not prose, and blanking them (offsets kept)."""

from __future__ import annotations

from termweave.patterns import MARKUP_RE


def markup_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each span :func:`termweave.patterns.find_markup` finds (no Span objects made)."""
    if "<" not in text and "&" not in text and "`" not in text:
        return []
    return [m.span() for m in MARKUP_RE.finditer(text)]


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by as many spaces (offsets stay valid)."""
    if not spans:
        return text
    if len(spans) == 1:
        ((a, b),) = spans
        return text[:a] + " " * (b - a) + text[b:]
    parts = []
    at = 0  # the text up to here is written (spans may overlap)
    for a, b in sorted(spans):
        if b <= at:
            continue
        if a > at:
            parts.append(text[at:a])
        else:
            a = at
        parts.append(" " * (b - a))
        at = b
    parts.append(text[at:])
    return "".join(parts)
