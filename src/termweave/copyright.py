"""The copyright line, one definition for segmenting, checks, editions and JATS:
"Copyright © 2024 Holder", "© 2024 Holder", "(c) 2024 Holder", "Copyright 2024 Holder"."""

from __future__ import annotations

import re

# Possessive \s*+ : "Copyright" + 16k spaces + "x" fails in linear time.
COPYRIGHT_RE = re.compile(r"^\s*+(?:Copyright\s*+(?:\(c\)|©)?|©|\(c\))\s*+(?P<year>\d{4})", re.IGNORECASE)


def copyright_year_holder(line: str) -> tuple[str, str] | None:
    """(year, holder) of a copyright line (the holder may be empty), or None if it is none."""
    match = COPYRIGHT_RE.match(line)
    return (match.group("year"), line[match.end() :].strip()) if match else None


def differing_span(source: str, translation: str) -> tuple[int, int]:
    """The span of ``translation`` that differs from ``source`` (common prefix/suffix removed)."""
    prefix = 0
    limit = min(len(source), len(translation))
    while prefix < limit and source[prefix] == translation[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and source[len(source) - 1 - suffix] == translation[len(translation) - 1 - suffix]:
        suffix += 1
    return prefix, len(translation) - suffix
