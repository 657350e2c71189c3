"""Blanking the spans of a text that are not prose (offsets kept)."""

from __future__ import annotations


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
