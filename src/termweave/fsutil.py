"""File helpers: strict UTF-8 reading with line-accurate errors, guarded atomic writes.

Every file termweave writes goes through :func:`atomic_write_bytes`: the bytes go to a temp
file beside the target (``.<name>.termweave-<random>.tmp``), are read back with the loader the
other commands use (:data:`READERS`), and replace the target with ``rename(2)``. Inside a
command that holds the project lock (:mod:`termweave.lock`) a :class:`WriteGuard` is active:

- every read through :func:`read_bytes` / :func:`read_text` records the file's content hash;
- before a recorded file is replaced, its content is hashed again; if someone saved it
  meanwhile, their change is merged in (:data:`MERGERS`: a translator's save to a PO catalog
  wins over termweave's output) or the command stops naming the file: it is never overwritten;
- inside :func:`staged_step` the temp files of a step that writes several files are renamed
  together after a journal lists them, so a killed step is finished by the next command.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from termweave.errors import InputError, TermweaveError

BOM = "\ufeff"
TMP_MARK = ".termweave-"  # temp files: .<name>.termweave-<random>.tmp
TMP_SUFFIX = ".tmp"
MERGE_ATTEMPTS = 5

# Loader that reads a written file back before it replaces the old one ("module:function",
# called with the temp file's path; imported lazily: the loaders import this module).
READERS = {
    ".po": "termweave.formats.po:load_po",
    ".pot": "termweave.formats.po:load_po",
    ".csv": "termweave.fsutil:load_glossary_csv",
    ".tbx": "termweave.fsutil:load_tbx",
    ".mo": "termweave.fsutil:load_mo",
    ".tmx": "termweave.fsutil:load_xml",
    ".xml": "termweave.fsutil:load_xml",
}
# Three-way merge (base, ours, theirs, path) -> bytes for files a person may edit while we work.
MERGERS = {".po": "termweave.catalog.concurrent:merge_catalog_edits"}


class ConcurrentEditError(TermweaveError):
    """A file changed on disk while termweave worked on it and the change cannot be merged."""

    def __init__(self, path: Path, reason: str = ""):
        self.path = path
        detail = f" ({reason})" if reason else ""
        super().__init__(
            f"{path}: changed by someone else while termweave worked{detail}; left as it is, run the command again"
        )


@dataclass(frozen=True)
class Snapshot:
    """A file's content when a command read it."""

    digest: str
    data: bytes


@dataclass(frozen=True)
class StagedWrite:
    temp: Path
    target: Path
    base_digest: str | None  # the target's hash when it was read (None: not read)


@dataclass
class WriteGuard:
    """Per-command state: what was read (hash + bytes) and the writes of the open step."""

    root: Path
    reads: dict[Path, Snapshot] = field(default_factory=dict)
    staged: list[StagedWrite] | None = None

    def record(self, path: Path, data: bytes) -> None:
        self.reads[_key(path)] = Snapshot(digest(data), data)

    def snapshot(self, path: Path) -> Snapshot | None:
        return self.reads.get(_key(path))


_GUARD: ContextVar[WriteGuard | None] = ContextVar("termweave_write_guard", default=None)


def digest(data: bytes) -> str:
    import hashlib  # (with OpenSSL) ~2 ms: only the writing commands and the run state need digests

    return hashlib.sha256(data).hexdigest()


def _key(path: Path) -> Path:
    return Path(os.path.abspath(path))


def active_guard() -> WriteGuard | None:
    return _GUARD.get()


@contextmanager
def guarded(root: Path) -> Iterator[WriteGuard]:
    """Make a fresh :class:`WriteGuard` active for the duration of one command."""
    guard = WriteGuard(root=Path(root))
    token = _GUARD.set(guard)
    try:
        yield guard
    finally:
        _GUARD.reset(token)


def read_bytes(path: str | Path) -> bytes:
    """Read a file (InputError when it cannot be), recording its hash for the active guard."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    guard = _GUARD.get()
    if guard is not None:
        guard.record(path, data)
    return data


def decode_utf8(data: bytes, path: Path) -> str:
    """Decode UTF-8 (a leading BOM is dropped) or raise InputError naming the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", path, line) from None
    return text[1:] if text.startswith(BOM) else text


def read_text(path: str | Path) -> str:
    """Read a UTF-8 text file (a leading BOM is dropped) or raise InputError naming the line."""
    path = Path(path)
    return decode_utf8(read_bytes(path), path)


def _load_function(spec: str) -> Callable:
    module, name = spec.split(":")
    return getattr(importlib.import_module(module), name)


def verify_readable(temp: Path, target: Path) -> None:
    """Read ``temp`` back with the loader for ``target``'s kind; refuse to install what fails."""
    spec = READERS.get(target.suffix)
    if spec is None:
        return
    try:
        _load_function(spec)(temp)
    except InputError as exc:
        raise TermweaveError(f"{target}: not replaced, the new content does not load back: {exc.message}") from None


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _write_temp(path: Path, data: bytes) -> Path:
    import tempfile  # with shutil and random ~3 ms: only a write needs it

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}{TMP_MARK}", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _merge(path: Path, base: bytes, ours: bytes, theirs: bytes) -> bytes:
    spec = MERGERS.get(path.suffix)
    if spec is None:
        raise ConcurrentEditError(path)
    return _load_function(spec)(base, ours, theirs, path)


def install(temp: Path, target: Path, base: Snapshot | None, guard: WriteGuard | None) -> None:
    """Rename ``temp`` over ``target`` unless someone changed ``target`` since ``base`` was read;
    then merge their change into ours (rewriting ``temp``) or stop. Never overwrites an edit."""
    try:
        data = temp.read_bytes()
        for _ in range(MERGE_ATTEMPTS):
            current = _current(target)
            if base is None or current is None or digest(current) == base.digest:
                os.replace(temp, target)
                if guard is not None:
                    guard.record(target, data)
                return
            data = _merge(target, base.data, data, current)
            temp.unlink()
            temp = _write_temp(target, data)
            verify_readable(temp, target)
            base = Snapshot(digest(current), current)
        raise ConcurrentEditError(target, "it kept changing")
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write via a checked temp file in the same folder and rename: readers never see half a
    file, a file that would not load back is never installed, a person's edit never lost."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _write_temp(path, data)
    try:
        verify_readable(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    guard = _GUARD.get()
    snapshot = guard.snapshot(path) if guard is not None else None
    if guard is not None and guard.staged is not None:
        guard.staged.append(StagedWrite(temp, _key(path), snapshot.digest if snapshot else None))
        return
    install(temp, path, snapshot, guard)


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_if_changed(path: str | Path, text: str | bytes) -> bool:
    """Atomically write ``text`` unless the file already holds exactly it. Returns True if written."""
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if path.exists() and path.read_bytes() == data:
        return False
    atomic_write_bytes(path, data)
    return True


def load_glossary_csv(path: Path) -> None:
    """The glossary loader's checks that do not depend on the project's source language."""
    from termweave.formats.glossary_csv import load_glossary

    seen: dict[str, int] = {}
    for term in load_glossary(path, required_languages=(), strict=False).terms:
        if not term.id or term.id in seen:
            raise InputError(f"empty or duplicate id {term.id!r}", path, term.line)
        seen[term.id] = term.line


def load_tbx(path: Path) -> None:
    """TBX as ``glossary import`` reads it, with whichever of the file's languages every concept
    has as the source (an export's source language; the project's is not known here)."""
    import re

    from termweave.formats.tbx import parse_tbx

    data = path.read_bytes()
    codes = dict.fromkeys(
        m.decode("ascii", "replace").split("-")[0].lower()
        for m in re.findall(rb'xml:lang="([A-Za-z0-9-]{1,16})"', data)
    )
    errors: list[InputError] = []
    for code in list(codes)[:12] or ["en"]:
        try:
            parse_tbx(path, code)
            return
        except InputError as exc:
            errors.append(exc)
    raise errors[0]


def load_mo(path: Path) -> None:
    """Read a compiled catalog the way a gettext consumer does."""
    import gettext

    with open(path, "rb") as fh:
        try:
            gettext.GNUTranslations(fh)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"not a valid MO file: {exc}", path) from None


def load_xml(path: Path) -> None:
    from xml.etree import ElementTree

    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as exc:
        raise InputError(f"not well-formed XML: {exc}", path, exc.position[0]) from None
