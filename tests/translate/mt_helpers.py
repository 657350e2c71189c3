"""Shared test data and helpers for the translate tests (catalog fixtures, subprocess env)."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
NETBLOCK = Path(__file__).resolve().parent / "netblock"


GLOSSARY = textwrap.dedent("""\
    id,en,uk,ko,uk_forbidden,ko_forbidden,note
    enemy,enemy,супротивник,적국,,,Test term: the copy model's 2nd hypothesis renders it.
    state,state,держава,국가,,,Test term no hypothesis of a copy model renders.
    """)

SEGMENTS = [
    ("title", "The alliance of villains against Ukraine"),
    ("doi", "https://doi.org/10.5281/zenodo.20391772"),
    ("abstract.p1.s1", "The union signed the treaty in June 2024 (see https://doi.org/10.5281/zenodo.20391772)."),
    ("abstract.p1.s2", "Results table shows 45 troops and 3 partners."),
    ("abstract.p2.s1", "Russia supplies ammunition."),
    ("abstract.p2.s2", "China and Beijing see the West."),
    ("copyright", "Copyright (c) 2026 Павло Гай-Нижник"),
    ("licence", "Published under a licence."),
    ("ui.keywords", "Keywords"),
]


def write_catalog(
    path: Path,
    lang: str,
    segments=SEGMENTS,
    translated: dict | None = None,
    fuzzy: dict | None = None,
    obsolete: list | None = None,
) -> Path:
    """A catalog as termweave's update step writes it (polib, wrap 78)."""
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": "termweave-test",
        "POT-Creation-Date": "2026-01-01 00:00+0000",
        "PO-Revision-Date": "2026-01-01 00:00+0000",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "en",
    }
    for number, (ctx, text) in enumerate(segments, 1):
        entry = polib.POEntry(msgctxt=ctx, msgid=text, msgstr="", occurrences=[("seeds/test.txt", str(number))])
        if translated and ctx in translated:
            entry.msgstr = translated[ctx]
        if fuzzy and ctx in fuzzy:
            entry.msgstr = fuzzy[ctx]
            entry.flags.append("fuzzy")
        po.append(entry)
    for ctx, text, old in obsolete or []:
        po.append(polib.POEntry(msgctxt=ctx, msgid=text, msgstr=old, obsolete=True))
    path.parent.mkdir(parents=True, exist_ok=True)
    text = str(po)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return path


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a termweave subprocess: this test's Argos dirs, sockets blocked."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(NETBLOCK), str(ROOT / "src")])
    env.update(extra)
    return env
