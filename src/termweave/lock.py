"""The project lock and crash recovery, taken by every command that writes.

- ``.termweave.lock`` in the project folder exists while a command writes: it holds the
  holder's pid and is locked with ``flock(2)``. A second command waits
  (``TERMWEAVE_LOCK_TIMEOUT`` seconds, default 60) and then stops with a message naming the
  holder. The kernel releases the flock of a killed process, so a lock file left behind is
  detected as stale and taken over; a clean exit removes the file.
- ``.termweave.journal`` lists the temp files of a step that writes several files
  (:func:`staged_step`) while they are being renamed into place; the next command finishes
  that step (a file someone edited meanwhile is left as they saved it).
- temp files of writes that were interrupted are removed by the next command.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from termweave.console import Console
from termweave.errors import InputError, TermweaveError
from termweave.fsutil import TMP_SUFFIX, StagedWrite, WriteGuard, active_guard, digest, guarded, install

LOCK_NAME = ".termweave.lock"
JOURNAL_NAME = ".termweave.journal"
JOURNAL_TEMP = f".new{TMP_SUFFIX}"
LOCK_TIMEOUT_ENV = "TERMWEAVE_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 60.0
POLL_SECONDS = 0.05
# Our temp files: .<name>.termweave-XXXXXXXX.tmp; versions before the mark wrote
# .<name>.XXXXXXXX.tmp, removed only beside a file <name> (someone else's .x.12345678.tmp stays).
TEMP_FILE = re.compile(r"^\..+\.termweave-[a-z0-9_]{8}" + re.escape(TMP_SUFFIX) + "$")
OLD_TEMP_FILE = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}" + re.escape(TMP_SUFFIX) + "$")
SKIPPED_FOLDERS = {"__pycache__", "node_modules"}
MAX_SCAN_DEPTH = 4


class LockTimeout(TermweaveError):
    """Another termweave holds the project lock for longer than we wait."""


@dataclass(frozen=True)
class LockState:
    path: Path
    stale_pid: int | None  # the pid a killed holder left in the lock file


def lock_timeout() -> float:
    value = os.environ.get(LOCK_TIMEOUT_ENV, "")
    try:
        return float(value) if value else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        raise InputError(f"{LOCK_TIMEOUT_ENV}={value!r}: expected a number of seconds") from None


def _holder(fd: int) -> int | None:
    text = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


def _open_locked(path: Path, deadline: float, timeout: float) -> int:
    """An fd of ``path`` holding its flock, waiting until ``deadline``."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InputError(f"cannot create the lock file: {exc.strerror}", path) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            if time.monotonic() >= deadline:
                who = f"termweave (pid {holder})" if holder else "termweave process"
                raise LockTimeout(
                    f"{path}: another {who} is writing this project; gave up after "
                    f"{timeout:g} s (set {LOCK_TIMEOUT_ENV} to wait longer)"
                ) from None
            time.sleep(POLL_SECONDS)
            continue
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the holder released and removed the file meanwhile: lock the new one


@contextmanager
def file_lock(path: Path, timeout: float | None = None) -> Iterator[LockState]:
    """Hold ``path`` locked (created, and removed again on release), waiting up to ``timeout`` s.

    A lock file nobody holds a lock on was left by a killed process: it is taken over.
    """
    timeout = lock_timeout() if timeout is None else timeout
    fd = _open_locked(path, time.monotonic() + timeout, timeout)
    try:
        stale = _holder(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield LockState(path, stale if stale != os.getpid() else None)
    finally:
        path.unlink(missing_ok=True)  # before closing: a waiter then re-opens a fresh file
        os.close(fd)


@contextmanager
def project_session(root: Path, console: Console, timeout: float | None = None) -> Iterator[WriteGuard]:
    """Lock the project, finish an interrupted step, drop stale temp files, guard every write."""
    root = Path(root)
    with file_lock(root / LOCK_NAME, timeout) as state:
        if state.stale_pid:
            console.debug(f"{state.path}: took over the lock of pid {state.stale_pid}, which did not release it")
        recover_journal(root, console)
        remove_stale_temps(root, console)
        with guarded(root) as guard:
            yield guard


def remove_stale_temps(root: Path, console: Console) -> list[Path]:
    """Delete temp files left by interrupted writes (safe: we hold the project lock)."""
    removed = []
    base_depth = len(root.parts)
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS]
        if len(Path(folder).parts) - base_depth >= MAX_SCAN_DEPTH:
            dirs[:] = []
        for name in files:
            old_style = OLD_TEMP_FILE.match(name)
            if TEMP_FILE.match(name) or (old_style and old_style.group("name") in files):
                path = Path(folder) / name
                path.unlink(missing_ok=True)
                removed.append(path)
    if removed:
        console.debug(f"removed {len(removed)} temp file(s) of an interrupted write")
    return removed


def _write_journal(root: Path, step: str, writes: list[StagedWrite]) -> Path:
    journal = root / JOURNAL_NAME
    temp = root / f"{JOURNAL_NAME}{JOURNAL_TEMP}"
    entries = [{"temp": str(w.temp), "target": str(w.target), "base": w.base_digest} for w in writes]
    with open(temp, "w", encoding="utf-8") as fh:
        json.dump({"step": step, "writes": entries}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, journal)
    return journal


def recover_journal(root: Path, console: Console) -> int:
    """Finish the renames of a step that was killed half-way; returns how many were done."""
    journal = root / JOURNAL_NAME
    (root / f"{JOURNAL_NAME}{JOURNAL_TEMP}").unlink(missing_ok=True)  # killed while writing the journal
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        step, entries = str(data["step"]), list(data["writes"])
    except FileNotFoundError:
        return 0
    except (ValueError, KeyError, TypeError, OSError):
        journal.unlink(missing_ok=True)  # torn journal: nothing was renamed yet, temps go
        return 0
    done = 0
    for entry in entries:
        temp, target = Path(entry["temp"]), Path(entry["target"])
        if not temp.exists():
            continue  # renamed before the kill
        current = target.read_bytes() if target.exists() else None
        if entry.get("base") is None or current is None or digest(current) == entry["base"]:
            os.replace(temp, target)
            done += 1
        else:
            temp.unlink()  # someone saved the file after the kill: their version stays
            console.warn(f"{target}: edited after an interrupted {step}; kept as saved")
    journal.unlink()
    console.info(f"finished the interrupted {step}: {done} file(s) put in place")
    return done


@contextmanager
def staged_step(step: str) -> Iterator[None]:
    """Write the files of one step together: all land, or the next command lands them."""
    guard = active_guard()
    if guard is None or guard.staged is not None:  # no lock (library use) or already staged
        yield
        return
    guard.staged = []
    try:
        yield
    except BaseException:
        for write in guard.staged:
            write.temp.unlink(missing_ok=True)
        guard.staged = None
        raise
    writes, guard.staged = guard.staged, None
    if not writes:
        return
    journal = _write_journal(guard.root, step, writes)
    try:
        for index, write in enumerate(writes):
            try:
                install(write.temp, write.target, guard.snapshot(write.target), guard)
            except BaseException:
                for rest in writes[index + 1 :]:
                    rest.temp.unlink(missing_ok=True)
                raise
    finally:
        journal.unlink(missing_ok=True)
