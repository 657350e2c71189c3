"""Does a journal project scale linearly? ``run`` and ``status`` at 100 and 1,000 articles.

    .venv/bin/python benchmarks/scale.py [--small 100] [--large 1000] [--keep DIR]

For each size, generates a project (``generate_journal.py``: realistic seeds, the shipped
glossary, reviewed catalogs with ~5 % of articles in progress), then times, each in its own
process: the first ``run`` (writes every edition and review page), a no-op ``run`` (nothing
changed since), ``status`` and ``status --format json`` (both served by the state of settled
articles) and ``status`` with the state removed (every article read and checked again). To
time a fixed copy of the code while editing it, set ``PYTHONPATH`` to a copy of ``src/``
(termweave's code is part of each article's fingerprint). Prints the times, the ratio
large/small (the baseline is the small project, measured in the same run) and the scaling
exponent log(t_large / t_small) / log(large / small): 1.0 is linear. Targets: exponent ≤ 1.1
for run and status; a no-op run at 1,000 articles < 10 s on 2 cores.
"""

from __future__ import annotations

import argparse
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_journal import generate  # noqa: E402

TERMWEAVE = [sys.executable, "-m", "termweave"]
STATE = Path(".termweave") / "state.json"
# (label, arguments, forget the state first): "status (no state)" checks every article anew.
STEPS = (
    ("run (first)", ["run", "-q"], False),
    ("run (no-op)", ["run", "-q"], False),
    ("status", ["status"], False),
    ("status --format json", ["status", "--format", "json"], False),
    ("status (no state)", ["status"], True),
)


def timed(folder: Path, argv: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+sys) of one termweave process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([*TERMWEAVE, *argv], cwd=folder, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"termweave {' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(folder: Path, articles: int) -> dict[str, tuple[float, float]]:
    started = time.perf_counter()
    generate(folder, articles)
    print(f"  generated {articles} articles in {time.perf_counter() - started:.1f} s", flush=True)
    times = {}
    for label, argv, forget in STEPS:
        if forget:
            (folder / STATE).unlink(missing_ok=True)
        times[label] = timed(folder, argv)
        wall, cpu = times[label]
        print(f"  {articles:>5} articles  {label:<22} {wall:7.2f} s wall {cpu:7.2f} s CPU", flush=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="generate the projects here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="termweave-scale-") as tmp:
        base = args.keep or Path(tmp)
        small = measure(base / f"journal-{args.small}", args.small)
        large = measure(base / f"journal-{args.large}", args.large)
    size_ratio = args.large / args.small
    print(f"\n{'step':<22} {'clock':<5} {args.small:>6} art. {args.large:>6} art.   ratio  exponent (1.0 = linear)")
    for label, _, _ in STEPS:
        for index, clock in enumerate(("wall", "CPU")):
            ratio = large[label][index] / small[label][index]
            exponent = math.log(ratio) / math.log(size_ratio)
            print(
                f"{label:<22} {clock:<5} {small[label][index]:8.2f} s {large[label][index]:8.2f} s "
                f"{ratio:7.2f}  {exponent:8.2f}"
            )
    no_op = large["run (no-op)"][0]
    verdict = "meets" if no_op < 10 else "misses"
    print(
        f"\nno-op run at {args.large} articles: {no_op:.2f} s wall ({verdict} the < 10 s target); "
        f"the first run at {args.large}: {large['run (first)'][0]:.2f} s"
    )


if __name__ == "__main__":
    main()
