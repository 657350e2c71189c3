"""What a command imports: the fixed cost of every start (benchmarks/startup.py prints the times).

Each case runs in a fresh interpreter and lists ``sys.modules`` afterwards, so a heavy import
that creeps back into the chain of ``termweave --help`` or ``termweave check`` fails here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termweave.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[1]

# Never needed to list the commands or to check catalogs: MT, analysers and XML load on need;
# ctypes (libunistring) on the first wrap; urllib/ssl only to download a model; babel only for a
# language code termweave has no rules for; tomllib only in a project; hashlib and tempfile only
# when a file is written.
HEAVY = (
    "argostranslate",
    "babel",
    "ctranslate2",
    "ctypes",
    "hashlib",
    "http.client",
    "kiwipiepy",
    "lingua",
    "lxml",
    "pymorphy3",
    "ssl",
    "subprocess",
    "tempfile",
    "tomllib",
    "urllib.request",
    "zipfile",
)

_PROBE = """
import json, sys
from termweave.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def run_and_list_modules(args: list[str], cwd: Path) -> tuple[int, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=120
    )
    probe = json.loads(result.stderr.strip().splitlines()[-1])
    return probe["code"], set(probe["modules"])


def test_help_lists_every_command_without_importing_one(tmp_path):
    code, modules = run_and_list_modules(["--help"], tmp_path)
    assert code == 0
    groups = {f"termweave.cli.{module}" for module, _help in COMMANDS.values()}
    assert not groups & modules
    assert not {m for m in modules if m.startswith(("termweave.check", "termweave.formats", "termweave.lang"))}
    assert not set(HEAVY) & modules


def test_check_of_loose_catalogs_imports_nothing_heavy(tmp_path):
    for name in ("uk.po", "ko.po"):
        shutil.copy(ROOT / "translations" / name, tmp_path / name)
    code, modules = run_and_list_modules(["check", "uk.po", "ko.po", "--format", "json"], tmp_path)
    assert code == 0
    assert "termweave.check.runner" in modules  # the checks did run
    assert not set(HEAVY) & modules
    # Nor the project loader, the segmenter, the pipeline or the other commands' modules.
    for package in ("termweave.project", "termweave.segment", "termweave.author", "termweave.pipeline"):
        assert package not in modules
    assert "termweave.lock" not in modules  # only the commands that write take the project lock
    for package in ("termweave.catalog", "termweave.translate", "termweave.render", "termweave.cli.workflow"):
        assert not {m for m in modules if m == package or m.startswith(package + ".")}


def test_check_of_a_project_reads_its_toml_and_nothing_else_heavy(tmp_path):
    for name in ("termweave.toml", "seeds", "glossary", "translations"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    code, modules = run_and_list_modules(["check", "--format", "json"], tmp_path)
    assert code == 0
    assert {"tomllib", "termweave.check.runner", "termweave.glossary.match"} <= modules
    # The shipped Ukrainian glossary terms need pymorphy3 (and it finds its dictionary through
    # importlib.metadata: zipfile, tempfile); nothing else heavy loads.
    assert not (set(HEAVY) - {"tomllib", "pymorphy3", "zipfile", "tempfile"}) & modules
    assert "termweave.segment" not in modules  # no author's translation declared: no seed is read


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_module_defines_its_arguments(command):
    """``termweave CMD --help`` builds the parser of CMD from its module alone."""
    from termweave.cli import build_parser

    parser = build_parser(command)
    with pytest.raises(SystemExit) as exc:
        parser.parse_args([command, "--help"])
    assert exc.value.code == 0


def test_the_program_freezes_its_heap_before_the_interpreter_exits(tmp_path):
    """`termweave` (the console script and ``python -m termweave``) runs :func:`program`: the
    report is written whole, and the heap is frozen so the interpreter's final collection has
    nothing to walk. main() itself leaves the collector as it found it (tests call it)."""
    import gc
    import tomllib

    shutil.copy(ROOT / "translations" / "uk.po", tmp_path / "uk.po")
    probe = (
        "import gc, sys; from termweave.cli import program; code = program(sys.argv[1:]); "
        "print(gc.get_freeze_count(), file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "check", "uk.po", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert int(result.stderr.strip().splitlines()[-1]) > 10_000
    as_module = subprocess.run(
        [sys.executable, "-m", "termweave", "check", "uk.po", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert json.loads(result.stdout)["summary"]["entries"] > 0 and as_module.stdout == result.stdout
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["termweave"] == "termweave.cli:program"
    from termweave.cli import main

    before = gc.get_freeze_count()
    with pytest.raises(SystemExit):
        main(["--version"])
    assert gc.get_freeze_count() == before
