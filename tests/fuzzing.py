"""Malformed inputs through the CLI: the shared harness of tests/test_fuzz.py and scripts/fuzz.py.

Six kinds of input (seed, glossary CSV, PO catalog, termweave.toml, TBX, .argosmodel) are
mutated from a valid file and given to the command that reads them, in a fresh copy of the
shipped project. Each run happens in a child forked from this (already imported) process, so
a hang can be killed and nothing leaks between runs. The verdict: the command succeeds, or
exits 1/2 with ONE line ``termweave: FILE:LINE: message`` (``FILE: message`` for the binary
.argosmodel) and leaves every file of the project (and the Argos folder) as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from termweave.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "fuzz-corpus"
HANG_SECONDS = 10.0
ONE_LINE_WITH_LINE = re.compile(r"termweave: [^\n]+:\d+: [^\n]+\n")
ONE_LINE = re.compile(r"termweave: [^\n]+: [^\n]+\n")


@dataclass(frozen=True)
class Kind:
    name: str
    target: str  # where the mutated input goes in the project
    argv: tuple[str, ...]
    tokens: tuple[str, ...]  # structural pieces the mutator splices in
    binary: bool = False

    def base(self) -> bytes:
        if self.name == "argosmodel":
            return small_argosmodel()
        if self.name == "tbx":
            return (DATA / "tbx" / "basic-v3.tbx").read_bytes()
        return (ROOT / self.target).read_bytes()


KINDS = {
    kind.name: kind
    for kind in (
        Kind(
            "seed",
            "seeds/alliance-of-villains.txt",
            ("-q", "update"),
            (
                "DOI:",
                "Keywords:",
                "Abstract",
                "Downloads",
                "Copyright (c) 2024 X",
                "https://doi.org/10.1/x",
                "\n",
                "Creative Commons",
                "xDOI" + " " * 300 + "y",
                "DOI:" * 300,
                "\r",
                "\u2028",
            ),
        ),
        Kind(
            "csv",
            "glossary/terms.csv",
            ("-q", "update"),
            (",", '"', "\r\n", "|", "id", "=cmd()", "\n", ",,,,,,", '""', "dnt", "uk_forbidden"),
        ),
        Kind(
            "po",
            "translations/uk.po",
            ("-q", "update"),
            (
                'msgid "',
                'msgstr "',
                'msgctxt "title"\n',
                "#, fuzzy\n",
                "#~ ",
                '"\n',
                "\\",
                'msgstr[0] "x"\n',
                'msgid_plural "x"\n',
                '#| msgid ""\n',
                "\n\n",
                "# c\n" * 50,
                '"Content-Type: text/plain; charset=latin-1\\n"\n',
            ),
        ),
        Kind(
            "toml",
            "termweave.toml",
            ("-q", "update"),
            (
                "[termweave]\n",
                "seeds = 5\n",
                "=",
                "[",
                "]",
                "{",
                "}",
                '"',
                "'''",
                "output = true\n",
                "target_langs = [1]\n",
                "\n",
                'domain = "../x"\n',
                'output = "../out"\n',
                "x = " + "[" * 200,
                'seeds = ["/etc/passwd"]\n',
                'output = "seeds/alliance-of-villains.txt"\n',
            ),
        ),
        Kind(
            "tbx",
            "incoming.tbx",
            ("-q", "glossary", "import", "incoming.tbx"),
            (
                "<",
                ">",
                "</termEntry>",
                "<termEntry>",
                "&",
                "&#0;",
                '<!DOCTYPE x [<!ENTITY a "b">]>',
                'xml:lang="zz"',
                "]]>",
                "<![CDATA[",
                "<term>=1+1</term>",
                "<langSec>",
                "_x0020_",
            ),
        ),
        Kind(
            "argosmodel",
            "incoming.argosmodel",
            ("-q", "models", "install", "incoming.argosmodel"),
            ("PK\x03\x04", "PK\x01\x02", "\x00\x00", "\xff\xff\xff\xff", "../", "/", "\x08\x00", "\x63\x00"),
            binary=True,
        ),
    )
}


def small_argosmodel() -> bytes:
    """A valid package archive, small enough to mutate: real SentencePiece model, token model.bin."""
    cached = Path(tempfile.gettempdir()) / f"termweave-fuzz-{os.getuid()}.argosmodel"
    if cached.exists():
        return cached.read_bytes()
    sys.path.insert(0, str(Path(__file__).resolve().parent / "translate"))
    import argos_testkit as kit

    with tempfile.TemporaryDirectory() as tmp:
        sp = kit.train_sentencepiece(Path(tmp) / "sentencepiece.model", vocab_size=200)
        model = Path(tmp) / "model"
        model.mkdir()
        (model / "model.bin").write_bytes(bytes(range(256)) * 8)
        (model / "shared_vocabulary.json").write_text(json.dumps(kit.vocabulary(sp)), encoding="utf-8")
        kit.write_argosmodel(Path(tmp) / "m.argosmodel", "en", "uk", model, sp)
        data = (Path(tmp) / "m.argosmodel").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as check:
        assert check.testzip() is None
    temp = cached.with_suffix(f".{os.getpid()}.tmp")
    temp.write_bytes(data)
    os.replace(temp, cached)
    return data


# A mutation: (operation, position 0..1, token index, repeat count, raw byte).
Mutation = tuple[str, float, int, int, int]
OPERATIONS = ("insert", "replace", "delete", "duplicate_line", "byte", "truncate", "repeat")


def mutations() -> st.SearchStrategy[list[Mutation]]:
    one = st.tuples(
        st.sampled_from(OPERATIONS), st.floats(0, 1), st.integers(0, 63), st.integers(1, 400), st.integers(0, 255)
    )
    return st.lists(one, min_size=1, max_size=4)


def mutate(kind: Kind, data: bytes, ops: list[Mutation]) -> bytes:
    for op, where, token_index, count, byte in ops:
        token = kind.tokens[token_index % len(kind.tokens)].encode("utf-8" if not kind.binary else "latin-1")
        at = int(where * len(data))
        if op == "insert":
            data = data[:at] + token + data[at:]
        elif op == "replace":
            data = data[:at] + token + data[at + len(token) :]
        elif op == "delete":
            data = data[:at] + data[at + count :]
        elif op == "duplicate_line":
            start = data.rfind(b"\n", 0, at) + 1
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end + 1
            data = data[:end] + data[start:end] * min(count, 50) + data[end:]
        elif op == "byte":
            data = data[:at] + bytes([byte]) + data[at + 1 :]
        elif op == "truncate":
            data = data[:at]
        else:  # repeat: pathological runs of one token
            data = data[:at] + token * count + data[at:]
    return data


@dataclass
class Verdict:
    kind: str
    exit_code: int | None
    stderr: str
    problem: str | None  # None: acceptable
    seconds: float
    changed: list[str] = field(default_factory=list)


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_project(tmp: Path) -> Path:
    project = tmp / "project"
    for name in ("seeds", "glossary", "translations"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("*.md", "*.html", "*.mo", "*.xml"))
    shutil.copy(ROOT / "termweave.toml", project / "termweave.toml")
    return project


def _child(project: Path, argv: tuple[str, ...], write_fd: int) -> None:
    os.chdir(project)
    argos = project / ".argos"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        os.environ[var] = str(argos / sub)
    os.environ["ARGOS_PACKAGES_DIR"] = str(argos / "data" / "argos-translate" / "packages")
    err = io.StringIO()
    result: dict = {}
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            result["exit"] = main(list(argv))
    except SystemExit as exc:  # argparse
        result["exit"] = exc.code if isinstance(exc.code, int) else 2
    except BaseException:  # noqa: BLE001 - the point: report anything that escapes main
        result["traceback"] = traceback.format_exc()
    result["stderr"] = err.getvalue()
    os.write(write_fd, json.dumps(result).encode("utf-8"))
    os.close(write_fd)


def run_case(kind: Kind, data: bytes, timeout: float = HANG_SECONDS) -> Verdict:
    """Put ``data`` where ``kind`` reads it, run the command in a forked child, judge the outcome."""
    with tempfile.TemporaryDirectory(prefix="termweave-fuzz-") as tmp:
        project = make_project(Path(tmp))
        (project / ".argos" / "data").mkdir(parents=True)
        (project / kind.target).write_bytes(data)
        before = snapshot(project)
        read_fd, write_fd = os.pipe()
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            try:
                _child(project, kind.argv, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        chunks = []
        deadline = started + timeout
        hung = False
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                hung = True
                os.kill(pid, signal.SIGKILL)
                break
            ready, _, _ = select.select([read_fd], [], [], left)
            if ready:
                chunk = os.read(read_fd, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        os.close(read_fd)
        os.waitpid(pid, 0)
        seconds = time.perf_counter() - started
        if hung:
            return Verdict(kind.name, None, "", "hang", seconds)
        result = json.loads(b"".join(chunks) or b"{}")
        if "traceback" in result or "exit" not in result:
            return Verdict(kind.name, None, result.get("traceback", "child died"), "traceback", seconds)
        code, stderr = result["exit"], result["stderr"]
        after = snapshot(project)
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        return Verdict(kind.name, code, stderr, judge(kind, code, stderr, changed), seconds, changed)


def judge(kind: Kind, code: int, stderr: str, changed: list[str]) -> str | None:
    if code == 0:
        return None
    if code not in (1, 2):
        return f"exit {code}"
    if stderr.count("\n") != 1:
        return "not one line"
    if not (ONE_LINE if kind.binary else ONE_LINE_WITH_LINE).fullmatch(stderr):
        return "no file:line"
    if changed:
        return "files changed"
    return None


def corpus_cases() -> list[tuple[Kind, Path]]:
    """Minimal inputs that once failed: a file per case under tests/data/fuzz-corpus/<kind>/."""
    cases = []
    for kind in KINDS.values():
        folder = CORPUS / kind.name
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            cases.append((kind, path))
    return cases


def corpus_input(kind: Kind, path: Path) -> bytes:
    """A corpus file's input: the file itself, or (``.ops.json``) mutations of the kind's base."""
    if path.name.endswith(".ops.json"):
        ops = [tuple(op) for op in json.loads(path.read_text(encoding="utf-8"))]
        return mutate(kind, kind.base(), ops)
    return path.read_bytes()
