"""Pathological inputs (1 MB by default) for every parser, each with a plain input of the same size.

Shared by tests/test_pathological.py (a bound relative to the plain input) and
benchmarks/pathological_inputs.py (prints the times and ratios). A parser may accept or reject
an input (InputError); what matters is that the time stays linear.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from termweave.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


@dataclass(frozen=True)
class Case:
    parser: str
    name: str
    plain: Callable[[int], bytes]  # size in bytes -> input
    hostile: Callable[[int], bytes]
    run: Callable[[Path], object]  # parses the file at the path
    suffix: str


def _repeat_to(data: bytes, n: int) -> bytes:
    return (data * (n // len(data) + 1))[:n]


def _seed_plain(n: int) -> bytes:
    # One 1 MB title line: the lexer reads it, then the seed is refused (no abstract) before
    # pysbd sees anything (pysbd is quadratic even on plain prose: the editions helper's part).
    return _repeat_to(b"Plain words of a title that goes on and on ", n) + b"\n"  # (a title: no pysbd)


def _seed(path: Path):
    from termweave.segment import parse_seed

    return parse_seed(path, "en")


def _glossary(path: Path):
    from termweave.glossary import load_glossary

    return load_glossary(path, required_languages=("en",))


def _glossary_plain(n: int) -> bytes:
    header = b"id,en,uk,ko,uk_forbidden,ko_forbidden,note\r\n"
    rows = [f"t{i},word|words,slovo,mal,,,a note\r\n".encode() for i in range(n // 36 + 1)]
    return header + b"".join(rows)


def _po(path: Path):
    from termweave.formats.po import load_po

    return load_po(path)


PO_HEAD = (ROOT / "translations" / "uk.po").read_bytes()


def _po_plain(n: int) -> bytes:
    entry = 'msgctxt "c{}"\nmsgid "A sentence of the source text."\nmsgstr "Речення перекладу."\n\n'
    body, size = [], 0
    while size < n:
        body.append(entry.format(len(body)).encode())
        size += len(body[-1])
    return PO_HEAD + b"".join(body)


def _toml(path: Path):
    from termweave.config import load_config

    return load_config(path)


def _toml_plain(n: int) -> bytes:
    return b'[termweave]\nseeds = ["input.toml"]\n' + _repeat_to(b"# comment\n", n)


def _tbx(path: Path):
    from termweave.formats.tbx import parse_tbx

    return parse_tbx(path, "en", ("en", "uk", "ko"))


TBX_BASE = (ROOT / "tests" / "data" / "tbx" / "basic-v3.tbx").read_bytes()


def _tbx_plain(n: int) -> bytes:
    start, end = TBX_BASE.index(b"<conceptEntry"), TBX_BASE.rindex(b"</conceptEntry>") + len(b"</conceptEntry>")
    entry = TBX_BASE[start:end]
    entries = [entry.replace(b'id="', f'id="n{i}-'.encode()) for i in range(n // len(entry) + 1)]
    return TBX_BASE[:start] + b"".join(entries) + TBX_BASE[end:]


def _archive(path: Path):
    from termweave.translate.archive import check_archive

    return check_archive(path)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return out.getvalue()


def _archive_plain(n: int) -> bytes:
    meta = b'{"from_code": "en", "to_code": "uk"}'
    members = [
        ("p/metadata.json", meta),
        ("p/model/model.bin", bytes(range(256)) * (n // 256)),
        ("p/model/shared_vocabulary.txt", b"a\nb\n"),
        ("p/bpe.model", b"#version: 0.2\n"),
    ]
    return _zip(members)


def _protected(path: Path):
    from termweave.patterns import find_numbers, find_protected

    text = path.read_text(encoding="utf-8")
    return find_protected(text), find_numbers(text)


CASES = [
    Case("seed", "xDOI + spaces + y", _seed_plain, lambda n: b"xDOI" + b" " * n + b"y\n", _seed, ".txt"),
    Case("seed", "a line of DOI: labels", _seed_plain, lambda n: b"T\n" + b"DOI:" * (n // 4) + b"\n", _seed, ".txt"),
    Case("seed", "Copyright + spaces", _seed_plain, lambda n: b"Copyright" + b" " * n + b"x\n", _seed, ".txt"),
    Case("seed", "spaces before a label", _seed_plain, lambda n: b"T\nx" + b" " * n + b"Keywords:\n", _seed, ".txt"),
    Case(
        "glossary csv",
        "one quoted cell of quotes",
        _glossary_plain,
        lambda n: b"id,en\r\n" + b'a,"' + b'""' * (n // 2) + b"\r\n",
        _glossary,
        ".csv",
    ),
    Case(
        "glossary csv",
        "a million separators",
        _glossary_plain,
        lambda n: b"id,en,uk\r\na," + b"|" * n + b",x\r\n",
        _glossary,
        ".csv",
    ),
    Case(
        "po",
        "comment lines before garbage",
        _po_plain,
        lambda n: PO_HEAD + b"# c\n" * (n // 4) + b"garbage\n",
        _po,
        ".po",
    ),
    Case(
        "po",
        "a msgstr of backslashes",
        _po_plain,
        lambda n: PO_HEAD + b'msgid "x"\nmsgstr "' + b"\\\\" * (n // 2) + b'"\n',
        _po,
        ".po",
    ),
    Case(
        "po",
        "continuation lines",
        _po_plain,
        lambda n: PO_HEAD + b'msgid "x"\nmsgstr ""\n' + b'"a"\n' * (n // 4),
        _po,
        ".po",
    ),
    Case(
        "toml",
        "nested arrays",
        _toml_plain,
        lambda n: b"x = " + b"[" * (n // 2) + b"]" * (n // 2) + b"\n",
        _toml,
        ".toml",
    ),
    Case(
        "toml",
        "a string of escapes",
        _toml_plain,
        lambda n: b'[termweave]\ndomain = "' + b"\\u0041" * (n // 6) + b'"\n',
        _toml,
        ".toml",
    ),
    Case(
        "tbx",
        "deep nesting",
        _tbx_plain,
        lambda n: TBX_BASE.replace(b"<body>", b"<body>" + b"<note>" * (n // 12) + b"</note>" * (n // 12), 1),
        _tbx,
        ".tbx",
    ),
    Case(
        "tbx",
        "entity references",
        _tbx_plain,
        lambda n: TBX_BASE.replace(b"<body>", b"<body><note>" + b"&amp;" * (n // 5) + b"</note>", 1),
        _tbx,
        ".tbx",
    ),
    Case(
        "argosmodel",
        "10,000 members",
        _archive_plain,
        lambda n: _zip([(f"p/{i:05d}/" + "d/" * 20, b"") for i in range(10_001)]),
        _archive,
        ".argosmodel",
    ),
    Case(
        "spans (DOI/URL/number)",
        "dotted digits",
        lambda n: _repeat_to(b"Plain words in a sentence. ", n),
        lambda n: b"1." * (n // 2),
        _protected,
        ".txt",
    ),
    Case(
        "spans (DOI/URL/number)",
        "URL of dots",
        lambda n: _repeat_to(b"Plain words in a sentence. ", n),
        lambda n: b"https://" + b"a." * (n // 2),
        _protected,
        ".txt",
    ),
]


def timed(case: Case, data: bytes, folder: Path) -> float:
    path = folder / f"input{case.suffix}"
    path.write_bytes(data)
    started = time.perf_counter()
    try:
        case.run(path)
    except InputError:
        pass
    return time.perf_counter() - started
