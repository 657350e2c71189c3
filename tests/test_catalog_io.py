"""One `termweave run` reads each catalog at most once and writes it at most once."""

import sys
from collections import Counter
from pathlib import Path

from support import SEED, run_cli

_EVENTS: list[tuple[str, str]] | None = None  # set while a test records file events


def _record(event: str, args: tuple) -> None:
    if _EVENTS is None:
        return
    if event == "open" and isinstance(args[0], (str, Path)) and str(args[0]).endswith(".po"):
        mode = args[1] or "r"
        _EVENTS.append(("write" if any(c in mode for c in "wax+") else "read", Path(args[0]).name))
    elif event == "os.rename" and str(args[1]).endswith(".po"):  # atomic writes end with os.replace
        _EVENTS.append(("write", Path(args[1]).name))


sys.addaudithook(_record)  # a hook cannot be removed: it records only while _EVENTS is a list


def _run_and_count() -> Counter:
    global _EVENTS
    _EVENTS = []
    try:
        run_cli("-q", "run")
        return Counter(_EVENTS)
    finally:
        _EVENTS = None


def test_a_run_reads_and_writes_each_catalog_once(project):
    seed = project / "seeds" / SEED.name
    # An edited sentence: the run rewrites both catalogs (the entry becomes fuzzy).
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("Abstract", "Abstract", 1).replace(" war", " conflict", 1),
        encoding="utf-8",
    )
    counts = _run_and_count()
    for name in ("uk.po", "ko.po"):
        # One read when the project loads; the write guard (termweave.lock) reads the file once
        # more just before replacing it, to refuse overwriting a translator's edit made meanwhile.
        assert counts["read", name] == 2, counts
        assert counts["write", name] == 1, counts
    counts = _run_and_count()  # nothing changed since: read once, not written
    for name in ("uk.po", "ko.po"):
        assert counts["read", name] <= 1 and counts["write", name] == 0, counts
