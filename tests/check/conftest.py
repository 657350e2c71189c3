"""Fixtures for the check tests: a test glossary, PO files written on the fly, shared analysers."""

from __future__ import annotations

from pathlib import Path

import pytest

from termweave.check import run_checks
from termweave.check.context import Resources
from termweave.glossary import load_glossary
from termweave.glossary.match import KoreanMatcher

DATA = Path(__file__).resolve().parents[1] / "data" / "check"


@pytest.fixture(scope="session")
def glossary():
    return load_glossary(DATA / "term_glossary.csv", required_languages=("en", "uk", "ko"))


@pytest.fixture(scope="session")
def ko_matcher():
    """One Korean matcher (Kiwi loads in ~2 s) for every test that needs it."""
    return KoreanMatcher()


def po_text(lang: str | None, entries, header_extra: str = "") -> str:
    """A PO file: ``entries`` are (msgctxt, msgid, msgstr) or (msgctxt, msgid, msgstr, flags)."""
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"']
    if lang is not None:
        lines.append(f'"Language: {lang}\\n"')
    if header_extra:
        lines.append(header_extra)
    lines.append("")
    for entry in entries:
        context, msgid, msgstr, *flags = entry
        if flags and flags[0]:
            lines.append(f"#, {flags[0]}")
        if context is not None:
            lines.append(f'msgctxt "{context}"')
        lines.append("msgid " + quote(msgid))
        lines.append("msgstr " + quote(msgstr))
        lines.append("")
    return "\n".join(lines)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@pytest.fixture
def write_po(tmp_path):
    def write(lang: str | None, entries, name: str | None = None, header_extra: str = "") -> Path:
        path = tmp_path / (name or f"{lang or 'none'}.po")
        path.write_text(po_text(lang, entries, header_extra), encoding="utf-8")
        return path

    return write


@pytest.fixture
def check(write_po, glossary, ko_matcher):
    """Run the checks on entries of one language; return the findings."""

    def run(lang: str, entries, only: set[str] | None = None, source_lang: str | None = None, gloss=None):
        path = write_po(lang, entries)
        chosen = glossary if gloss is None else gloss
        resources = Resources(glossary=chosen, matchers={"ko": ko_matcher})
        return run_checks([path], chosen, source_lang=source_lang, only=only, resources=resources).findings

    return run
