"""Paths and helpers shared by the tests (imported as ``support``; conftest holds fixtures)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from termweave.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "alliance-of-villains.txt"
DATA = Path(__file__).resolve().parent / "data"


def snapshot(folder: Path) -> dict[str, str]:
    """Path -> sha256 of every file under ``folder`` (to prove nothing changed)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_cli(*argv: str) -> int:
    return main(list(argv))


EXTRA_SENTENCE = "The study covers the years 2014–2024."


def toggle_seed_sentence(project: Path, on: bool) -> None:
    """Add or drop one sentence at the end of the shipped seed's abstract, so every ``update``
    or ``run`` has catalogs to rewrite (used by the concurrency and kill tests and benchmark)."""
    seed = project / "seeds" / "alliance-of-villains.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    at = lines.index("Downloads") - 1
    lines[at] = lines[at].removesuffix(" " + EXTRA_SENTENCE) + (" " + EXTRA_SENTENCE if on else "")
    seed.write_text("\n".join(lines), encoding="utf-8")


def sentence_entry(po, start: str):
    """The live sentence message (no msgctxt: its text is its identity) whose source starts with ``start``."""
    return next(e for e in po if not e.obsolete and e.msgctxt is None and e.msgid.startswith(start))


def make_positional(po_path: Path, prefix: str = "") -> None:
    """Rewrite a shipped catalog into the old positional scheme (msgctxt ``abstract.p3.s2``), as catalogs
    written before text-based identity were, so migration tests start from real legacy files."""
    import polib

    from termweave.segment import parse_seed

    ids = {s.text: s.id for s in parse_seed(SEED).segments if s.kind == "sentence"}
    po = polib.pofile(str(po_path))
    for entry in po:
        if not entry.obsolete and entry.msgctxt is None and entry.msgid in ids:
            entry.msgctxt = prefix + ids[entry.msgid]
    po.save(str(po_path))
