"""Two termweave commands at once, and a translator saving while ``run`` works.

The random-timing trials fork an editor from this (already imported) process, so a trial
costs one ``run`` (~0.2 s). ``TERMWEAVE_STRESS=1`` runs 200 of them instead of 8.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import polib
import pytest
from support import EXTRA_SENTENCE, run_cli, snapshot, toggle_seed_sentence

from termweave.console import Console
from termweave.errors import TermweaveError
from termweave.formats.po import load_po, save_po
from termweave.fsutil import ConcurrentEditError, atomic_write_bytes, guarded, read_text
from termweave.lock import LOCK_NAME, LockTimeout, file_lock, project_session

TRIALS = 200 if os.environ.get("TERMWEAVE_STRESS") else 8


def _save_as_editor(path: Path, context: str, text: str) -> None:
    """What Poedit does: read the catalog, change one translation, save via rename."""
    po = polib.pofile(path.read_text(encoding="utf-8"), wrapwidth=78)
    entry = next(e for e in po if e.msgctxt == context and not e.obsolete)
    entry.msgstr = text
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    temp = path.with_name(f"{path.name}~editor")
    temp.write_text(str(po) + "\n", encoding="utf-8")
    os.replace(temp, path)


def _msgstr(path: Path, context: str) -> str:
    return next(e.msgstr for e in load_po(path) if e.msgctxt == context and not e.obsolete)


def test_second_writer_waits_then_names_the_holder(project):
    lock = project / LOCK_NAME
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the holder: lock, tell the parent, hold for a while
        with file_lock(lock, timeout=5):
            os.write(write, b"x")
            time.sleep(1.0)
        os._exit(0)
    os.read(read, 1)
    try:
        started = time.monotonic()
        with pytest.raises(LockTimeout, match=rf"pid {pid}\b.*TERMWEAVE_LOCK_TIMEOUT"):
            with file_lock(lock, timeout=0.3):
                pass
        assert time.monotonic() - started >= 0.3
        with file_lock(lock, timeout=5):  # the holder finishes within the wait: we get it
            assert lock.read_text().strip() == str(os.getpid())
    finally:
        os.waitpid(pid, 0)
    assert not lock.exists()


def test_stale_lock_of_a_killed_process_is_taken_over(project):
    (project / LOCK_NAME).write_text("999999\n")  # left by a process killed while holding it
    with file_lock(project / LOCK_NAME, timeout=0.2) as state:
        assert state.stale_pid == 999999
    assert run_cli("update") == 0


def test_translator_save_between_read_and_write_is_merged(project, monkeypatch):
    from termweave import pipeline

    uk = project / "translations" / "uk.po"
    toggle_seed_sentence(project, True)
    original = pipeline.merge

    def merge_while_translator_saves(template, old, lang, *args, **kwargs):
        if lang == "uk":
            _save_as_editor(uk, "title", "Редакторська назва")
        return original(template, old, lang, *args, **kwargs)

    monkeypatch.setattr(pipeline, "merge", merge_while_translator_saves)
    assert run_cli("update") == 0
    catalog = load_po(uk)
    assert _msgstr(uk, "title") == "Редакторська назва"  # their save won
    assert any(EXTRA_SENTENCE == e.msgid for e in catalog)  # and our update landed too


def test_unmergeable_change_stops_and_keeps_their_file(project):
    glossary = project / "glossary" / "terms.csv"
    with guarded(project):
        read_text(glossary)
        theirs = glossary.read_bytes() + b"late,row,,,,,,\r\n"
        glossary.write_bytes(theirs)
        with pytest.raises(ConcurrentEditError, match="terms.csv: changed by someone else"):
            atomic_write_bytes(glossary, b"id,en,uk,ko\r\n")
    assert glossary.read_bytes() == theirs
    assert not [p for p in glossary.parent.iterdir() if p.name.endswith(".tmp")]


def test_broken_save_by_the_editor_is_not_overwritten(project):
    uk = project / "translations" / "uk.po"
    with project_session(project, Console(quiet=True)):
        po = load_po(uk)
        uk.write_text('msgid "half a sa', encoding="utf-8")
        po.messages[0].msgstr = "наша зміна"
        with pytest.raises(TermweaveError, match="uk.po: changed by someone else"):
            save_po(po, uk)
    assert uk.read_text(encoding="utf-8") == 'msgid "half a sa'


def test_editor_saving_at_random_moments_loses_nothing(project):
    uk = project / "translations" / "uk.po"
    run_cli("-q", "run")
    started = time.perf_counter()
    toggle_seed_sentence(project, True)
    run_cli("-q", "run")
    duration = time.perf_counter() - started
    rng = random.Random(11)
    lost = []
    for trial in range(TRIALS):
        toggle_seed_sentence(project, trial % 2 == 1)
        marker = f"Правка {trial}"
        delay = rng.uniform(0, duration)
        pid = os.fork()
        if pid == 0:
            try:
                time.sleep(delay)
                _save_as_editor(uk, "title", marker)
            finally:
                os._exit(0)
        assert run_cli("-q", "run") in (0, 1)
        os.waitpid(pid, 0)
        if _msgstr(uk, "title") != marker:
            lost.append(trial)
    assert lost == []
    assert not list(project.rglob("*.tmp")) and not (project / LOCK_NAME).exists()


def test_interrupted_multi_file_step_is_finished_by_the_next_command(project, monkeypatch):
    import termweave.lock as lock

    toggle_seed_sentence(project, True)
    real_install = lock.install
    calls = []

    def killed_after_first_rename(temp, target, base, guard):
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt  # stands in for SIGKILL between two renames
        real_install(temp, target, base, guard)

    real_unlink = lock.Path.unlink
    monkeypatch.setattr(lock, "install", killed_after_first_rename)
    monkeypatch.setattr(lock.Path, "unlink", _unlink_except_journal(real_unlink))
    before = snapshot(project)
    assert run_cli("update") == 130
    assert (project / lock.JOURNAL_NAME).exists()
    monkeypatch.setattr(lock, "install", real_install)
    monkeypatch.setattr(lock.Path, "unlink", real_unlink)
    half = snapshot(project)
    assert half != before and sum(half.get(k) != before.get(k) for k in before) == 1
    assert run_cli("extract") == 0  # any writing command first finishes the step
    assert not (project / lock.JOURNAL_NAME).exists()
    assert EXTRA_SENTENCE in (project / "translations" / "uk.po").read_text(encoding="utf-8")
    assert not list(project.rglob("*.tmp"))


def _unlink_except_journal(unlink):
    def keep_journal(self, missing_ok=False):
        if self.name == ".termweave.journal":
            return None  # a killed process does not clean up
        if ".termweave-" in self.name:
            return None
        return unlink(self, missing_ok=missing_ok)

    return keep_journal


def test_a_write_that_would_not_load_back_is_refused(project):
    uk = project / "translations" / "uk.po"
    before = uk.read_bytes()
    with pytest.raises(TermweaveError, match=r"uk.po: not replaced, the new content does not load back"):
        atomic_write_bytes(uk, before + b'msgid "broken\n')
    assert uk.read_bytes() == before
    assert not [p for p in uk.parent.iterdir() if p.name.endswith(".tmp")]


def test_temp_files_of_killed_writes_are_removed_by_the_next_command(project):
    out = project / "translations"
    stale = [
        out / ".uk.po.termweave-k1ll3d_x.tmp",
        out / ".ko.po.a1b2c3d4.tmp",  # this and older versions
        project / "glossary" / ".terms.csv.termweave-abcdefgh.tmp",
    ]
    for path in stale:
        path.write_text("half a fi", encoding="utf-8")
    unrelated = [out / ".notes.tmp", out / ".notes.a1b2c3d4.tmp"]  # no file "notes" beside it
    for path in unrelated:
        path.write_text("mine", encoding="utf-8")
    assert run_cli("-q", "update") == 0
    assert not any(p.exists() for p in stale) and all(p.exists() for p in unrelated)


def test_read_back_of_a_tbx_export_with_a_non_english_source(tmp_path, monkeypatch):
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.csv").write_text(
        "id,uk,en,ko\r\nt1,слово,word,\r\nt2,мир,,평화\r\n", encoding="utf-8"
    )
    (tmp_path / "termweave.toml").write_text(
        '[termweave]\nseeds = ["termweave.toml"]\nsource_lang = "uk"\ntarget_langs = ["en", "ko"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert run_cli("-q", "glossary", "export") == 0
    assert "мир" in (tmp_path / "glossary" / "terms.tbx").read_text(encoding="utf-8")
