"""A translator saving uk.po at random moments while ``termweave run`` works: edits lost?

    python benchmarks/concurrent_edits.py [TRIALS] [--baseline SRC_DIR]

Each trial changes the seed (so ``run`` rewrites the catalogs), forks an "editor" that sleeps a
random time within one run's duration and then saves uk.po with a new title translation the
way Poedit does (read, change, write a temp file, rename), and runs ``termweave run``. An edit
is lost when the title translation after the run is not the editor's. Prints the trials, how
many saves landed while ``run`` was working, and the edits lost; ``--baseline SRC_DIR`` runs
the same trials with another checkout's ``src`` (e.g. the commit before the project lock) in
the same run.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the tests' seed edit (support.toggle_seed_sentence)

from support import toggle_seed_sentence  # noqa: E402


def _save_as_editor(path: Path, text: str) -> None:
    import polib

    po = polib.pofile(path.read_text(encoding="utf-8"), wrapwidth=78)
    entry = next(e for e in po if e.msgctxt == "title" and not e.obsolete)
    entry.msgstr = text
    temp = path.with_name(f"{path.name}~editor")
    temp.write_text(str(po) + "\n", encoding="utf-8")
    os.replace(temp, path)


def _title(path: Path) -> str:
    import polib

    return next(e.msgstr for e in polib.pofile(str(path)) if e.msgctxt == "title" and not e.obsolete)


def trials(count: int) -> tuple[int, int]:
    from termweave.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("seeds", "glossary", "translations"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "termweave.toml", project / "termweave.toml")
        os.chdir(project)
        uk = project / "translations" / "uk.po"
        main(["-q", "run"])
        started = time.perf_counter()
        toggle_seed_sentence(project, True)
        main(["-q", "run"])
        duration = time.perf_counter() - started
        rng = random.Random(11)
        during = lost = 0
        for trial in range(count):
            toggle_seed_sentence(project, trial % 2 == 0)
            marker = f"Правка {trial}"
            delay = rng.uniform(0, duration)
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                time.sleep(delay)
                _save_as_editor(uk, marker)
                os.write(write, repr(time.perf_counter()).encode())
                os._exit(0)
            os.close(write)
            begun = time.perf_counter()
            main(["-q", "run"])
            ended = time.perf_counter()
            os.waitpid(pid, 0)
            saved = float(os.read(read, 64).decode())
            os.close(read)
            during += begun <= saved <= ended
            lost += _title(uk) != marker
        os.chdir(ROOT)
    return during, lost


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("trials", nargs="?", type=int, default=200)
    parser.add_argument("--baseline", type=Path)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(*trials(args.trials))
        return 0
    rows = [("this checkout", *trials(args.trials))]
    if args.baseline:
        env = dict(os.environ, PYTHONPATH=str(args.baseline.resolve()))
        out = subprocess.run(
            [sys.executable, __file__, str(args.trials), "--child"], env=env, check=True, capture_output=True, text=True
        ).stdout.split()
        rows.append((f"baseline {args.baseline}", int(out[0]), int(out[1])))
    print(f"{'code':40} {'trials':>7} {'saves during run':>17} {'edits lost':>11}")
    for name, during, lost in rows:
        print(f"{name:40} {args.trials:>7} {during:>17} {lost:>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
