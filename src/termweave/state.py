"""What the last ``run`` left, per article, so the next one can skip what did not change.

``.termweave/state.json`` holds, for each article, a fingerprint of every file the article's
run reads or writes (seed, glossaries, configuration, catalogs, template, editions, MO files,
review page), of termweave's own code and of the installed MT models, taken when that run
ended, with the figures it reported. An article whose fingerprint is unchanged is *settled*:
the run would read the same inputs and write the same bytes, so it is neither parsed nor
checked nor rebuilt, and its figures come from the state. Like ``make``, but by content, not by
date. A missing, stale or unreadable state file only means more work: it is never an error.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

import termweave
from termweave.fsutil import write_if_changed

STATE_FILE = Path(".termweave") / "state.json"
# The fields of a status row (termweave.status.Standing), as the state stores them.
STANDING_KEYS = frozenset(
    {
        "article",
        "lang",
        "catalog",
        "messages",
        "translated",
        "fuzzy",
        "untranslated",
        "errors",
        "warnings",
        "words_to_translate",
    }
)
FORMAT = 1


@dataclass
class ArticleState:
    fingerprint: str
    editions: int = 0  # editions published
    held_back: list[str] = field(default_factory=list)  # "path (reason)"
    errors: int = 0
    warnings: int = 0
    standings: list[dict] = field(default_factory=list)  # status.Standing fields, per language


def state_path(root: Path) -> Path:
    return root / STATE_FILE


def load_state(root: Path) -> dict[str, ArticleState]:
    """The state of the last run; empty when there is none or it is not what this version
    writes (a damaged or hand-edited file means more work, never an error)."""
    try:
        data = json.loads(state_path(root).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return {}
        states = {name: ArticleState(**values) for name, values in data["articles"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}
    return states if all(_well_formed(state) for state in states.values()) else {}


def _well_formed(state: ArticleState) -> bool:
    counts = (state.editions, state.errors, state.warnings)
    rows_ok = all(isinstance(row, dict) and set(row) == STANDING_KEYS for row in state.standings)
    return (
        isinstance(state.fingerprint, str)
        and all(type(c) is int for c in counts)
        and rows_ok
        and isinstance(state.held_back, list)
        and all(isinstance(h, str) for h in state.held_back)
    )


def save_state(root: Path, states: dict[str, ArticleState]) -> bool:
    data = {"format": FORMAT, "articles": {name: asdict(states[name]) for name in sorted(states)}}
    return write_if_changed(state_path(root), json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def code_fingerprint() -> str:
    """termweave's version and source: a changed rule must not be skipped as 'settled'."""
    digest = hashlib.sha256(termweave.__version__.encode())
    package = Path(termweave.__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def files_fingerprint(paths: list[Path], shared: str, known: Mapping[Path, bytes] | None = None) -> str:
    """``known``: the bytes of files this process has already read or written (not read again)."""
    digest = hashlib.sha256(shared.encode())
    for path in paths:
        digest.update(str(path).encode() + b"\0")
        if known is not None and path in known:
            digest.update(hashlib.sha256(known[path]).digest())
            continue
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()
