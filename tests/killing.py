"""SIGKILL at random moments of a command: the child side and the checks on what is left.

Children are forked from a multiprocessing *forkserver* (a fresh interpreter that imported
termweave once), never from the test process itself: that one may hold CTranslate2/OpenMP
threads, and a fork of a threaded process can deadlock.
"""

from __future__ import annotations

import gettext
import multiprocessing
import os
import subprocess
from pathlib import Path

from termweave.errors import InputError
from termweave.formats.po import load_po
from termweave.glossary import load_glossary

TEMP_MARKS = (".termweave-", ".termweave.journal")


def run_in_child(argv: list[str], cwd: str, env: dict[str, str]) -> None:
    import contextlib
    import io

    from termweave.cli import main

    os.chdir(cwd)
    os.environ.update(env)
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    os._exit(code)


def context() -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["termweave.cli", "killing"])
    return ctx


def leftovers(project: Path) -> list[Path]:
    """Temp files and journals of interrupted writes."""
    return [p for p in project.rglob("*") if p.is_file() and any(m in p.name for m in TEMP_MARKS)]


def reviewed(project: Path) -> set[tuple[str, str | None, str, str]]:
    """(lang, msgctxt, msgid, msgstr) of every reviewed (non-fuzzy, translated) message."""
    found = set()
    for path in sorted((project / "translations").glob("*.po")):
        for message in load_po(path).messages:
            if message.msgstr and not message.fuzzy:
                found.add((path.stem, message.msgctxt, message.msgid, message.msgstr))
    return found


def problems(project: Path) -> list[str]:
    """Every file termweave writes still loads: catalogs parse and pass ``msgfmt -c``, the
    glossary loads, MO files open, every edition is whole (ends with its licence line)."""
    found = []
    out = project / "translations"
    for path in sorted(out.glob("*.po")) + sorted(out.glob("*.pot")):
        try:
            load_po(path)
        except InputError as exc:
            found.append(f"{path.name}: {exc}")
            continue
        check = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, text=True)
        if check.returncode != 0:
            found.append(f"{path.name}: msgfmt -c: {check.stderr.strip()}")
    try:
        load_glossary(project / "glossary" / "terms.csv", required_languages=("en",))
    except InputError as exc:
        found.append(f"terms.csv: {exc}")
    for path in sorted(out.glob("*.mo")):
        with open(path, "rb") as fh:
            try:
                gettext.GNUTranslations(fh)
            except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
                found.append(f"{path.name}: {exc}")
    for path in sorted(out.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "creativecommons.org" not in text.rstrip().splitlines()[-1]:
            found.append(f"{path.name}: not whole")
    return found
