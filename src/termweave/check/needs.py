"""What a content check needs (``Check.needs``), found for a whole batch of pairs at once.

A check that can only report on a pair whose translation (or source) has some mark — a digit, a
quotation mark, "://" — names it; the runner then searches the batch's texts, joined, in one
pass and calls the check on the pairs that have it only. Most pairs have none of the marks a
check looks for, and one search over many texts costs less than a call per pair.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add

from termweave.check.context import EntryContext
from termweave.check.registry import Check

PROBE = 100  # matching texts after which a search gives up when half the texts so far have matched


@dataclass
class Joined:
    """A batch's texts joined by NUL, to search them all in one pass (what a check needs never
    matches a NUL, so no match spans two texts)."""

    text: str
    bounds: list[int]  # where each text's successor starts

    @classmethod
    def of(cls, texts: list[str]) -> Joined:
        return cls("\0".join(texts), list(accumulate(map(add, map(len, texts), repeat(1)))))  # (no Python loop)

    def matching(self, pattern: re.Pattern[str]) -> list[int] | None:
        """The positions of the texts in which ``pattern`` finds something (one search each), or
        None when half of the texts so far have it, past :data:`PROBE` of them (a search and a
        bisection per text that has it cost more than the check's own test on every text)."""
        found = []
        search, text, bounds = pattern.search, self.text, self.bounds
        at = 0
        while (m := search(text, at)) is not None:
            i = bisect_right(bounds, m.start())
            found.append(i)
            if len(found) >= PROBE and len(found) > 0.5 * i:
                return None
            at = bounds[i]
        return found

    def containing(self, marks: tuple[str, ...]) -> list[int]:
        """The positions of the texts that contain one of ``marks`` (str.find: faster than a
        pattern of alternatives, which tries each of them at every character)."""
        found: set[int] = set()
        text, bounds = self.text, self.bounds
        for mark in marks:
            at = text.find(mark)
            while at >= 0:
                i = bisect_right(bounds, at)
                found.add(i)
                at = text.find(mark, bounds[i])
        return sorted(found)

    def having(self, needs: re.Pattern[str] | tuple[str, ...]) -> list[int] | None:
        return self.containing(needs) if isinstance(needs, tuple) else self.matching(needs)


def needing(check: Check, pairs: list[EntryContext], joined: dict[str, Joined]) -> list[int] | None:
    """The positions in ``pairs`` of the pairs that have what ``check.needs`` (see Check.needs);
    None: most do, call the check on every pair. ``joined``: the batch's texts, joined once."""
    assert check.needs is not None
    if "translation" not in joined:
        joined["translation"] = Joined.of([ctx.translation for ctx in pairs])
    chosen = joined["translation"].having(check.needs)
    if chosen is None or not check.needs_source:
        return chosen
    if "source" not in joined:
        joined["source"] = Joined.of([ctx.source for ctx in pairs])
    in_source = joined["source"].having(check.needs)
    return None if in_source is None else sorted(set(chosen).union(in_source))
