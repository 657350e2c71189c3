"""termweave's fixed cost: interpreter start and imports, per command, in the same run as its baselines.

    .venv/bin/python benchmarks/startup.py [--runs 9] [--compare /path/to/other/checkout]

Each row is one fresh process, repeated ``--runs`` times: the median CPU time (user + sys) and
the fastest and median wall time. Rows:

- ``python -c pass``: the interpreter alone (the floor of every command);
- ``termweave --help`` and ``termweave CMD --help`` for every command: the interpreter plus the
  modules the command imports before it does anything (``CMD --help`` imports exactly them);
- ``termweave check`` of the shipped catalogs and ``termweave run`` on a copy of the shipped
  project (nothing left to do): a whole command, for scale.

Columns (each tree copied to a temporary folder, first on PYTHONPATH): this tree with its
bytecode compiled (``python -m compileall -q``, as pip does when it installs a wheel); the same
modules compiled from source on every run (what an editable install under
PYTHONDONTWRITEBYTECODE=1 does without compileall); and, with ``--compare``, another checkout's
``src`` (e.g. the main branch before a change) with its bytecode compiled. The last line prints
``check``'s import cost (CPU of ``termweave check --help`` minus ``python -c pass``). Nothing is
asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = "import sys; from termweave.cli import main; sys.argv[0] = 'termweave'; raise SystemExit(main(sys.argv[1:]))"
COMMANDS = ("init", "extract", "update", "build", "run", "status", "merge", "glossary", "check")
COMMANDS += ("translate", "models", "report", "tm")


def timed(cmd: list[str], env: dict[str, str], cwd: Path, runs: int) -> tuple[float, float, float]:
    """(median CPU, fastest wall, median wall) in ms over ``runs`` runs of ``cmd``."""
    cpu, wall = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return 1000 * statistics.median(cpu), 1000 * min(wall), 1000 * statistics.median(wall)


def variants(compare: Path | None, tmp: Path) -> dict[str, dict[str, str]]:
    """Column name -> environment of the termweave processes (each tree copied to ``tmp``)."""
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONPYCACHEPREFIX")}
    trees = {"bytecode": ROOT / "src", "from source": ROOT / "src"}
    if compare is not None:
        trees[f"{compare.name} (bytecode)"] = compare / "src"
    found = {}
    for index, (variant, src) in enumerate(trees.items()):
        copy = tmp / f"src{index}"
        shutil.copytree(src, copy, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        if variant != "from source":
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(copy)], check=True, env=base)
        found[variant] = {**base, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    return found


def shipped_project(tmp: Path) -> Path:
    project = tmp / "project"
    project.mkdir()
    for name in ("termweave.toml", "seeds", "glossary", "translations"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--compare", type=Path, help="another checkout whose src/ to measure too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        envs = variants(args.compare, tmp)
        project = shipped_project(tmp)
        subprocess.run([sys.executable, "-c", PROBE, "run"], cwd=project, env=envs["bytecode"], capture_output=True)
        rows = [("python -c pass", ["-c", "pass"], ROOT)]
        rows += [("termweave --help", ["-c", PROBE, "--help"], ROOT)]
        rows += [(f"termweave {c} --help", ["-c", PROBE, c, "--help"], ROOT) for c in COMMANDS]
        rows += [("termweave check (shipped)", ["-c", PROBE, "check", "--format", "json"], ROOT)]
        rows += [("termweave run (shipped, copy)", ["-c", PROBE, "run"], project)]
        print(f"{'ms: CPU median | wall min / median':<34}" + "".join(f"{v:>28}" for v in envs))
        cpu: dict[tuple[str, str], float] = {}
        for label, argv, cwd in rows:
            cells = []
            for variant, env in envs.items():
                cpu[label, variant], fastest, median = timed([sys.executable, *argv], env, cwd, args.runs)
                cells.append(f"{cpu[label, variant]:8.0f} | {fastest:6.0f} / {median:6.0f}")
            print(f"{label:<34}" + "".join(f"{c:>28}" for c in cells), flush=True)
    floor = {v: cpu["python -c pass", v] for v in envs}
    imports = ", ".join(f"{v} {cpu['termweave check --help', v] - floor[v]:.0f} ms" for v in envs)
    print(f"check's imports (CPU of `termweave check --help` minus `python -c pass`): {imports}")


if __name__ == "__main__":
    main()
