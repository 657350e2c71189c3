"""Time every parser on 1 MB pathological inputs against a plain input of the same size.

    python benchmarks/pathological_inputs.py [BYTES]

Prints, per case, the plain time (the baseline, measured in the same run), the pathological
time, their ratio and whether the pathological input stays under the issue's 2 s target.
A case that runs longer than 60 s is stopped and reported as a hang.
"""

from __future__ import annotations

import signal
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pathological import CASES, timed  # noqa: E402

TARGET_SECONDS = 2.0
HANG_SECONDS = 60


class Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise Hang


def main() -> int:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    signal.signal(signal.SIGALRM, _alarm)
    print(f"{'parser':24} {'input':32} {'plain s':>8} {'hostile s':>9} {'ratio':>7}  < {TARGET_SECONDS:g} s")
    misses = 0
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            plain = timed(case, case.plain(size), Path(tmp))
            signal.alarm(HANG_SECONDS)
            try:
                hostile = timed(case, case.hostile(size), Path(tmp))
            except Hang:
                hostile = float("inf")
            finally:
                signal.alarm(0)
        ok = hostile < TARGET_SECONDS
        misses += not ok
        shown = f"{hostile:9.3f}" if hostile != float("inf") else f"{'>' + str(HANG_SECONDS):>9}"
        print(
            f"{case.parser:24} {case.name:32} {plain:8.3f} {shown} {hostile / max(plain, 1e-4):7.1f}  "
            f"{'yes' if ok else 'NO'}",
            flush=True,
        )
    print(f"{len(CASES) - misses} of {len(CASES)} pathological {size:,}-byte inputs under {TARGET_SECONDS:g} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
