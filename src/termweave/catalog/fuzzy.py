"""msgmerge's fuzzy search (gettext 0.21 msgl-fsearch.c, message.c), exactly, but vectorised.

gettext scores a candidate with ``fstrcmp``: 2·LCS / (len a + len b) over the UTF-8 *bytes*,
which is rapidfuzz's Indel normalized similarity on the same bytes. A candidate is any old
message whose (first) msgstr is not empty, obsolete ones included. It must score above
``FUZZY_THRESHOLD`` (0.6); a candidate without msgctxt, or with the wanted msgctxt, gets a bonus
of 0.00001 (so exactly 0.6 is enough for it). Which candidates are looked at at all: for a msgid
of 4 or more characters those sharing a character 4-gram with it, visited by decreasing number
of shared 4-grams, then file order; for shorter msgids those whose msgid has a byte length
within [⌈l/(2/0.6−1)⌉, ⌊l·(2/0.6−1)⌋] (and at most 28 bytes). The first candidate with the
strictly highest score wins. rapidfuzz's ``cdist`` scores all pairs in C++; the few above the
threshold are then ranked in Python exactly as gettext ranks them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Indel

from termweave.formats.po import Message

FUZZY_THRESHOLD = 0.6
CONTEXT_BONUS = 0.00001
SHORT_MSG_MAX = 28  # gettext: SHORT_STRING_MAX_BYTES * (2 / FUZZY_THRESHOLD - 1)


def as_bytes_text(text: str) -> str:
    """``text``'s UTF-8 bytes as a str, one character per byte: fstrcmp compares bytes."""
    return text.encode("utf-8").decode("latin-1")


def grams(text: str) -> list[str]:
    """The character 4-grams of ``text``, in order, repeats included."""
    return [text[i : i + 4] for i in range(len(text) - 3)]


def similarity(a: str, b: str) -> float:
    """gettext's fstrcmp of two strings already in byte form, computed as gettext does."""
    total = len(a) + len(b)
    if total == 0:
        return 1.0
    return (total - Indel.distance(a, b)) / total


@dataclass
class FuzzyIndex:
    """The old messages that may lend a translation, prepared once per merge."""

    candidates: list[Message]
    byte_ids: list[str] = field(default_factory=list)
    gram_sets: dict[int, frozenset[str]] = field(default_factory=dict)  # filled for the candidates that score

    def __post_init__(self) -> None:
        self.byte_ids = [as_bytes_text(m.msgid) for m in self.candidates]

    def grams_of(self, index: int) -> frozenset[str]:
        if index not in self.gram_sets:
            self.gram_sets[index] = frozenset(grams(self.candidates[index].msgid))
        return self.gram_sets[index]

    def goal(self, index: int, msgctxt: str | None, byte_id: str) -> float:
        """gettext's fuzzy_search_goal_function."""
        candidate = self.candidates[index]
        bonus = CONTEXT_BONUS if candidate.msgctxt is None or candidate.msgctxt == msgctxt else 0.0
        return similarity(byte_id, self.byte_ids[index]) + bonus

    def search_many(self, wanted: list[Message]) -> list[Message | None]:
        """The donor msgmerge picks for each of ``wanted`` (None: no message is similar enough)."""
        if not wanted or not self.candidates:
            return [None] * len(wanted)
        queries = [as_bytes_text(m.msgid) for m in wanted]
        # Everything that can pass (score + bonus > threshold) survives this cut; float32 slack included.
        scores = process.cdist(
            queries,
            self.byte_ids,
            scorer=Indel.normalized_similarity,
            score_cutoff=FUZZY_THRESHOLD - 2 * CONTEXT_BONUS,
            workers=1,
        )
        found: list[Message | None] = []
        for row, message in enumerate(wanted):
            hits = scores[row].nonzero()[0].tolist()
            found.append(self._best(message, queries[row], hits) if hits else None)
        return found

    def _best(self, message: Message, byte_id: str, hits: list[int]) -> Message | None:
        if len(message.msgid) >= 4:
            query_grams = grams(message.msgid)
            order = []
            for index in hits:
                candidate_grams = self.grams_of(index)
                shared = sum(1 for g in query_grams if g in candidate_grams)
                if shared:
                    order.append((-shared, index))
            visit = [index for _, index in sorted(order)]
        else:
            size = len(byte_id)
            low, high = math.ceil(size / (2 / FUZZY_THRESHOLD - 1)), int(size * (2 / FUZZY_THRESHOLD - 1))
            lengths = {i: len(self.byte_ids[i]) for i in hits}
            visit = sorted(
                (i for i in hits if low <= lengths[i] <= min(high, SHORT_MSG_MAX)), key=lambda i: (lengths[i], i)
            )
        best, best_weight = None, FUZZY_THRESHOLD
        for index in visit:
            weight = self.goal(index, message.msgctxt, byte_id)
            if weight > best_weight:
                best, best_weight = self.candidates[index], weight
        return best
