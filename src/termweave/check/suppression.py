"""Per-entry suppression in Weblate's style: ``#, ignore-term-missing`` in an entry's flags.

The one reading of those flags, used by the checks (which findings to drop) and by the review
page (which checks an entry has switched off).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

IGNORE_PREFIX = "ignore-"
_IGNORE_LIKE_RE = re.compile(r"^ignore\b|^ignore_", re.I)
_IGNORE = r"^ignore-([a-z0-9]+(?:-[a-z0-9]+)*)$"  # compiled on first use (re's cache): few entries have one


def looks_like_suppression(flag: str) -> bool:
    """ "ignore-quotes", but also the malformed "ignore", "ignore_quotes", "Ignore-x"."""
    return bool(_IGNORE_LIKE_RE.match(flag))


def suppressed_id(flag: str) -> str | None:
    """The check id of a well-formed ``ignore-<id>`` flag (known or not), else None."""
    m = re.match(_IGNORE, flag)
    return m.group(1) if m else None


def suppressed_ids(flags: Iterable[str]) -> list[str]:
    """The check ids an entry's well-formed ``ignore-<id>`` flags name, in flag order."""
    return [check_id for flag in flags if (check_id := suppressed_id(flag)) is not None]
